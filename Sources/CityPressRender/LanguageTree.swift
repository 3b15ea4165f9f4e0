import CityPressLoad
import CityPressSite
import CityPressTemplates

/// What one site language's tree of pages (`<lang>/`, from `languages:` in `site.yml`) is rendered
/// with, made once per build: its interface, its header and footer, its A–Z order of places, and
/// which declarations it has a translation of.
package struct LanguageTree: Sendable {
    package let interface: Interface
    package let text: InterfaceText
    /// Header and footer by link root and section, for the depths the tree's pages are at.
    package let chrome: [Chrome.Key: Chrome]
    /// The language's A–Z order of places, where it differs from the default.
    package let placeOrder: PlaceOrder?
    /// The position in `site.translations` of each declaration's translation into the language, by
    /// declaration index.
    package let translations: [Int: Int]

    /// The tree of every language of `site.config.languages`, by language.
    static func all(for site: Site, templates: TemplateSet, outputs: [PlannedOutput], linkStyle: LinkStyle,
                    interfaces: InterfaceCache? = nil) -> [String: LanguageTree] {
        var trees: [String: LanguageTree] = [:]
        for language in site.config.languages {
            let interface = SiteRenderer.interface(for: language, templates: templates, cache: interfaces)
            let text = InterfaceText(interface)
            let prefix = language + "/"
            var chrome: [Chrome.Key: Chrome] = [:]
            for depth in Set(outputs.lazy.filter { $0.route.path.hasPrefix(prefix) }.map(\.route.depth)).sorted() {
                let links = Links(depth: depth, style: linkStyle, tree: prefix)
                for section in PageMeta.Section.allCases {
                    chrome[Chrome.Key(root: links.root, section: section)] =
                        Chrome(config: site.config, links: links, section: section, templates: templates, interface: interface, text: text)
                }
            }
            var translations: [Int: Int] = [:]
            for (position, translation) in site.translations.enumerated() where translation.language == language {
                translations[translation.declaration] = position
            }
            trees[language] = LanguageTree(interface: interface, text: text, chrome: chrome,
                                           placeOrder: LanguageCollation.of(language).map { PlaceOrder(site, $0) },
                                           translations: translations)
        }
        return trees
    }
}
