import Foundation
import CityPressCore
import CityPressSite

/// The open-data files of one build. The tables are made once, the first time any file is asked
/// for; each file's bytes are encoded when its output is rendered, and its size is remembered then
/// for the Data page (rendered after the files: it is the last output of the registry), so the
/// build never holds all the files in memory at once (at ten thousand cities they are tens of
/// megabytes) and encodes each once. A size asked for before its file was made (the preview renders
/// the Data page alone) is measured by encoding it. One per render, never shared between builds.
package final class OpenDataFiles: @unchecked Sendable {
    /// One file's size and rows (none for the schema).
    package struct Size: Sendable {
        package let bytes: Int
        package let rows: Int?
    }

    /// How one file is made: a table in a format, with the schema's address it names.
    private struct Source: Sendable {
        let table: DataTable
        let format: OpenDataFormat
        let schema: String
        /// For one declaration's signatories: its rows' positions in the site-wide signatories table.
        var rowsOfAllSignatories: Range<Int>? = nil
        /// Whether this is the site-wide signatories table.
        var isAllSignatories = false

        func write(to bytes: inout [UInt8], rowRanges: inout [Range<Int>]) {
            if format == .csv {
                table.writeCSV(to: &bytes, rowRanges: &rowRanges)
            } else {
                table.writeJSON(schema: schema, to: &bytes, rowRanges: &rowRanges)
            }
        }
    }

    /// A site-wide signatories file kept, with where its rows are, until every declaration's own file
    /// in its format (made of the same rows) is made from it instead of encoding the rows again.
    private struct HeldSignatories {
        let bytes: [UInt8]
        let rowRanges: [Range<Int>]
        var waiting: Set<Route>
    }

    private let site: Site
    /// Guards what follows; signalled when a file's size becomes known.
    private let lock = NSCondition()
    /// Files being made now, on some thread: asking for their size waits for them (the Data page,
    /// rendered last, may come while the largest file is still being written).
    private var inFlight: Set<Route> = []
    private var sources: [Route: Source]?
    /// The files whose bytes were made (and whose sources were let go).
    private var given: Set<Route> = []
    /// Every file's size, as each was made or measured.
    private var sizes: [Route: Size] = [:]
    /// The site-wide signatories files made and not yet used up, by format.
    private var heldSignatories: [OpenDataFormat: HeldSignatories] = [:]

    /// Whether the site-wide signatories are kept to make the declarations' files from (a build
    /// makes them all, soon after; the preview makes a file only when asked, maybe never).
    private let keepsSignatoryRows: Bool

    /// The files of `site`, made when first needed.
    package init(site: Site, keepsSignatoryRows: Bool = true) {
        self.site = site
        self.keepsSignatoryRows = keepsSignatoryRows
    }

    /// The bytes of the file at `route`; empty for a route that is not a data file.
    ///
    /// A file's rows are written straight from the site when it is made (`DataTable`), so nothing of a
    /// table is held between files; a file asked for again is written again.
    package func bytes(at route: Route) -> [UInt8] {
        if route == OpenDataOutput.schemaRoute { return schema() }
        let made = madeSources()
        let source: Source
        if let found = made[route] {
            source = found
        } else if lock.withLock({ given.contains(route) }), let again = Self.sources(of: site)[route] {
            source = again
        } else {
            return []
        }
        lock.withLock {
            sources?[route] = nil
            given.insert(route)
            inFlight.insert(route)
        }
        let bytes = assembled(route, from: source) ?? encoded(route, from: source)
        let size = Size(bytes: bytes.count, rows: source.table.rowCount)
        lock.withLock {
            sizes[route] = size
            inFlight.remove(route)
            lock.broadcast()
        }
        return bytes
    }

    /// The file of `source` encoded; the site-wide signatories are kept for the declarations' files.
    private func encoded(_ route: Route, from source: Source) -> [UInt8] {
        var bytes: [UInt8] = []
        var rowRanges: [Range<Int>] = []
        // The writer reserves the rest once its first rows tell how long a row is.
        bytes.reserveCapacity(64 * 1024)
        source.write(to: &bytes, rowRanges: &rowRanges)
        if source.isAllSignatories, keepsSignatoryRows {
            let waiting = Set(site.declarations.map { DeclarationDataOutput.route($0.slug, source.format) })
            lock.withLock {
                let notMade = waiting.subtracting(given)
                if !notMade.isEmpty {
                    heldSignatories[source.format] = HeldSignatories(bytes: bytes, rowRanges: rowRanges, waiting: notMade)
                }
            }
        }
        return bytes
    }

    /// One declaration's signatories made of the site-wide file's rows, when that file is held.
    private func assembled(_ route: Route, from source: Source) -> [UInt8]? {
        guard let rows = source.rowsOfAllSignatories else { return nil }
        let held: HeldSignatories? = lock.withLock {
            guard var held = heldSignatories[source.format], held.waiting.contains(route) else { return nil }
            held.waiting.remove(route)
            heldSignatories[source.format] = held.waiting.isEmpty ? nil : held
            return held
        }
        guard let held, rows.upperBound <= held.rowRanges.count else { return nil }
        return source.table.file(source.format, schema: source.schema, rows: held.rowRanges[rows], of: held.bytes)
    }

    /// The size and rows of the file at `route` (zero for a route that is not a data file).
    package func size(at route: Route) -> Size {
        let known: Size? = lock.withLock {
            while sizes[route] == nil, inFlight.contains(route) { lock.wait() }
            return sizes[route]
        }
        if let known { return known }
        if route == OpenDataOutput.schemaRoute {
            let size = Size(bytes: schema().count, rows: nil)
            lock.withLock { sizes[route] = size }
            return size
        }
        // Not made yet (the preview renders the Data page alone): made now, which records its size.
        _ = bytes(at: route)
        return lock.withLock { sizes[route] } ?? Size(bytes: 0, rows: nil)
    }

    private func schema() -> [UInt8] { Array((OpenDataSchema.document(for: site).text() + "\n").utf8) }

    /// Every file's source, made once (less those already given).
    private func madeSources() -> [Route: Source] {
        lock.lock()
        defer { lock.unlock() }
        if let sources { return sources }
        let made = Self.sources(of: site)
        sources = made
        return made
    }

    /// Every data file's source in `site`, by route.
    private static func sources(of site: Site) -> [Route: Source] {
        let tables = OpenDataTables(site)
        let base = site.config.baseURL
        var made: [Route: Source] = [:]
        for table in tables.tables {
            for format in OpenDataFormat.allCases {
                made[OpenDataOutput.route(table.dataset, format)] = Source(
                    table: table, format: format,
                    schema: base.map { $0 + OpenDataOutput.schemaRoute.path } ?? OpenDataset.schemaFile,
                    isAllSignatories: table.dataset == .signatories)
            }
        }
        // Each declaration's rows follow the previous declaration's in the site-wide table.
        var firstRow = 0
        for (index, table) in tables.signatoriesByDeclaration.enumerated() {
            let rows = firstRow..<(firstRow + table.rowCount)
            firstRow = rows.upperBound
            for format in OpenDataFormat.allCases {
                let route = DeclarationDataOutput.route(site.declarations[index].slug, format)
                made[route] = Source(table: table, format: format,
                                     schema: base.map { $0 + OpenDataOutput.schemaRoute.path }
                                        ?? Links(depth: route.depth).to(OpenDataOutput.schemaRoute),
                                     rowsOfAllSignatories: rows)
            }
        }
        return made
    }
}

/// The formats every table is published in.
package enum OpenDataFormat: String, Sendable, CaseIterable {
    case csv, json

    /// The label links show.
    package var label: String { rawValue.uppercased() }
    /// The media type, for links' `type`.
    package var mediaType: String { self == .csv ? "text/csv" : "application/json" }
}
