import CityPressCore
import CityPressLoad
import CityPressSite
import CityPressTemplates

/// An interface made for one translation language, with its words as templates read them.
package struct TranslationInterface: Sendable {
    package let interface: Interface
    package let text: InterfaceText
}

/// One language version of a page, for the language switcher and `hreflang` alternates.
package struct LanguageVersionView: Sendable, Hashable {
    /// Its BCP 47 tag (`fr`), for `hreflang` and `lang`.
    package let language: String
    /// The language's name in itself (`Français`).
    package let name: String
    /// `rtl` for a language written right to left; `nil` otherwise.
    package let direction: String?
    package let href: String
    /// Whether it is the page being read.
    package let isCurrent: Bool
}

extension SiteRenderer {
    /// This renderer in `language`'s interface: its words, dates and chrome. For a site language
    /// (`languages:`) also its tree (links rooted in `<lang>/`), its A–Z order and its translations, all
    /// made once per build (`LanguageTree`); for another translation's language, its words only.
    package func speaking(_ language: String) -> SiteRenderer {
        if let tree = languageTrees[language] {
            var renderer = self
            renderer.interface = tree.interface
            renderer.text = tree.text
            renderer.chrome = tree.chrome
            renderer.tree = language + "/"
            renderer.placeOrder = tree.placeOrder
            renderer.treeTranslations = tree.translations
            return renderer
        }
        guard let other = translationInterfaces[language] else { return self }
        var renderer = self
        renderer.interface = other.interface
        renderer.text = other.text
        // The header and footer made once per build are in the site's language; these pages make their own.
        renderer.chrome = [:]
        return renderer
    }

    /// The versions of declaration `index`'s page (the original first, then the site's `languages:` in
    /// their order, as every other page lists them, then other translations by language), linked from a
    /// page with `links`, the one in `current` marked; none when it has no translation.
    package func versions(of index: Int, current: String, links: Links) -> [LanguageVersionView] {
        let order = site.config.languages
        let translations = site.translations(of: index).enumerated().sorted { first, second in
            let (a, b) = (order.firstIndex(of: first.element.language) ?? order.count, order.firstIndex(of: second.element.language) ?? order.count)
            return a != b ? a < b : first.offset < second.offset
        }.map(\.element)
        guard !translations.isEmpty else { return [] }
        let slug = site.declarations[index].slug
        let original = LanguageVersionView(
            language: site.config.language, name: originalInterface.name,
            direction: originalInterface.direction == .rightToLeft ? "rtl" : nil,
            href: links.declaration(slug), isCurrent: current == site.config.language)
        return [original] + translations.map { translation in
            let other = translationInterfaces[translation.language]?.interface
            return LanguageVersionView(
                language: translation.language, name: other?.nameInItself ?? translation.language,
                direction: other?.direction == .rightToLeft ? "rtl" : nil,
                href: links.to(TranslationOutput.route(translation.language, slug)), isCurrent: current == translation.language)
        }
    }

    /// The same versions with absolute addresses, for `<link rel="alternate" hreflang>` (with `base_url` only:
    /// alternates must be absolute).
    package func alternates(of index: Int) -> [LanguageVersionView] {
        guard let baseURL = site.config.baseURL else { return [] }
        return versions(of: index, current: "", links: Links(absoluteRoot: baseURL))
    }

    /// The site's own interface, whatever this renderer speaks: the originals' language.
    var originalInterface: Interface { siteInterface }

    /// The page of translation `position` (into `site.translations`).
    package func translationPage(_ position: Int) -> DeclarationPage {
        let translation = site.translations[position]
        let index = translation.declaration
        let original = site.declarations[index]
        let renderer = speaking(translation.language)
        // In a site language's tree the page is that tree's declaration page, and its links stay in the tree.
        let inTree = !renderer.tree.isEmpty
        let route = inTree ? DeclarationOutput.route(original.slug) : TranslationOutput.route(translation.language, original.slug)
        let links = renderer.links(for: route)
        let declaration = original.translated(by: translation)
        let description = renderer.interface.text(
            .declarationDescription, ("title", declaration.title),
            ("commitments", Counted.text(declaration.commitments.count, .countCommitments, in: renderer.interface)),
            ("event", declaration.event), ("location", declaration.location),
            ("dates", renderer.interface.span(from: declaration.startDate, to: declaration.endDate)))
        var page = renderer.meta(links, path: route.path, title: declaration.title, description: description,
                                 section: .declarations,
                                 trail: [.init(label: renderer.text[.declarations], href: links.declarations),
                                         .init(label: declaration.title, href: nil)])
        page.shareType = "article"
        page.versions = versions(of: index, current: translation.language, links: links)
        page.hasVersions = !page.versions.isEmpty
        page.alternates = alternates(of: index)
        let originalName = renderer.interface.languageName(originalInterface.language, in: .translationNote) ?? originalInterface.name
        page.versionNote = renderer.interface.text(.translationNote, ("language", originalName))
        // Made for its depth in a tree already; otherwise for a declaration page's, one folder less deep.
        let fragment = renderer.signatoriesFragment(of: index, entries: renderer.signatoryEntries(of: original, template: TemplateViews.signatoryEntry.template))
        let signatories = inTree ? fragment : SiteRenderer.relinked(fragment, toDepth: TranslationOutput.depth)
        return DeclarationPage(
            page: page,
            declaration: renderer.declarationView(index, links: links, signatoriesHTML: signatories, onItsPage: true,
                                                  as: declaration,
                                                  printHref: links.to(TranslationOutput.printRoute(translation.language, original.slug)),
                                                  pdfs: translationPDFLinks(position, links: links)))
    }

    /// The signatory entries of `declaration`'s cities (others left empty), in this renderer's language.
    func signatoryEntries(of declaration: Declaration, template: String) -> [String] {
        var entries = [String](repeating: "", count: site.cities.count)
        for city in declaration.signatories { entries[city] = templates.render(signatoryEntryView(of: city), with: template) }
        return entries
    }
}
