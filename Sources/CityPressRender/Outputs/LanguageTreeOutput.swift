import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `<lang>/…`: the pages of `Base` (the home page, an index, the city pages…) in each of the site's
/// other languages (`languages:` in `site.yml`), in that language's tree: the same data, that
/// language's interface and A–Z order, links that stay in the tree. Declared in `SiteOutputs` once
/// per kind of page that every language has; a site without `languages:` has none.
package struct LanguageTreeOutput<Base: OutputKind>: OutputKind {
    /// One page of `Base` in one language.
    package struct Item: Sendable {
        package let language: String
        package let item: Base.Item
    }

    /// The kind of page every language has a version of.
    package let base: Base

    /// The pages of `base` in every site language but the site's own.
    package init(_ base: Base) {
        self.base = base
    }

    package func items(in site: Site) -> [Item] {
        guard !site.config.languages.isEmpty else { return [] }
        let items = base.items(in: site)
        return site.config.languages.flatMap { language in items.map { Item(language: language, item: $0) } }
    }
    package func route(of item: Item, in site: Site) -> Route { base.route(of: item.item, in: site).inTree(item.language) }
    // The same data as the original's page (a translation's change rebuilds everything in the preview).
    package func dependencies(of item: Item, in site: Site) -> [Dependency] { base.dependencies(of: item.item, in: site) }
    package func render(_ item: Item, in context: RenderContext) -> [UInt8] {
        base.render(item.item, in: context.speaking(item.language))
    }
    package var isListedInSitemap: Bool { base.isListedInSitemap }
    package var isRenderedWhenAskedInPreview: Bool { base.isRenderedWhenAskedInPreview }
    package var isStartedFirst: Bool { base.isStartedFirst }
    // Rendered with `Base`'s template, which `Base` declares.
    package var template: TemplateEntry? { nil }
    package var pageTemplate: String? { base.pageTemplate }
    package var sharedFragments: [TemplateEntry]? { base.sharedFragments }
    package var isMadeWithoutTemplates: Bool { base.isMadeWithoutTemplates }
}

/// An output kind whose pages have a version in every site language.
package protocol InEveryLanguage: Sendable {
    /// The routes of the pages in the site's own language, each of which every other language has too.
    func originalRoutes(in site: Site) -> [Route]
}

extension LanguageTreeOutput: InEveryLanguage {
    package func originalRoutes(in site: Site) -> [Route] { base.items(in: site).map { base.route(of: $0, in: site) } }
}

extension Route {
    /// This page's version in the tree of `language` (`fr/cities/amsterdam/`).
    package func inTree(_ language: String) -> Route { Route(language + "/" + path) }
}
