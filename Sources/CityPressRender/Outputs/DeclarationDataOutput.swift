import CityPressLoad
import CityPressSite

/// `declarations/<slug>/signatories.csv` and `.json`: one declaration's signatories, the rows of
/// `data/signatories` for it, offered on its page.
package struct DeclarationDataOutput: OutputKind {
    /// One declaration's file in one format.
    package struct Item: Sendable {
        let declaration: Int
        let format: OpenDataFormat
    }

    /// The signatories of the declaration `slug` in `format`.
    package static func route(_ slug: String, _ format: OpenDataFormat) -> Route {
        Route(DeclarationOutput.route(slug).path + "signatories." + format.rawValue)
    }

    package func items(in site: Site) -> [Item] {
        site.declarations.indices.flatMap { index in OpenDataFormat.allCases.map { Item(declaration: index, format: $0) } }
    }
    package func route(of item: Item, in site: Site) -> Route { Self.route(site.declarations[item.declaration].slug, item.format) }
    package func dependencies(of item: Item, in site: Site) -> [Dependency] {
        let slug = site.declarations[item.declaration].slug
        return [.declaration(slug), .signatoryList(slug)]
    }
    package func render(_ item: Item, in context: RenderContext) -> [UInt8] {
        context.openData.bytes(at: route(of: item, in: context.site))
    }
    package var isListedInSitemap: Bool { false }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var isMadeWithoutTemplates: Bool { true }
}
