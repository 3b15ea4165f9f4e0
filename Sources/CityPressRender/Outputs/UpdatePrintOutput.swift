import CityPressLoad
import CityPressCore
import CityPressSite
import CityPressTemplates

/// `declarations/<slug>/updates/<year>/print/`: the print edition of an implementation update, the page
/// its PDFs are printed from.
package struct UpdatePrintOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("update-print", view: UpdatePrintPage.self, as: "an update's print edition",
                                                       optional: true)
    /// The print edition of the update of the declaration `slug` for `year`.
    package static func route(_ slug: String, _ year: Int) -> Route { Route("declarations/\(slug)/updates/\(year)/print/") }

    package func items(in site: Site) -> [UpdateOutput.Item] { UpdateOutput().items(in: site) }
    package func route(of item: UpdateOutput.Item, in site: Site) -> Route {
        Self.route(site.declarations[item.declaration].slug, item.year)
    }
    package func dependencies(of item: UpdateOutput.Item, in site: Site) -> [Dependency] {
        UpdateOutput().dependencies(of: item, in: site)
    }
    package func render(_ item: UpdateOutput.Item, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.updatePrintPage(item.declaration, year: item.year), template: Self.template.template,
                     route: route(of: item, in: context.site))
    }
    // Asks not to be indexed, as the declarations' print editions do: not listed.
    package var isListedInSitemap: Bool { false }
    package var template: TemplateEntry? { Self.template }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

/// `update-print`: an implementation update as a printed document.
package struct UpdatePrintPage: Sendable, Hashable {
    package let page: PageMeta
    package let update: UpdatePage
    package let network: String
    /// The title as a CSS string literal, quotes included, for `@page` margin boxes.
    package let titleCSSString: String
    /// The paper a PDF is printed on (`A4`, `letter`); `nil` on the web page.
    package let paperSize: String?
}

extension UpdatePrintPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("update", \.update), .field("network", \.network),
        .markup("titleCSSString", \.titleCSSString), .field("paperSize", \.paperSize)
    )
}

extension SiteRenderer {
    /// The print edition of the update of declaration `index` for `year`: the web page, or, `on` a
    /// paper, the document a PDF is printed from.
    package func updatePrintPage(_ index: Int, year: Int, on paper: Paper? = nil) -> UpdatePrintPage {
        let declaration = site.declarations[index]
        let route = UpdatePrintOutput.route(declaration.slug, year)
        let links = self.links(for: route)
        let title = interface.text(.updateTitle, ("title", declaration.title), ("year", String(year)))
        var page = meta(links, path: route.path, title: interface.text(.printEditionTitle, ("title", title)),
                        description: interface.text(.updatePrintDescription, ("year", String(year)), ("title", declaration.title)), section: .declarations,
                        trail: [.init(label: declaration.title, href: links.declaration(declaration.slug)),
                                .init(label: interface.text(.yearUpdate, ("year", String(year))), href: links.to(UpdateOutput.route(declaration.slug, year))),
                                .init(label: text[.printEdition], href: nil)])
        if paper != nil { page.title = title }
        // A copy of the update's page: search engines should send readers there.
        page.canonicalURL = site.config.baseURL.map { $0 + UpdateOutput.route(declaration.slug, year).path }
        page.robots = "noindex"
        return UpdatePrintPage(page: page, update: updatePage(index, year: year, at: route), network: site.config.network,
                               titleCSSString: Self.cssString(Self.footerTitle(title)), paperSize: paper?.cssSize)
    }

    /// The documents the updates of the declarations at `indexes` are printed to PDF from, one per
    /// update and paper, each to be opened from its print page's folder.
    package func updatePrintEditions(of indexes: [Int], on papers: [Paper]) -> [PrintEdition] {
        UpdateOutput().items(in: site).filter { indexes.contains($0.declaration) }.flatMap { item in
            papers.map { paper in
                let slug = site.declarations[item.declaration].slug
                return PrintEdition(declaration: item.declaration, paper: paper,
                                    folder: UpdatePrintOutput.route(slug, item.year).path,
                                    fileStem: "\(slug)-update-\(item.year)",
                                    pageFolder: UpdateOutput.route(slug, item.year).path,
                                    // Its actions' texts and city links are the web page's, relative to it.
                                    html: BodyLinks.anchorsForPaper(
                                        templates.renderBytes(updatePrintPage(item.declaration, year: item.year, on: paper),
                                                              with: Self.updatePrintTemplate),
                                        folder: UpdatePrintOutput.route(slug, item.year).path, baseURL: site.config.baseURL))
            }
        }
    }

    private static var updatePrintTemplate: String { UpdatePrintOutput.template.template }
}
