import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// What the shared layout needs to know about every page.
package struct PageMeta: Sendable, Hashable {
    /// One step of the breadcrumb trail; the current page has no link.
    package struct Crumb: Sendable, Hashable {
        package let label: String
        package let href: String?
    }

    /// The main navigation's sections.
    package enum Section: Sendable, Hashable, CaseIterable {
        case home, declarations, cities, countries, commitments, search, none
    }

    package let language: String
    /// `rtl` for a language written right to left (the `dir` of `<html>`); `nil` for left to right,
    /// which is HTML's default and needs no attribute.
    package let direction: String?
    /// The interface's words in the page's language: `{{page.text.declarations}}`.
    package let text: InterfaceText
    /// The full `<title>`: the page's own title, then the site's.
    package var title: String
    package let description: String
    package let assets: String
    package let siteTitle: String
    package let network: String
    /// The site's language when this page is in another (`<lang>/…`): the language of `siteTitle`,
    /// `network` and `description` from `site.yml`, and of the pages no translation has (a commitment's).
    package let siteLanguage: String?
    package let breadcrumbs: [Crumb]
    /// Whether the trail says more than "Home" (the home page shows none).
    package let hasBreadcrumbs: Bool
    /// The page's absolute URL (with `base_url`): the page itself, or the web page a print edition prints.
    package var canonicalURL: String?
    /// The Atom feed's absolute URL, when the site has one (with `base_url`).
    package let feedURL: String?
    /// `base_url`, for absolute addresses of assets (the share image of Open Graph); `nil` without it.
    package let siteURL: String?
    /// The print editions' running "Page N of M" as a CSS `content` value, when the language writes it
    /// otherwise than `print.css` does (in English); `nil` in English.
    package let pageNumbersCSS: String?
    /// The page's own title, for sharing (`og:title`): the site's title on the home page.
    package let shareTitle: String
    /// Open Graph's `og:type`: `article` for a declaration, `website` for every other page.
    package var shareType = "website"
    /// What search engines are asked not to do (`noindex` on print editions and the not-found page).
    package var robots: String?
    /// The page's schema.org description as JSON-LD (declaration pages), inserted with `{{{…}}}` in a
    /// `<script type="application/ld+json">`: `<` is escaped in it, so it cannot end the script.
    package var structuredData: String?
    /// The page in each language it is in (the original first), for the language switcher; empty
    /// for a page in one language.
    package var versions: [LanguageVersionView] = []
    package var hasVersions = false
    /// The same with absolute addresses, for `<link rel="alternate" hreflang>` (with `base_url`).
    package var alternates: [LanguageVersionView] = []
    /// Which version is authoritative: on an original with translations and on each translation.
    package var versionNote: String?
    package let homeHref: String
    package let declarationsHref: String
    package let citiesHref: String
    /// The rendered `site-header` (skip link, header, main navigation), shared by every page of the same depth and section.
    package let headerHTML: String
    /// The rendered `site-footer`, shared likewise.
    package let footerHTML: String

    package init(config: SiteConfig, links: Links, path: String, title: String?, description: String,
         section: Section, breadcrumbs: [Crumb], chrome: Chrome, interface: Interface, text: InterfaceText) {
        headerHTML = chrome.header
        footerHTML = chrome.footer
        language = interface.language
        direction = interface.direction == .rightToLeft ? TextDirection.rightToLeft.rawValue : nil
        self.text = text
        pageNumbersCSS = text.pageNumbersCSS
        self.title = title.map { "\($0) — \(config.title)" } ?? config.title
        self.description = description
        assets = links.asset("")
        siteTitle = config.title
        network = config.network
        siteLanguage = Self.siteLanguage(of: config, in: interface)
        self.breadcrumbs = breadcrumbs
        hasBreadcrumbs = breadcrumbs.count > 1
        canonicalURL = config.baseURL.map { $0 + path }
        feedURL = config.baseURL.map { $0 + FeedOutput.route.path }
        siteURL = config.baseURL
        shareTitle = title ?? config.title
        homeHref = links.home
        declarationsHref = links.declarations
        citiesHref = links.cities
    }
}

extension PageMeta {
    /// `"Page " counter(page) " of " counter(pages)` from the table's `pageOfPages`; `nil` when that
    /// is what the stylesheet says already.
    static func pageNumbersCSS(_ interface: Interface) -> String? {
        let css = interface.parts(.pageOfPages).map { part -> String in
            switch part {
            case .literal(let text): SiteRenderer.cssString(text)
            case .placeholder("page"): "counter(page)"
            case .placeholder("pages"): "counter(pages)"
            case .placeholder: "\"\""
            }
        }.joined(separator: " ")
        return css == #""Page " counter(page) " of " counter(pages)"# ? nil : css
    }
}

