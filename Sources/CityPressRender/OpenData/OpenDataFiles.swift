import Foundation
import CityPressCore
import CityPressSite

/// The bytes of every open-data file of one build, made the first time any is asked for: the data
/// page shows each file's size and row count, and the files themselves are outputs of their own, so
/// both read the one copy rather than encoding ten thousand rows twice. One per render, never shared
/// between builds.
package final class OpenDataFiles: @unchecked Sendable {
    /// One file: where it goes, its bytes and how many rows it has (none for the schema).
    package struct File: Sendable {
        package let route: Route
        package let bytes: [UInt8]
        package let rows: Int?
    }

    private let site: Site
    private let lock = NSLock()
    private var made: [Route: File]?

    /// The files of `site`, made when first needed.
    package init(site: Site) {
        self.site = site
    }

    /// The file at `route`; empty bytes for a route that is not a data file.
    package func file(at route: Route) -> File {
        files()[route] ?? File(route: route, bytes: [], rows: nil)
    }

    /// Every file, by route.
    package func files() -> [Route: File] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let tables = OpenDataTables(site)
        let base = site.config.baseURL
        var jobs: [(Route, DataTable, OpenDataFormat, schema: String)] = []
        for table in tables.tables {
            for format in OpenDataFormat.allCases {
                jobs.append((OpenDataOutput.route(table.dataset, format), table, format,
                             base.map { $0 + OpenDataOutput.schemaRoute.path } ?? OpenDataset.schemaFile))
            }
        }
        for (index, table) in tables.signatoriesByDeclaration.enumerated() {
            let slug = site.declarations[index].slug
            for format in OpenDataFormat.allCases {
                let route = DeclarationDataOutput.route(slug, format)
                jobs.append((route, table, format,
                             base.map { $0 + OpenDataOutput.schemaRoute.path }
                                ?? Links(depth: route.depth).to(OpenDataOutput.schemaRoute)))
            }
        }
        let encoded = jobs.parallelMap { route, table, format, schema in
            File(route: route, bytes: format == .csv ? table.csv() : table.json(schema: schema), rows: table.rows.count)
        }
        var files = Dictionary(uniqueKeysWithValues: encoded.map { ($0.route, $0) })
        let schema = Array((OpenDataSchema.document(for: site).text() + "\n").utf8)
        files[OpenDataOutput.schemaRoute] = File(route: OpenDataOutput.schemaRoute, bytes: schema, rows: nil)
        made = files
        return files
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
