/// The render stage: turns the resolved site into pages (routes → page contexts → Mustache → HTML)
/// and hands each one to a sink as soon as it is rendered.
public struct SiteRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    /// PDF downloads to offer on declaration pages, by declaration slug (`citypress build --pdf`).
    let pdfs: [String: [PDFLinkView]]

    /// Creates a renderer for `site` with `templates`; declaration pages offer PDF downloads on `pdfPapers`.
    public init(site: Site, templates: TemplateSet, pdfPapers: [Paper] = []) {
        self.site = site
        self.templates = templates
        var pdfs: [String: [PDFLinkView]] = [:]
        for declaration in site.declarations where !pdfPapers.isEmpty {
            pdfs[declaration.slug] = pdfPapers.map {
                PDFLinkView(label: $0.label, href: Links(depth: 2).declaration(declaration.slug) + $0.fileName(for: declaration.slug))
            }
        }
        self.pdfs = pdfs
    }

    /// Every page path the site has, in the order they are rendered (for counts and progress).
    public var pageCount: Int {
        let perDeclaration = site.declarations.reduce(0) { $0 + 2 + $1.commitments.count }
        return 6 + perDeclaration + site.cities.count + site.countries.count
    }

    /// Renders every page into `sink`; returns the number of files written.
    @discardableResult
    public func render(into sink: some PageSink) throws -> Int {
        var written = 0
        func emit(_ contents: String, _ path: String) throws {
            try sink.write(contents, to: path)
            written += 1
        }
        try emit(templates.render(homePage(), with: "home"), "index.html")
        try emit(templates.render(declarationsIndexPage(), with: "declarations"), "declarations/index.html")
        for index in site.declarations.indices {
            let slug = site.declarations[index].slug
            let atDepth2 = signatoriesFragment(of: index, links: Links(depth: 2))
            try emit(templates.render(declarationPage(index, signatoriesHTML: atDepth2), with: "declaration"),
                     "declarations/\(slug)/index.html")
            try emit(templates.render(printPage(index), with: "print-layout"), "declarations/\(slug)/print/index.html")
            let atDepth4 = signatoriesFragment(of: index, links: Links(depth: 4))
            let view = declarationView(index, links: Links(depth: 4), signatoriesHTML: atDepth4)
            for position in site.declarations[index].commitments.indices {
                let page = commitmentPage(index, position: position, declaration: view)
                try emit(templates.render(page, with: "commitment"),
                         "declarations/\(slug)/commitments/\(page.number)/index.html")
            }
        }
        try emit(templates.render(citiesIndexPage(), with: "cities"), "cities/index.html")
        for index in site.cities.indices {
            try emit(templates.render(cityPage(index), with: "city"), "cities/\(site.cities[index].slug)/index.html")
        }
        try emit(templates.render(countriesIndexPage(), with: "countries"), "countries/index.html")
        for index in site.countries.indices {
            try emit(templates.render(countryPage(index), with: "country"),
                     "countries/\(site.countries[index].slug)/index.html")
        }
        try emit(templates.render(commitmentsIndexPage(), with: "commitments"), "commitments/index.html")
        try emit(templates.render(notFoundPage(), with: "404"), "404.html")
        if let baseURL = site.config.baseURL {
            try emit(Sitemap(site: site).xml(baseURL: baseURL), "sitemap.xml")
        }
        return written
    }

    func meta(_ links: Links, path: String, title: String?, description: String? = nil,
              section: PageMeta.Section, trail: [PageMeta.Crumb]) -> PageMeta {
        let crumbs = title == nil ? [PageMeta.Crumb(label: "Home", href: nil)]
            : [PageMeta.Crumb(label: "Home", href: links.home)] + trail
        return PageMeta(config: site.config, links: links, path: path, title: title,
                        description: description ?? site.config.description, section: section, breadcrumbs: crumbs)
    }

    func homePage() -> HomePage {
        let links = Links(depth: 0)
        let summaries = site.declarations.map { summary(of: $0, links: links) }
        return HomePage(
            page: meta(links, path: "", title: nil, section: .home, trail: []),
            description: site.config.description, declarations: summaries, hasDeclarations: !summaries.isEmpty,
            declarationCount: site.declarations.count, commitmentCount: site.commitmentCount,
            cityCount: site.cities.count, countryCount: site.countries.count)
    }

    func declarationsIndexPage() -> DeclarationsIndexPage {
        let links = Links(depth: 1)
        let summaries = site.declarations.map { summary(of: $0, links: links) }
        return DeclarationsIndexPage(
            page: meta(links, path: "declarations/", title: "Declarations",
                       description: "All \(summaries.count) declarations of the \(site.config.network), newest first.",
                       section: .declarations, trail: [.init(label: "Declarations", href: nil)]),
            declarations: summaries, hasDeclarations: !summaries.isEmpty)
    }

    func summary(of declaration: Declaration, links: Links) -> DeclarationSummaryView {
        DeclarationSummaryView(
            title: declaration.title, href: links.declaration(declaration.slug),
            dateText: declaration.date.longForm, event: declaration.event, location: declaration.location,
            commitmentCount: declaration.commitments.count, signatoryCount: declaration.signatories.count,
            hasSignatories: !declaration.signatories.isEmpty, isDraft: declaration.isDraft)
    }

    func notFoundPage() -> NotFoundPage {
        // Served at any address, so its links start from the site's root, not from its own folder.
        let root = site.config.baseURL.map { url -> String in
            guard let schemeEnd = url.range(of: "://"),
                  let pathStart = url[schemeEnd.upperBound...].firstIndex(of: "/") else { return "/" }
            return String(url[pathStart...])
        } ?? "/"
        let links = Links(absoluteRoot: root)
        return NotFoundPage(page: meta(links, path: "404.html", title: "Page not found",
                                       description: "This page does not exist.", section: .none,
                                       trail: [.init(label: "Page not found", href: nil)]))
    }
}
