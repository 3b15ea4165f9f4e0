import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `declarations/`: every declaration, newest first.
package struct DeclarationsIndexOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("declarations", view: DeclarationsIndexPage.self, as: "the declarations index")
    /// Where its file goes.
    package static let route = Route("declarations/")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    // Each card counts its signatories by kind.
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [.allDeclarations, .allCities] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.declarationsIndexPage(), template: Self.template.template, route: Self.route)
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func declarationsIndexPage() -> DeclarationsIndexPage {
        let links = self.links(for: DeclarationsIndexOutput.route)
        let summaries = site.declarations.indices.map { summary(of: $0, links: links, headingLevel: 2) }
        return DeclarationsIndexPage(
            page: meta(links, path: DeclarationsIndexOutput.route.path, title: text[.declarations],
                       description: interface.text(.declarationsDescription, ("declarations", Counted.text(summaries.count, .countDeclarations, in: interface)),
                                                ("network", site.config.network)),
                       section: .declarations, trail: [.init(label: text[.declarations], href: nil)], inEveryLanguage: true),
            declarations: summaries, hasDeclarations: !summaries.isEmpty)
    }
}
