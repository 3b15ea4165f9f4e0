import Foundation
import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// The render stage: turns the resolved site into pages (routes → page contexts → Mustache → HTML)
/// and hands each one to a sink as soon as it is rendered.
package struct SiteRenderer: Sendable {
    package let site: Site
    package let templates: TemplateSet
    /// How links name pages (folders for a web server, `index.html` for a local folder).
    package let linkStyle: LinkStyle
    /// PDF downloads to offer on declaration pages, by declaration slug (`citypress build --pdf`).
    package let pdfs: [String: [PDFLinkView]]
    /// The papers PDFs are printed on (`citypress build --pdf`); none without it.
    package let pdfPapers: [Paper]
    /// Header and footer by link root and section, rendered once.
    package internal(set) var chrome: [Chrome.Key: Chrome]

    /// Every output of the site, from the registry.
    package let outputs: [PlannedOutput]
    /// Each city's and declaration's reports.
    package let reportIndex: ReportIndex
    /// The interface's words, plural rule and dates in the site's language (or, in a renderer made by
    /// `speaking(_:)`, in a translation's).
    package internal(set) var interface: Interface
    /// The same words as templates read them, shared by every page.
    package internal(set) var text: InterfaceText
    /// The site's own interface, the originals' language, whatever `interface` a copy speaks.
    package let siteInterface: Interface
    /// The interface of each language the site's translations are in, made once.
    package let translationInterfaces: [String: TranslationInterface]
    /// What each site language's tree of pages (`languages:` in `site.yml`) is rendered with, made once.
    package let languageTrees: [String: LanguageTree]
    /// The language tree this renderer's pages are in (`fr/`, made by `speaking(_:)`); empty for the
    /// site's own language.
    package internal(set) var tree = ""
    /// The A–Z order of places in this renderer's language, where it differs from the default.
    package internal(set) var placeOrder: PlaceOrder?
    /// In a language tree: the position in `site.translations` of each declaration's translation into
    /// the tree's language, by declaration index.
    package internal(set) var treeTranslations: [Int: Int] = [:]

    /// Creates a renderer for `site` with `templates`; declaration pages offer PDF downloads on
    /// `pdfPapers`; links name pages in `linkStyle`; interfaces made before are taken from `interfaces`,
    /// and the index of reports from `reports` (the last build's, with its site) when it still holds;
    /// with `plan`, the outputs of a site with the same records in the same places
    /// (`PlannedOutput.replanning`), the outputs are those, planned for `site`.
    package init(site: Site, templates: TemplateSet, pdfPapers: [Paper] = [], linkStyle: LinkStyle = .folders,
                 interfaces: InterfaceCache? = nil, reports: (index: ReportIndex, site: Site)? = nil,
                 plan: [PlannedOutput]? = nil) {
        let interface = Self.interface(for: site.config.language, templates: templates, cache: interfaces)
        self.interface = interface
        siteInterface = interface
        let text = InterfaceText(interface)
        self.text = text
        var translationInterfaces: [String: TranslationInterface] = [:]
        for language in Set(site.translations.map(\.language)) {
            let other = Self.interface(for: language, templates: templates, cache: interfaces)
            translationInterfaces[language] = TranslationInterface(interface: other, text: InterfaceText(other))
        }
        self.translationInterfaces = translationInterfaces
        self.site = site
        self.templates = templates
        self.linkStyle = linkStyle
        var pdfs: [String: [PDFLinkView]] = [:]
        for declaration in site.declarations where !pdfPapers.isEmpty {
            pdfs[declaration.slug] = pdfPapers.map {
                PDFLinkView(label: interface.text($0.linkLabel), href: Links(depth: DeclarationOutput.depth).declarationFolder(declaration.slug) + $0.fileName(for: declaration.slug))
            }
        }
        self.pdfs = pdfs
        self.pdfPapers = pdfPapers
        outputs = plan.map { PlannedOutput.replanning($0, for: site) } ?? SiteOutputs.plan(for: site)
        reportIndex = ReportIndex(site, reusing: reports)
        // One header and footer per depth that pages are at and per section, each rendered once.
        var chrome: [Chrome.Key: Chrome] = [:]
        for depth in Set(outputs.lazy.map(\.route.depth)).sorted() {
            let links = Links(depth: depth, style: linkStyle)
            for section in PageMeta.Section.allCases {
                chrome[Chrome.Key(root: links.root, section: section)] =
                    Chrome(config: site.config, links: links, section: section, templates: templates,
                           interface: interface, text: text)
            }
        }
        self.chrome = chrome
        languageTrees = LanguageTree.all(for: site, templates: templates, outputs: outputs, linkStyle: linkStyle,
                                         interfaces: interfaces)
    }

    /// The interface for `language` from `templates`' tables, from `cache` when it has it.
    static func interface(for language: String, templates: TemplateSet, cache: InterfaceCache?) -> Interface {
        // Spelt as the build's interface check spells it (`BuildSteps.interfaceProblems`): one cache entry for both.
        let folder = templates.path.hasSuffix("/") ? templates.path + "i18n" : templates.path + "/i18n"
        return (cache?.interface(for: language, siteFiles: templates.tables, folder: folder)
            ?? InterfaceTables.interface(for: language, siteFiles: templates.tables, folder: folder)).0
    }

    /// Links for pages `depth` folders below the root of this renderer's language tree (the site's
    /// root in the site's language), in this build's link style.
    package func links(depth: Int) -> Links {
        tree.isEmpty ? Links(depth: depth, style: linkStyle) : Links(depth: depth + 1, style: linkStyle, tree: tree)
    }

    /// Links for the page at `route`.
    package func links(for route: Route) -> Links { links(depth: route.depth) }

    /// Renders every output into `sink`, on all cores; returns the number of files written.
    ///
    /// Fragments shared by many pages (a declaration's signatory list, a city page's entry for a
    /// declaration) are rendered once first. Each page's bytes depend only on the site, never on
    /// the order pages are rendered in, so the output is the same as a sequential build's.
    @discardableResult
    package func render(into sink: some PageSink, parallel: Bool = true, reuse: (any RenderReuse)? = nil,
                        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Int {
        try render(outputs, into: sink, parallel: parallel, reuse: reuse, progress: progress)
    }

    /// Renders `outputs` (some of `self.outputs`) into `sink`. Shared fragments are made only for
    /// `declarations` (indexes) when given (the others' pages must not be among `outputs`), from
    /// `entries` when given (the signatory entries of this site, some kept from a previous build).
    @discardableResult
    package func render(_ outputs: [PlannedOutput], into sink: some PageSink, parallel: Bool = true,
                        reuse: (any RenderReuse)? = nil, declarations: Set<Int>? = nil, entries: SignatoryEntries? = nil,
                        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> Int {
        reuse?.prepare(for: templates)
        let fragments = SharedFragments(renderer: self, declarations: declarations, entries: entries)
        if fragments.entries.isComplete { reuse?.signatoryEntries = fragments.entries }
        let context = RenderContext(renderer: self, fragments: fragments)
        let failure = FirstError()
        let counter = ProgressCounter(total: outputs.count, report: progress)
        let order = PlannedOutput.startOrder(of: outputs)
        let work: @Sendable (Int) -> Void = { index in
            guard !failure.isSet else { return }
            do {
                let output = outputs[order[index]]
                try sink.write(output.render(context), to: output.route.file)
                counter.step()
            } catch {
                failure.record(error)
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: outputs.count, execute: work)
        } else {
            for index in outputs.indices { work(index) }
        }
        if let error = failure.error { throw error }
        return outputs.count
    }

    /// A context for rendering outputs one at a time after the build (the preview renders some only
    /// when they are asked for): city pages' entries come from `entries` when given, and each page
    /// makes its own declaration's signatory lists from them (with none given, every declaration's are
    /// made at once).
    package func laterContext(entries: SignatoryEntries?) -> RenderContext {
        RenderContext(renderer: self, fragments: SharedFragments(renderer: self, declarations: entries == nil ? nil : [], entries: entries),
                      rendersEveryOutput: false)
    }

    /// The layout's view of a page at `path` (below this renderer's language tree); `inEveryLanguage`
    /// for a page every site language has a version of (the language switcher and `hreflang` list them).
    package func meta(_ links: Links, path: String, title: String?, description: String? = nil,
              section: PageMeta.Section, trail: [PageMeta.Crumb], inEveryLanguage: Bool = false) -> PageMeta {
        let home = text[.home]
        let crumbs = title == nil ? [PageMeta.Crumb(label: home, href: nil)]
            : [PageMeta.Crumb(label: home, href: links.home)] + trail
        let shared = chrome[Chrome.Key(root: links.root, section: section)]
            ?? Chrome(config: site.config, links: links, section: section, templates: templates, interface: interface, text: text)
        var page = PageMeta(config: site.config, links: links, path: tree + path, title: title,
                            description: description ?? site.config.description, section: section, breadcrumbs: crumbs,
                            chrome: shared, interface: interface, text: text)
        if inEveryLanguage, !site.config.languages.isEmpty {
            page.versions = languageVersions(of: path, links: links)
            page.hasVersions = true
            page.alternates = languageAlternates(of: path)
        }
        return page
    }
}
