import CityPressLoad
import CityPressCore
import CityPressSite

/// `sitemap.xml`: the absolute URL of every output whose kind is listed in sitemaps, with the day its
/// content last changed (`ContentDates`: content dates only, so the bytes stay the same). Only a site
/// with a `base_url` has one (a sitemap's URLs must be absolute).
package struct SitemapOutput: OutputKind {
    /// Where its file goes.
    package static let route = Route("sitemap.xml")

    package func items(in site: Site) -> [String] { site.config.baseURL.map { [$0] } ?? [] }
    package func route(of item: String, in site: Site) -> Route { Self.route }
    // The routes (which every output depends on anyway) and the content dates of every page.
    package func dependencies(of item: String, in site: Site) -> [Dependency] { OpenDataOutput.everything(in: site) }
    package func render(_ baseURL: String, in context: RenderContext) -> [UInt8] {
        Array(Self.xml(baseURL: baseURL, routes: context.sitemapRoutes, dates: ContentDates(context.site),
                       versions: Self.versions(of: context.site)).utf8)
    }
    package var isListedInSitemap: Bool { false }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var isStartedFirst: Bool { true }

    /// Each translated declaration's page and its translations' pages, and each page that every site
    /// language has in each language, by route, with every version.
    static func versions(of site: Site) -> [Route: [(language: String, route: Route)]] {
        var result: [Route: [(language: String, route: Route)]] = [:]
        if !site.config.languages.isEmpty {
            for case let kind as any InEveryLanguage in SiteOutputs.kinds {
                for route in kind.originalRoutes(in: site) {
                    let all = [(language: site.config.language, route: route)]
                        + site.config.languages.map { (language: $0, route: route.inTree($0)) }
                    for version in all { result[version.route] = all }
                }
            }
        }
        for index in Set(site.translations.map(\.declaration)).sorted() {
            let slug = site.declarations[index].slug
            let all = [(site.config.language, DeclarationOutput.route(slug))]
                + site.translations(of: index).map { ($0.language, TranslationOutput.route($0.language, slug)) }
            for (_, route) in all { result[route] = all.map { (language: $0.0, route: $0.1) } }
        }
        return result
    }

    /// The sitemap of `routes` for a site published at `baseURL` (ending in `/`), each with the day its
    /// content last changed (`lastmod`) when `dates` knows one.
    /// `versions` gives the language versions of pages that have some (`hreflang`, every version
    /// listing all of them, itself included, as search engines ask).
    static func xml(baseURL: String, routes: [Route], dates: ContentDates? = nil,
                    versions: [Route: [(language: String, route: Route)]] = [:]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // The xhtml namespace only where it is used: a site in one language keeps its sitemap's bytes.
        xml += versions.isEmpty ? "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            : "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for route in routes.sorted() {
            let lastmod = dates?.lastModified(route).map { "<lastmod>\($0)</lastmod>" } ?? ""
            let alternates = (versions[route] ?? []).map {
                "<xhtml:link rel=\"alternate\" hreflang=\"\(MarkupEscaping.escape($0.language))\" href=\"\(MarkupEscaping.escape(baseURL + $0.route.path))\"/>"
            }.joined()
            xml += "  <url><loc>\(MarkupEscaping.escape(baseURL + route.path))</loc>\(lastmod)\(alternates)</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
    package var isMadeWithoutTemplates: Bool { true }
}
