import Foundation
import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// The render stage: turns the resolved site into pages (routes → page contexts → Mustache → HTML)
/// and hands each one to a sink as soon as it is rendered.
public struct SiteRenderer: Sendable {
    package let site: Site
    package let templates: TemplateSet
    /// How links name pages (folders for a web server, `index.html` for a local folder).
    package let linkStyle: LinkStyle
    /// PDF downloads to offer on declaration pages, by declaration slug (`citypress build --pdf`).
    package let pdfs: [String: [PDFLinkView]]
    /// Header and footer by link root and section, rendered once.
    package private(set) var chrome: [Chrome.Key: Chrome]

    /// Creates a renderer for `site` with `templates`; declaration pages offer PDF downloads on
    /// `pdfPapers`; links name pages in `linkStyle`.
    public init(site: Site, templates: TemplateSet, pdfPapers: [Paper] = [], linkStyle: LinkStyle = .folders) {
        self.site = site
        self.templates = templates
        self.linkStyle = linkStyle
        var pdfs: [String: [PDFLinkView]] = [:]
        for declaration in site.declarations where !pdfPapers.isEmpty {
            pdfs[declaration.slug] = pdfPapers.map {
                PDFLinkView(label: $0.label, href: Links(depth: 2).declarationFolder(declaration.slug) + $0.fileName(for: declaration.slug))
            }
        }
        self.pdfs = pdfs
        var chrome: [Chrome.Key: Chrome] = [:]
        for depth in 0...4 {
            let links = Links(depth: depth, style: linkStyle)
            for section in PageMeta.Section.allCases {
                chrome[Chrome.Key(root: links.root, section: section)] =
                    Chrome(config: site.config, links: links, section: section, templates: templates)
            }
        }
        self.chrome = chrome
    }

    /// Links for pages `depth` folders below the root, in this build's link style.
    package func links(depth: Int) -> Links { Links(depth: depth, style: linkStyle) }

    /// One page to render.
    package enum Job: Sendable {
        case home, declarationsIndex, citiesIndex, countriesIndex, commitmentsIndex, notFound, sitemap
        case declaration(Int), print(Int), commitment(Int, position: Int), city(Int), country(Int)
    }

    /// Every page of the site, in a fixed order.
    package var jobs: [Job] {
        var jobs: [Job] = [.home, .declarationsIndex, .citiesIndex, .countriesIndex, .commitmentsIndex, .notFound]
        if site.config.baseURL != nil { jobs.append(.sitemap) }
        for (index, declaration) in site.declarations.enumerated() {
            jobs.append(.declaration(index))
            jobs.append(.print(index))
            jobs += declaration.commitments.indices.map { .commitment(index, position: $0) }
        }
        jobs += site.cities.indices.map { .city($0) }
        jobs += site.countries.indices.map { .country($0) }
        return jobs
    }

