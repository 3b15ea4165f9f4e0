/// What the shared layout needs to know about every page.
struct PageMeta: Sendable, Hashable {
    /// One step of the breadcrumb trail; the current page has no link.
    struct Crumb: Sendable, Hashable {
        let label: String
        let href: String?
    }

    /// The main navigation's sections.
    enum Section: Sendable, Hashable, CaseIterable {
        case home, declarations, cities, countries, commitments, none
    }

    let language: String
    /// The full `<title>`: the page's own title, then the site's.
    let title: String
    let description: String
    let root: String
    let assets: String
    let siteTitle: String
    let network: String
    let breadcrumbs: [Crumb]
    /// Whether the trail says more than "Home" (the home page shows none).
    let hasBreadcrumbs: Bool
    let canonicalURL: String?
    let inDeclarations: Bool
    let inCities: Bool
    let inCountries: Bool
    let inCommitments: Bool
    let homeHref: String
    let declarationsHref: String
    let citiesHref: String
    let countriesHref: String
    let commitmentsHref: String
    /// The rendered `site-header` (skip link, header, main navigation), shared by every page of the same depth and section.
    let headerHTML: String
    /// The rendered `site-footer`, shared likewise.
    let footerHTML: String

    init(config: SiteConfig, links: Links, path: String, title: String?, description: String,
         section: Section, breadcrumbs: [Crumb], chrome: Chrome) {
        headerHTML = chrome.header
        footerHTML = chrome.footer
        language = config.language
        self.title = title.map { "\($0) — \(config.title)" } ?? config.title
        self.description = description
        root = links.root
        assets = links.asset("")
        siteTitle = config.title
        network = config.network
        self.breadcrumbs = breadcrumbs
        hasBreadcrumbs = breadcrumbs.count > 1
        canonicalURL = config.baseURL.map { $0 + path }
        inDeclarations = section == .declarations
        inCities = section == .cities
        inCountries = section == .countries
        inCommitments = section == .commitments
        homeHref = links.home
        declarationsHref = links.declarations
        citiesHref = links.cities
        countriesHref = links.countries
        commitmentsHref = links.commitments
    }
}

/// The header and footer of a page, rendered once per link depth and section.
struct Chrome: Sendable {
    let header: String
    let footer: String

    /// What `site-header` and `site-footer` read.
    struct View: Sendable {
        let siteTitle: String
        let network: String
        let homeHref: String
        let declarationsHref: String
        let citiesHref: String
        let countriesHref: String
        let commitmentsHref: String
        let inDeclarations: Bool
        let inCities: Bool
        let inCountries: Bool
        let inCommitments: Bool
    }

    /// Renders the chrome for pages whose links start with `links.root`, in `section`.
    init(header: String, footer: String) {
        self.header = header
        self.footer = footer
    }

    init(config: SiteConfig, links: Links, section: PageMeta.Section, templates: TemplateSet) {
        let view = View(siteTitle: config.title, network: config.network, homeHref: links.home,
                        declarationsHref: links.declarations, citiesHref: links.cities, countriesHref: links.countries,
                        commitmentsHref: links.commitments, inDeclarations: section == .declarations,
                        inCities: section == .cities, inCountries: section == .countries,
                        inCommitments: section == .commitments)
        // The layout puts each on a line of its own, so drop the template file's final line break.
        func rendered(_ name: String) -> String {
            let text = templates.render(view, with: name)
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        }
        header = rendered("site-header")
        footer = rendered("site-footer")
    }

    struct Key: Hashable, Sendable {
        let root: String
        let section: PageMeta.Section
    }
}

extension String {
    /// At most `limit` characters, cut at a word boundary with an ellipsis.
    func excerpt(_ limit: Int = 160) -> String {
        guard count > limit else { return self }
        let cut = prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingWhitespace() + "…"
    }
}
