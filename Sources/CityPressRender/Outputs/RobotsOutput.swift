import CityPressLoad
import CityPressSite

/// `robots.txt`: every crawler may read every page (print editions and the not-found page ask not to
/// be indexed in their own `<meta name="robots">`), and, with a `base_url`, where the sitemap is.
/// Crawlers read it only at a host's root: a site published under a path is told so in the README.
package struct RobotsOutput: OutputKind {
    /// Where its file goes.
    package static let route = Route("robots.txt")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    // Only site.yml's base_url, on which every output depends anyway.
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        var text = "User-agent: *\nAllow: /\n"
        if let base = context.site.config.baseURL { text += "\nSitemap: \(base)\(SitemapOutput.route.path)\n" }
        return Array(text.utf8)
    }
    package var isListedInSitemap: Bool { false }
    package var isMadeWithoutTemplates: Bool { true }
}
