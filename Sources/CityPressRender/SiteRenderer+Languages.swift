import CityPressLoad
import CityPressSite
import CityPressTemplates

/// Pages in every site language (`languages:` in `site.yml`): their versions, and what their links
/// lead to inside a language tree.
extension SiteRenderer {
    /// The language this renderer's pages are in: its tree's, or the site's.
    var pageLanguage: String { tree.isEmpty ? site.config.language : String(tree.dropLast()) }

    /// The versions of the page at `path` (below a tree's root) in the site's language and in each of
    /// its other languages, linked from a page with `links`, this renderer's marked.
    func languageVersions(of path: String, links: Links) -> [LanguageVersionView] {
        let current = pageLanguage
        return ([(site.config.language, siteInterface, "")] + site.config.languages.map { language in
            (language, languageTrees[language]?.interface ?? siteInterface, language + "/")
        }).map { language, interface, prefix in
            LanguageVersionView(language: language, name: interface.nameInItself,
                                direction: interface.direction == .rightToLeft ? "rtl" : nil,
                                href: links.to(Route(prefix + path)), isCurrent: language == current)
        }
    }

    /// The same with absolute addresses, for `<link rel="alternate" hreflang>` (with `base_url` only).
    func languageAlternates(of path: String) -> [LanguageVersionView] {
        guard let baseURL = site.config.baseURL else { return [] }
        return languageVersions(of: path, links: Links(absoluteRoot: baseURL)).map {
            LanguageVersionView(language: $0.language, name: $0.name, direction: $0.direction, href: $0.href, isCurrent: false)
        }
    }

    /// Where a link to declaration `index` leads from a page with `links`: in a language tree, to its
    /// translation into the tree's language when it has one; otherwise to the original.
    func declarationHref(_ index: Int, links: Links) -> String {
        let slug = site.declarations[index].slug
        guard !tree.isEmpty, treeTranslations[index] != nil else { return links.declaration(slug) }
        return links.to(TranslationOutput.route(pageLanguage, slug))
    }

    /// Declaration `index` as this renderer's pages show it: its translation into the tree's language
    /// when there is one, otherwise the original, with the original's language when that is not the
    /// page's (for `lang` and `hreflang` on its title's link).
    func shown(_ index: Int) -> (declaration: Declaration, language: String?) {
        let original = site.declarations[index]
        guard !tree.isEmpty else { return (original, nil) }
        guard let position = treeTranslations[index] else { return (original, site.config.language) }
        return (original.translated(by: site.translations[position]), nil)
    }
}

extension Interface {
    /// The language's name in itself (`Français`) for a language switcher; its tag when no table of its
    /// own names it (a language without a table would otherwise take English's name, `English`).
    var nameInItself: String {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
        return primary != "en" && name == InterfaceTables.english.name ? language : name
    }
}
