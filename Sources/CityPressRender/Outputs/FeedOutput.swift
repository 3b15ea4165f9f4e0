import CityPressCore
import CityPressLoad
import CityPressSite

/// `feed.xml`: an Atom 1.0 feed of what happened in the network: each declaration, each endorsement
/// made after a meeting (when dated), each implementation report, newest first. Only a site with a
/// `base_url` has one, like the sitemap: an Atom feed's ids and links must be absolute.
///
/// Every date comes from the content (the build time never appears), so the bytes are the same in
/// every build, and a feed reader sees an entry change only when its content does.
package struct FeedOutput: OutputKind {
    /// Where its file goes.
    package static let route = Route("feed.xml")
    /// The newest entries the feed carries: what a reader fetches every hour stays small at ten
    /// thousand cities, and older events are on the pages.
    package static let entryLimit = 100

    /// One event of the feed.
    struct Entry {
        let date: CalendarDate
        /// Orders entries of the same day: declarations first, then endorsements, then reports.
        let rank: Int
        /// The entry's name in its tag URI (a site path, unique in the feed).
        let key: String
        /// The day its tag URI is minted on: the declaration's date, which no later event changes.
        let tagDate: CalendarDate
        let title: String
        let route: Route
        let summary: String
    }

    package func items(in site: Site) -> [String] { site.config.baseURL.map { [$0] } ?? [] }
    package func route(of item: String, in site: Site) -> Route { Self.route }
    package func dependencies(of item: String, in site: Site) -> [Dependency] { OpenDataOutput.everything(in: site) }
    package func render(_ baseURL: String, in context: RenderContext) -> [UInt8] {
        Array(Self.xml(for: context.site, baseURL: baseURL, in: context.renderer.interface).utf8)
    }
    package var isListedInSitemap: Bool { false }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var isStartedFirst: Bool { true }

    /// Every event of `site`, newest first (by date, then kind, then path), at most `entryLimit`.
    static func entries(of site: Site, in interface: Interface) -> [Entry] {
        var entries: [Entry] = []
        for declaration in site.declarations {
            let route = DeclarationOutput.route(declaration.slug)
            let signatories = declaration.signatories.isEmpty ? ""
                : " " + interface.text(.feedEndorsedBy, ("places", Counted.places(declaration.signatories.map { site.cities[$0].kind }, in: interface)))
            entries.append(Entry(
                date: declaration.date, rank: 0, key: route.path, tagDate: declaration.date, title: declaration.title,
                route: route,
                summary: interface.text(.feedDeclarationSummary, ("event", declaration.event), ("location", declaration.location),
                                        ("dates", interface.span(from: declaration.startDate, to: declaration.endDate)),
                                        ("commitments", Counted.text(declaration.commitments.count, .countCommitments, in: interface)))
                    + signatories))
            for (city, endorsed) in zip(declaration.signatories, declaration.endorsed) {
                guard let endorsed else { continue }
                let name = site.cities[city].name, slug = site.cities[city].slug
                entries.append(Entry(
                    date: endorsed, rank: 1, key: route.path + "endorsements/" + slug, tagDate: declaration.date,
                    title: interface.text(.feedEndorsementTitle, ("city", name), ("title", declaration.title)), route: CityOutput.route(slug),
                    summary: interface.text(.feedEndorsementSummary, ("city", name), ("title", declaration.title),
                                            ("date", interface.date(endorsed)))))
            }
        }
        for report in site.reports {
            let declaration = site.declarations[report.declaration], city = site.cities[report.city]
            let route = ReportOutput.route(declaration.slug, report.year, city.slug)
            let numbers = Array(Set(report.actions.flatMap(\.commitments))).sorted()
            entries.append(Entry(
                date: report.published, rank: 2, key: route.path, tagDate: declaration.date,
                title: interface.text(.feedReportTitle, ("city", city.name), ("title", declaration.title), ("year", String(report.year))),
                route: route,
                summary: interface.text(.feedReportSummary, ("city", city.name),
                                        ("actions", Counted.text(report.actions.count, .countActions, in: interface)),
                                        ("year", String(report.year)), ("commitments", Counted.commitments(numbers, in: interface).lowercased()),
                                        ("title", declaration.title))))
        }
        entries.sort { ($1.date, $0.rank, $0.key) < ($0.date, $1.rank, $1.key) }
        return Array(entries.prefix(entryLimit))
    }

    /// The feed of `site`, published at `baseURL` (ending in `/`).
    static func xml(for site: Site, baseURL: String, in interface: Interface) -> String {
        let entries = self.entries(of: site, in: interface)
        let authority = Self.authority(of: baseURL)
        let sitePath = Self.path(of: baseURL)
        func escaped(_ text: String) -> String { MarkupEscaping.escape(text) }
        // A feed without entries still needs an `updated`: the epoch, which no content date precedes.
        let updated = entries.first.map { Self.timestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escaped(site.config.language))\">\n"
        xml += "  <title>\(escaped(site.config.title))</title>\n"
        xml += "  <subtitle>\(escaped(site.config.description))</subtitle>\n"
        xml += "  <id>\(escaped(baseURL + route.path))</id>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escaped(baseURL + route.path))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escaped(baseURL))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\(escaped(site.config.network))</name></author>\n"
        xml += "  <generator>CityPress</generator>\n"
        for entry in entries {
            let id = "tag:\(authority),\(entry.tagDate):\(sitePath)\(entry.key)"
            xml += "  <entry>\n"
            xml += "    <id>\(escaped(id))</id>\n"
            xml += "    <title>\(escaped(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escaped(baseURL + entry.route.path))\"/>\n"
            xml += "    <published>\(Self.timestamp(entry.date))</published>\n"
            xml += "    <updated>\(Self.timestamp(entry.date))</updated>\n"
            xml += "    <summary>\(escaped(entry.summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// A content date as an Atom date-time: its first instant, in UTC.
    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }

    /// The host of `url`, without user, port or trailing dot: a tag URI's authority.
    static func authority(of url: String) -> String {
        let afterScheme = url.range(of: "://").map { url[$0.upperBound...] } ?? url[...]
        var host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") { host = host[..<colon] }
        return String(host.hasSuffix(".") ? host.dropLast() : host).lowercased()
    }

    /// The path of `url` (`/declarations/` of `https://example.org/declarations/`), `/` when it has none.
    static func path(of url: String) -> String { SiteConfig.path(ofBaseURL: url) }
    package var isMadeWithoutTemplates: Bool { true }
}
