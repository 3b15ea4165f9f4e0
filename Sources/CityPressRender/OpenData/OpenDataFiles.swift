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

        func write(to bytes: inout [UInt8]) {
            if format == .csv { table.writeCSV(to: &bytes) } else { table.writeJSON(schema: schema, to: &bytes) }
        }
    }

    private let site: Site
    private let lock = NSLock()
    private var sources: [Route: Source]?
    /// The files whose bytes were made (and whose sources were let go).
    private var given: Set<Route> = []
    /// Every file's size, as each was made or measured.
    private var sizes: [Route: Size] = [:]

    /// The files of `site`, made when first needed.
    package init(site: Site) {
        self.site = site
    }

    /// The bytes of the file at `route`; empty for a route that is not a data file.
    ///
    /// A file's source is let go once its bytes are made: the tables' cells (with every reported
    /// action's text, hundreds of megabytes with tens of thousands of reports) are freed as the build
    /// goes, not at its end. A file asked for again is made from tables made again for it.
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
        }
        var bytes: [UInt8] = []
        // The writer reserves the rest once its first rows tell how long a row is.
        bytes.reserveCapacity(64 * 1024)
        source.write(to: &bytes)
        let size = Size(bytes: bytes.count, rows: source.table.rows.count)
        lock.withLock { sizes[route] = size }
        return bytes
    }

    /// The size and rows of the file at `route` (zero for a route that is not a data file).
    package func size(at route: Route) -> Size {
        if let known = lock.withLock({ sizes[route] }) { return known }
        let size: Size
        if route == OpenDataOutput.schemaRoute {
            size = Size(bytes: schema().count, rows: nil)
        } else if let source = madeSources()[route] ?? (lock.withLock({ given.contains(route) }) ? Self.sources(of: site)[route] : nil) {
            size = Size(bytes: bytes(at: route).count, rows: source.table.rows.count)
        } else {
            return Size(bytes: 0, rows: nil)
        }
        lock.withLock { sizes[route] = size }
        return size
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
                    schema: base.map { $0 + OpenDataOutput.schemaRoute.path } ?? OpenDataset.schemaFile)
            }
        }
        for (index, table) in tables.signatoriesByDeclaration.enumerated() {
            for format in OpenDataFormat.allCases {
                let route = DeclarationDataOutput.route(site.declarations[index].slug, format)
                made[route] = Source(table: table, format: format,
                                     schema: base.map { $0 + OpenDataOutput.schemaRoute.path }
                                        ?? Links(depth: route.depth).to(OpenDataOutput.schemaRoute))
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