    /// Renders every page into `sink`, on all cores; returns the number of files written.
    ///
    /// Fragments shared by many pages (a declaration's signatory list, a city page's entry for a
    /// declaration) are rendered once first. Each page's bytes depend only on the site, never on
    /// the order pages are rendered in, so the output is the same as a sequential build's.
    @discardableResult
    public func render(into sink: some PageSink, parallel: Bool = true, memo: RenderMemo? = nil,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Int {
        memo?.prepare(for: templates)
        var renderer = self
        if let memo {
            for (key, shared) in chrome {
                renderer.chrome[key] = Chrome(header: memo.interned(shared.header, as: "header \(key.root) \(key.section)"),
                                              footer: memo.interned(shared.footer, as: "footer \(key.root) \(key.section)"))
            }
        }
        return try renderer.renderPages(into: sink, parallel: parallel, memo: memo, progress: progress)
    }

    private func renderPages(into sink: some PageSink, parallel: Bool, memo: RenderMemo?,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> Int {
        let fragments = SharedFragments(renderer: self, memo: memo)
        memo?.signatoryEntries = fragments.entries
        let jobs = self.jobs
        let failure = FirstError()
        let counter = ProgressCounter(total: jobs.count, report: progress)
        let work: @Sendable (Int) -> Void = { index in
            guard !failure.isSet else { return }
            do {
                let (contents, path) = render(jobs[index], fragments: fragments, memo: memo)
                try sink.write(contents, to: path)
                counter.step()
            } catch {
                failure.record(error)
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: work)
        } else {
            for index in jobs.indices { work(index) }
        }
        if let error = failure.error { throw error }
        return jobs.count
    }

    /// The contents and path of one page.
    package func render(_ job: Job, fragments: SharedFragments, memo: RenderMemo? = nil) -> ([UInt8], String) {
        func page(_ view: some TemplateFields & Hashable & Sendable, _ template: String, _ path: String) -> ([UInt8], String) {
            guard let memo else { return (templates.renderBytes(view, with: template), path) }
            return (memo.html(for: path, view: view) { templates.renderBytes(view, with: template) }, path)
        }
        switch job {
        case .home: return page(homePage(), "home", "index.html")
        case .declarationsIndex: return page(declarationsIndexPage(), "declarations", "declarations/index.html")
        case .citiesIndex: return page(citiesIndexPage(), "cities", "cities/index.html")
        case .countriesIndex: return page(countriesIndexPage(), "countries", "countries/index.html")
        case .commitmentsIndex: return page(commitmentsIndexPage(), "commitments", "commitments/index.html")
        case .notFound: return page(notFoundPage(), "404", "404.html")
        case .sitemap: return (Array(Sitemap(site: site).xml(baseURL: site.config.baseURL ?? "/").utf8), "sitemap.xml")
        case .declaration(let index):
            return page(declarationPage(index, signatoriesHTML: fragments.signatories[index].atDepth2), "declaration",
                        "declarations/\(site.declarations[index].slug)/index.html")
        case .print(let index):
            return page(printPage(index, signatoriesHTML: fragments.signatories[index].forPrint), "print-layout",
                        "declarations/\(site.declarations[index].slug)/print/index.html")
        case .commitment(let index, let position):
            let declaration = fragments.commitmentDeclarationViews[index]
                ?? declarationView(index, links: self.links(depth: 4), signatoriesHTML: fragments.signatories[index].atDepth4)
            let view = commitmentPage(index, position: position, declaration: declaration)
            return page(view, "commitment", "declarations/\(site.declarations[index].slug)/commitments/\(view.number)/index.html")
        case .city(let index):
            return page(cityPage(index, endorsementsHTML: fragments.endorsements), "city", "cities/\(site.cities[index].slug)/index.html")
        case .country(let index):
            return page(countryPage(index), "country", "countries/\(site.countries[index].slug)/index.html")
        }
    }

    package func meta(_ links: Links, path: String, title: String?, description: String? = nil,
              section: PageMeta.Section, trail: [PageMeta.Crumb]) -> PageMeta {
        let crumbs = title == nil ? [PageMeta.Crumb(label: "Home", href: nil)]
            : [PageMeta.Crumb(label: "Home", href: links.home)] + trail
        let shared = chrome[Chrome.Key(root: links.root, section: section)]
            ?? Chrome(config: site.config, links: links, section: section, templates: templates)
        return PageMeta(config: site.config, links: links, path: path, title: title,
                        description: description ?? site.config.description, section: section, breadcrumbs: crumbs,
                        chrome: shared)
    }

    package func homePage() -> HomePage {
        let links = self.links(depth: 0)
        let summaries = site.declarations.map { summary(of: $0, links: links, headingLevel: 3) }
        return HomePage(
            page: meta(links, path: "", title: nil, section: .home, trail: []),
            description: site.config.description, declarations: summaries, hasDeclarations: !summaries.isEmpty,
            declarationCount: site.declarations.count, commitmentCount: site.commitmentCount,
            cityCount: site.cities.count, countryCount: site.countries.count,
            totals: [TotalView(label: site.declarations.count == 1 ? "Declaration" : "Declarations", count: site.declarations.count),
                     TotalView(label: site.commitmentCount == 1 ? "Commitment" : "Commitments", count: site.commitmentCount),
                     TotalView(label: site.cities.count == 1 ? "City" : "Cities", count: site.cities.count),
                     TotalView(label: site.countries.count == 1 ? "Country" : "Countries", count: site.countries.count)])
    }

    package func declarationsIndexPage() -> DeclarationsIndexPage {
        let links = self.links(depth: 1)
        let summaries = site.declarations.map { summary(of: $0, links: links, headingLevel: 2) }
        return DeclarationsIndexPage(
            page: meta(links, path: "declarations/", title: "Declarations",
                       description: "\(Counted.text(summaries.count, "declaration", "declarations")) of the \(site.config.network), newest first.",
                       section: .declarations, trail: [.init(label: "Declarations", href: nil)]),
            declarations: summaries, hasDeclarations: !summaries.isEmpty)
    }

    package func summary(of declaration: Declaration, links: Links, headingLevel: Int) -> DeclarationSummaryView {
        DeclarationSummaryView(
            title: declaration.title, href: links.declaration(declaration.slug),
            dateText: declaration.date.longForm, dateISO: declaration.date.description,
            event: declaration.event, location: declaration.location,
            commitmentCount: declaration.commitments.count,
            commitmentsText: Counted.text(declaration.commitments.count, "commitment", "commitments"),
            signatoryCount: declaration.signatories.count, signatoriesText: signatoriesText(of: declaration),
            hasSignatories: !declaration.signatories.isEmpty, isDraft: declaration.isDraft, headingLevel: headingLevel)
    }

    /// The signatories of `declaration` counted by kind: `38 cities, 1 region and 1 district`.
    package func signatoriesText(of declaration: Declaration) -> String {
        Counted.places(declaration.signatories.map { site.cities[$0].kind })
    }

    package func notFoundPage() -> NotFoundPage {
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
