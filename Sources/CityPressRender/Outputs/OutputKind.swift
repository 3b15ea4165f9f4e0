import CityPressSite
import CityPressTemplates

/// One kind of file the build writes (city pages, the sitemap…), declared once: which items of a site
/// it has, where each one's file goes, what each one is made from, and how its bytes are produced.
/// Every kind is listed in `SiteOutputs.kinds`; links, the sitemap, the header and footer variants
/// and the preview's incremental rebuilds are derived from the kinds, never spelled again.
package protocol OutputKind: Sendable {
    /// What one output of this kind is made from: an index into the site's arrays, or nothing.
    associatedtype Item: Sendable

    /// Every output of this kind that `site` has, in a fixed order.
    func items(in site: Site) -> [Item]
    /// Where `item`'s file goes.
    func route(of item: Item, in site: Site) -> Route
    /// What `item`'s bytes are made from, besides the templates and `site.yml`.
    func dependencies(of item: Item, in site: Site) -> [Dependency]
    /// `item`'s bytes.
    func render(_ item: Item, in context: RenderContext) -> [UInt8]
    /// Whether the sitemap lists outputs of this kind (HTML pages a search engine should index).
    var isListedInSitemap: Bool { get }
    /// The template a page kind renders, with its view (checked before anything is rendered); `nil`
    /// for outputs made without a template (the sitemap, data files).
    var template: TemplateEntry? { get }
}

extension OutputKind {
    package var template: TemplateEntry? { nil }

    /// Every output of this kind in `site`, each with its route.
    func planned(in site: Site) -> [PlannedOutput] {
        items(in: site).map { item in
            PlannedOutput(route: route(of: item, in: site), isListedInSitemap: isListedInSitemap,
                          dependencies: { dependencies(of: item, in: site) }, render: { render(item, in: $0) })
        }
    }
}

/// One file of one build: its route, and how to find its dependencies and bytes.
package struct PlannedOutput: Sendable {
    /// Where the file goes.
    package let route: Route
    /// Whether the sitemap lists it.
    package let isListedInSitemap: Bool
    /// What it is made from, in the site it was planned for.
    package let dependencies: @Sendable () -> [Dependency]
    /// Its bytes, rendered with a context of the site it was planned for.
    package let render: @Sendable (RenderContext) -> [UInt8]
}
