import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `404.html`: what a web server answers for an address the site does not have.
package struct NotFoundOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("404", view: NotFoundPage.self, as: "the not-found page")
    /// Where its file goes.
    package static let route = Route("404.html")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.notFoundPage(), template: Self.template.template, route: Self.route)
    }
    package var isListedInSitemap: Bool { false }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func notFoundPage() -> NotFoundPage {
        // Served at any address, so its links start from the site's root, not from its own folder.
        let root = site.config.baseURL.map(SiteConfig.path(ofBaseURL:)) ?? "/"
        let links = Links(absoluteRoot: root)
        var page = meta(links, path: NotFoundOutput.route.path, title: text[.pageNotFound],
                        description: text[.notFoundDescription], section: .none,
                        trail: [.init(label: text[.pageNotFound], href: nil)])
        page.robots = "noindex"
        // It stands for no address of its own: a canonical link to `404.html` would name one.
        page.canonicalURL = nil
        return NotFoundPage(page: page)
    }
}
