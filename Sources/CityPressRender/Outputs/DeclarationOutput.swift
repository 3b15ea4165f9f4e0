import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `declarations/<slug>/`: a declaration's full text, its signatories and its PDFs.
package struct DeclarationOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("declaration", view: DeclarationPage.self, as: "a declaration page")
    /// The page of the declaration `slug`.
    package static func route(_ slug: String) -> Route { Route("declarations/\(slug)/") }
    /// How deep every declaration page is (shared fragments are made for it).
    package static let depth = route("x").depth

    package func items(in site: Site) -> [Int] { Array(site.declarations.indices) }
    package func route(of index: Int, in site: Site) -> Route { Self.route(site.declarations[index].slug) }
    package func dependencies(of index: Int, in site: Site) -> [Dependency] {
        site.declarations[index].pageDependencies(in: site)
    }
    package func render(_ index: Int, in context: RenderContext) -> [UInt8] {
        let page = context.renderer.declarationPage(index, signatoriesHTML: context.fragments.signatories(of: index, in: context.renderer).atDepth2)
        return context.page(page, template: Self.template.template, route: route(of: index, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome + TemplateViews.signatoryList }
}

extension SiteRenderer {
    /// The view its template receives.
    package func declarationPage(_ index: Int, signatoriesHTML: String) -> DeclarationPage {
        let declaration = site.declarations[index]
        let route = DeclarationOutput.route(declaration.slug)
        let links = self.links(for: route)
        let path = route.path
        let description = interface.text(.declarationDescription, ("title", declaration.title),
                                         ("commitments", Counted.text(declaration.commitments.count, .countCommitments, in: interface)),
                                         ("event", declaration.event), ("location", declaration.location),
                                         ("dates", interface.span(from: declaration.startDate, to: declaration.endDate)))
        var page = meta(links, path: path, title: declaration.title, description: description, section: .declarations,
                        trail: [.init(label: text[.declarations], href: links.declarations),
                                .init(label: declaration.title, href: nil)])
        page.shareType = "article"
        page.structuredData = StructuredData.declaration(index, in: site, links: links)
        page.versions = versions(of: index, current: site.config.language, links: links)
        page.hasVersions = !page.versions.isEmpty
        page.alternates = alternates(of: index)
        if page.hasVersions {
            let name = interface.languageName(interface.language, in: .authoritativeNote) ?? interface.name
            page.versionNote = interface.text(.authoritativeNote, ("language", name))
        }
        return DeclarationPage(
            page: page,
            declaration: declarationView(index, links: links, signatoriesHTML: signatoriesHTML, onItsPage: true))
    }
}

extension Declaration {
    /// What every page showing this declaration with its signatory list depends on: the declaration,
    /// what its list shows of each signatory, and the years it has updates for (the reports' text is
    /// not shown: a report edit leaves the page as it was).
    func pageDependencies(in site: Site) -> [Dependency] {
        [.declaration(slug), .signatoryList(slug), .updateList(slug)]
    }
}
