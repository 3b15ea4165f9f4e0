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
        Array(Self.xml(baseURL: baseURL, routes: context.sitemapRoutes, dates: ContentDates(context.site)).utf8)
    }
    package var isListedInSitemap: Bool { false }

    /// The sitemap of `routes` for a site published at `baseURL` (ending in `/`), each with the day its
    /// content last changed (`lastmod`) when `dates` knows one.
    static func xml(baseURL: String, routes: [Route], dates: ContentDates? = nil) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in routes.sorted() {
            let lastmod = dates?.lastModified(route).map { "<lastmod>\($0)</lastmod>" } ?? ""
            xml += "  <url><loc>\(MarkupEscaping.escape(baseURL + route.path))</loc>\(lastmod)</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
