import CityPressLoad
import CityPressCore
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
        let page = context.renderer.printPage(index, signatoriesHTML: context.fragments.signatories(of: index, in: context.renderer).forPrint)
        return context.page(page, template: Self.template.template, route: route(of: index, in: context.site))
    }
    // A print edition asks not to be indexed (its canonical link is the page it prints): a sitemap lists
    // only pages a search engine may index, or it reports each one as a mistake.
    package var isListedInSitemap: Bool { false }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome + TemplateViews.printSignatoryList }
}

extension SiteRenderer {
    /// The print edition of declaration `index`: the web page, or, `on` a paper, the document a PDF is
    /// printed from (its paper size fixed, its title the declaration's, which the browser stores as the PDF's).
    /// With `translation`, the print edition of that translation, in its language.
    package func printPage(_ index: Int, signatoriesHTML names: String, on paper: Paper? = nil,
                           translation: Translation? = nil) -> PrintPage {
        if let translation, translation.language != interface.language, translationInterfaces[translation.language] != nil {
            return speaking(translation.language).printPage(index, signatoriesHTML: names, on: paper, translation: translation)
        }
        let original = site.declarations[index]
        let declaration = translation.map { original.translated(by: $0) } ?? original
        let route = translation.map { TranslationOutput.printRoute($0.language, original.slug) } ?? PrintOutput.route(original.slug)
        // The web page it prints: the declaration's, or the translation's.
        let webPage = translation.map { TranslationOutput.route($0.language, original.slug) } ?? DeclarationOutput.route(original.slug)
        // In a site language's tree (a translation into one), links and paths start at the tree's root.
        let local = !tree.isEmpty && route.path.hasPrefix(tree) ? Route(String(route.path.dropFirst(tree.count))) : route
        let links = self.links(for: local)
        let path = local.path
        var page = meta(links, path: path, title: interface.text(.printEditionTitle, ("title", declaration.title)),
                        description: interface.text(.printDescription, ("title", declaration.title)), section: .declarations,
                        trail: [.init(label: declaration.title, href: links.to(webPage)),
                                .init(label: text[.printEdition], href: nil)])
        if paper != nil { page.title = declaration.title }
        // The print edition is a copy of the declaration's page: search engines should send readers there.
        page.canonicalURL = site.config.baseURL.map { $0 + webPage.path }
        page.robots = "noindex"
        return PrintPage(
            page: page,
            declaration: declarationView(index, links: links, signatoriesHTML: names, forPaper: true,
                                         as: translation == nil ? nil : declaration,
                                         printHref: translation == nil ? nil : links.to(route), pageHref: links.to(webPage),
                                         paperPage: webPage.path),
            network: site.config.network,
            sourceURL: site.config.baseURL.map { $0 + webPage.path },
            editionText: declaration.signatoriesAsOf.map(interface.date), paperSize: paper?.cssSize)
    }

    /// The documents the declarations at `indexes` are printed to PDF from, one per paper, each to be
    /// opened from the print page's folder (its links are relative to it).
    package func printEditions(of indexes: [Int], on papers: [Paper]) -> [PrintEdition] {
        let fragments = SharedFragments(renderer: self, declarations: Set(indexes))
        return indexes.flatMap { index in
            papers.map { paper in
                let page = printPage(index, signatoriesHTML: fragments.signatories(of: index, in: self).forPrint, on: paper)
                let slug = site.declarations[index].slug
                return PrintEdition(declaration: index, paper: paper, folder: PrintOutput.route(slug).path, fileStem: slug,
                                    pageFolder: DeclarationOutput.route(slug).path,
                                    html: templates.renderBytes(page, with: PrintOutput.template.template))
            }
        }
    }
}

/// A print edition (a declaration's, or an implementation update's) for one paper, ready to print to PDF.
package struct PrintEdition: Sendable {
    /// The declaration's index in the site.
    package let declaration: Int
    package let paper: Paper
    /// The folder below the site root whose page it is a variant of, where it must be opened from.
    package let folder: String
    /// The PDF's name without the paper and extension: `<slug>`, `<slug>-update-<year>`.
    package let fileStem: String
    /// The folder of the web page that offers the PDF (`build --pdf` writes it there).
    package let pageFolder: String
    package let html: [UInt8]
}
