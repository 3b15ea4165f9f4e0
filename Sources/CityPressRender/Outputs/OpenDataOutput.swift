import CityPressLoad
import CityPressSite

/// `data/<table>.csv`, `data/<table>.json` and `data/schema-v1.json`: the open data, every table of
/// `OpenDataset` in both formats, and the JSON Schema that describes them.
package struct OpenDataOutput: OutputKind {
    /// One file: a table in a format, or the schema (no table).
    package struct Item: Sendable {
        let dataset: OpenDataset?
        let format: OpenDataFormat
    }

    /// The folder the files are in, below the site root.
    package static let folder = "data/"
    /// The JSON Schema.
    package static let schemaRoute = Route(folder + OpenDataset.schemaFile)
    /// The file of `dataset` in `format`.
    package static func route(_ dataset: OpenDataset, _ format: OpenDataFormat) -> Route {
        Route(folder + dataset.name + "." + format.rawValue)
    }

    package func items(in site: Site) -> [Item] {
        OpenDataset.published(in: site).flatMap { dataset in OpenDataFormat.allCases.map { Item(dataset: dataset, format: $0) } }
            + [Item(dataset: nil, format: .json)]
    }
    package func route(of item: Item, in site: Site) -> Route {
        item.dataset.map { Self.route($0, item.format) } ?? Self.schemaRoute
    }
    package func dependencies(of item: Item, in site: Site) -> [Dependency] {
        // The schema names the site's title and address (site.yml, on which everything depends).
        item.dataset == nil ? [] : Self.everything(in: site)
    }
    package func render(_ item: Item, in context: RenderContext) -> [UInt8] {
        context.openData.bytes(at: route(of: item, in: context.site))
    }
    package var isListedInSitemap: Bool { false }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var isStartedFirst: Bool { true }

    /// What the tables are made from: every city, declaration and report.
    static func everything(in site: Site) -> [Dependency] {
        [.allCities, .allDeclarations] + site.declarations.map { .declarationReports($0.slug) }
    }
    package var isMadeWithoutTemplates: Bool { true }
}
