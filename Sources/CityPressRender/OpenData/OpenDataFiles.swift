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
    /// Every file's size, as each was made or measured.
    private var sizes: [Route: Size] = [:]

    /// The files of `site`, made when first needed.
    package init(site: Site) {
        self.site = site
    }

    /// The bytes of the file at `route`; empty for a route that is not a data file.
    package func bytes(at route: Route) -> [UInt8] {
        if route == OpenDataOutput.schemaRoute { return schema() }
        guard let source = madeSources()[route] else { return [] }
        var bytes: [UInt8] = []
        // Generous: a JSON row repeats its keys. Pages of the capacity that are never written are
        // never touched, so they cost address space, not memory; growing the array copies it all.
        bytes.reserveCapacity(256 + source.table.rows.count * 48 * source.table.dataset.columns.count)
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
        } else if madeSources()[route] != nil {
            size = Size(bytes: bytes(at: route).count, rows: madeSources()[route]?.table.rows.count)
        } else {
            return Size(bytes: 0, rows: nil)
        }
        lock.withLock { sizes[route] = size }
        return size
    }

    private func schema() -> [UInt8] { Array((OpenDataSchema.document(for: site).text() + "\n").utf8) }

    /// Every file's source, made once.
    private func madeSources() -> [Route: Source] {
        lock.lock()
        defer { lock.unlock() }
        if let sources { return sources }
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
        sources = made
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