/// The header and footer of a page, rendered once per link depth and section.
package struct Chrome: Sendable {
    package let header: String
    package let footer: String

    /// What `site-header` and `site-footer` read.
    package struct View: Sendable {
        package let siteTitle: String
        package let network: String
        /// The site's language when the page is in another: the language of `siteTitle` and `network`.
        package let siteLanguage: String?
        /// The folder of the templates' assets from the page (`../../assets/`), for a logo.
        package let assets: String
        package let homeHref: String
        package let declarationsHref: String
        package let citiesHref: String
        package let countriesHref: String
        package let commitmentsHref: String
        /// The open-data page.
        package let dataHref: String
        /// The search page.
        package let searchHref: String
        /// `Fixture Declarations · published by the Fixture Network of Cities.`
        package let publishedByText: String
        /// The same sentence as markup, the site's title and network marked with `lang` (and isolated)
        /// in another language's tree, where the sentence's own words are that language's.
        package let publishedByHTML: String
        /// The interface's words: `{{text.declarations}}`.
        package let text: InterfaceText
        package let inDeclarations: Bool
        package let inCities: Bool
        package let inCountries: Bool
        package let inCommitments: Bool
        package let inSearch: Bool
    }

    /// Renders the chrome for pages whose links start with `links.root`, in `section`.
    package init(header: String, footer: String) {
        self.header = header
        self.footer = footer
    }

    package init(config: SiteConfig, links: Links, section: PageMeta.Section, templates: TemplateSet,
                 interface: Interface, text: InterfaceText) {
        let siteLanguage = PageMeta.siteLanguage(of: config, in: interface)
        let view = View(siteTitle: config.title, network: config.network,
                        siteLanguage: siteLanguage,
                        assets: links.asset(""), homeHref: links.home,
                        declarationsHref: links.declarations, citiesHref: links.cities, countriesHref: links.countries,
                        commitmentsHref: links.commitments, dataHref: links.to(DataPageOutput.route),
                        searchHref: links.inTree(SearchOutput.route),
                        publishedByText: interface.text(.publishedBy, ("title", config.title), ("network", config.network)),
                        publishedByHTML: Self.markup(of: interface.parts(.publishedBy), values: ["title": config.title, "network": config.network],
                                                     language: siteLanguage),
                        text: text, inDeclarations: section == .declarations,
                        inCities: section == .cities, inCountries: section == .countries,
                        inCommitments: section == .commitments, inSearch: section == .search)
        // The layout puts each on a line of its own, so drop the template file's final line break.
        func rendered(_ name: String) -> String {
            let text = templates.render(view, with: name)
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        header = rendered(TemplateViews.siteHeader.template)
        footer = rendered(TemplateViews.siteFooter.template)
    }

    /// A phrase's `parts` as markup: its words escaped, each placeholder's value escaped and, when
    /// `language` is given, marked as in that language and isolated (so that a full stop after an
    /// English name stays at its end in an Arabic sentence). A placeholder without a value stays as written.
    static func markup(of parts: [Phrase.Part], values: [String: String], language: String?) -> String {
        parts.map { part in
            switch part {
            case .literal(let words):
                return MarkupEscaping.escape(words)
            case .placeholder(let name):
                guard let value = values[name] else { return MarkupEscaping.escape("{\(name)}") }
                guard let language else { return MarkupEscaping.escape(value) }
                return "<span lang=\"\(MarkupEscaping.escape(language))\" dir=\"auto\">\(MarkupEscaping.escape(value))</span>"
            }
        }.joined()
    }

    package struct Key: Hashable, Sendable {
        package let root: String
        package let section: PageMeta.Section
    }
}

extension String {
    /// At most `limit` characters, cut at a word boundary with an ellipsis.
    package func excerpt(_ limit: Int = 160) -> String {
        guard count > limit else { return self }
        let cut = prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingWhitespace() + "…"
    }
}

extension PageMeta {
    /// The site's language on a page in another language (a language tree), for `lang` and `hreflang`
    /// on what is only in the site's language; `nil` on the site's own pages.
    static func siteLanguage(of config: SiteConfig, in interface: Interface) -> String? {
        interface.language == config.language ? nil : config.language
    }
}
