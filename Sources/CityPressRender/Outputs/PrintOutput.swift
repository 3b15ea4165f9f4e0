import CityPressSite
import CityPressTemplates

/// `declarations/<slug>/print/`: the print edition of a declaration, the page its PDFs are printed from.
package struct PrintOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("print-layout", view: PrintPage.self, as: "a print page")
    /// The print edition of the declaration `slug`.
    package static func route(_ slug: String) -> Route { Route("declarations/\(slug)/print/") }

    package func items(in site: Site) -> [Int] { Array(site.declarations.indices) }
    package func route(of index: Int, in site: Site) -> Route { Self.route(site.declarations[index].slug) }
    package func dependencies(of index: Int, in site: Site) -> [Dependency] {
        site.declarations[index].pageDependencies(in: site)
    }
    package func render(_ index: Int, in context: RenderContext) -> [UInt8] {
        let page = context.renderer.printPage(index, signatoriesHTML: context.fragments.signatories[index].forPrint)
        return context.page(page, template: Self.template.template, route: route(of: index, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
}

extension SiteRenderer {
    package func printPage(_ index: Int, signatoriesHTML names: String) -> PrintPage {
        let declaration = site.declarations[index]
        let route = PrintOutput.route(declaration.slug)
        let links = self.links(for: route)
        let path = route.path
        return PrintPage(
            page: meta(links, path: path, title: "\(declaration.title) (print edition)",
                       description: "Printable text of \(declaration.title).", section: .declarations,
                       trail: [.init(label: declaration.title, href: links.declaration(declaration.slug)),
                               .init(label: "Print edition", href: nil)]),
            declaration: declarationView(index, links: links, signatoriesHTML: names, forPaper: true),
            network: site.config.network, signatoriesHTML: names,
            sourceURL: site.config.baseURL.map { $0 + DeclarationOutput.route(declaration.slug).path },
            editionText: declaration.signatoriesAsOf?.longForm)
    }
}
