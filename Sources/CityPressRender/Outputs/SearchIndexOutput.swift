import CityPressLoad
import CityPressSite

/// `search-index.js`: what the search page searches (see `SearchIndex`), made once per build.
package struct SearchIndexOutput: OutputKind {
    /// Where its file goes.
    package static let route = Route("search-index.js")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] {
        // Names of every city, country and declaration, every commitment's text, and each
        // declaration's reports (their action titles).
        [.allCities, .allDeclarations] + site.declarations.map { .declarationReports($0.slug) }
    }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        Array(SearchIndex(site: context.site, interface: context.renderer.interface, tree: context.renderer.tree,
                          translations: context.renderer.treeTranslations, order: context.renderer.placeOrder).javaScript.utf8)
    }
    package var isListedInSitemap: Bool { false }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var isStartedFirst: Bool { true }
    package var isMadeWithoutTemplates: Bool { true }
}
