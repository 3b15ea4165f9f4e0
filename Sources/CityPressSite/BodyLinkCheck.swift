import CityPressCore
import CityPressLoad
import CityPressMarkdown

/// Checks the links authors write in declaration and report texts against the pages the site has.
///
/// A link to another page of the site is written from the site root (`/cities/amsterdam/`,
/// `/declarations/x/#commitment-8`) and made relative per page by `BodyLinks`. A plain relative link
/// (`../x/`) would point somewhere else on each page that shows the text, so it is an error that
/// says how to write it; so is a site link or `#commitment-N` that names no page or commitment.
package struct BodyLinkCheck {
    package let site: Site
    private let citySlugs: Set<String>
    private let countrySlugs: Set<String>

    package init(site: Site) {
        self.init(site: site, declarations: site.declarations, reports: site.reports)
    }

    /// A check of `site` that will only look at the links of `reports` (`diagnostics(of:)`): the
    /// preview checks a saved report without reading the links of all 34,000 others first.
    package init(site: Site, checking reports: [Report]) {
        self.init(site: site, declarations: [], reports: reports)
    }

    private init(site: Site, declarations: [Declaration], reports: [Report]) {
        self.site = site
        // Most texts link to no city or country page: the lookup sets are made only when one of the
        // texts checked does (this runs on every preview rebuild, over every city).
        let namesPlace = { (link: Located<String>) in link.value.hasPrefix("/cities/") || link.value.hasPrefix("/countries/") }
        let linksPlaces = declarations.contains { $0.links.contains(where: namesPlace) }
            || reports.contains { $0.links.contains(where: namesPlace) }
        citySlugs = linksPlaces ? Set(site.cities.map(\.slug)) : []
        countrySlugs = linksPlaces ? Set(site.countries.map(\.slug)) : []
    }

    /// Every problem with the links of every published declaration and report.
    package func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for declaration in site.declarations {
            for link in declaration.links {
                if let problem = problem(with: link.value, in: declaration, text: .declaration) {
                    diagnostics.append(.error(problem.message, at: link.location, notes: problem.notes))
                }
            }
        }
        return diagnostics + self.diagnostics(of: site.reports)
    }

    /// Every problem with the links of `reports` (reports of `site`): the preview checks only the
    /// reports an edit changed (`ReportPatch`), with the same code as a whole build.
    package func diagnostics(of reports: some Sequence<Report>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for report in reports {
            let declaration = site.declarations[report.declaration]
            for link in report.links {
                let text = Text.report(year: report.year, city: site.cities[report.city].slug)
                if let problem = problem(with: link.value, in: declaration, text: text) {
                    diagnostics.append(.error(problem.message, at: link.location, notes: problem.notes))
                }
            }
        }
        return diagnostics
    }

    /// Whose text a link is in: where the text is shown decides where a relative link would lead.
    private enum Text {
        case declaration
        case report(year: Int, city: String)

        /// The folder of the text's own page.
        func folder(of declaration: Declaration) -> String {
            switch self {
            case .declaration: "declarations/\(declaration.slug)/"
            case .report(let year, let city): "declarations/\(declaration.slug)/updates/\(year)/\(city)/"
            }
        }

        /// The other pages that show the text.
        var otherPages: String {
            switch self {
            case .declaration: "the commitment pages, the print edition and the commitments index"
            case .report: "the print edition of the year's implementation update"
            }
        }
    }

    private struct Problem {
        var message: String
        var notes: [String] = []
    }

    private static let siteLinkNote = "link to a page of this site from its root, as in '/declarations/<slug>/#commitment-2', '/cities/<slug>/' or '/countries/<slug>/'; the build makes it right for every page that shows the text"

    private func problem(with destination: String, in declaration: Declaration, text: Text) -> Problem? {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return nil }
        if destination.hasPrefix("#") {
            return fragmentProblem(String(destination.dropFirst()), on: declaration, link: destination)
        }
        guard destination.hasPrefix("/") else {
            if let host = destination.split(separator: "/").first, host.hasPrefix("www.") || (host.contains(".") && !host.hasPrefix(".")) && !host.hasSuffix(".html") {
                return Problem(message: "link '\(destination)' has no scheme, so it would be read as a page of this site",
                               notes: ["for another site, write 'https://\(destination)'"])
            }
            let suggestion = Self.resolve(destination, from: text.folder(of: declaration))
            return Problem(message: "relative link '\(destination)' would point elsewhere on \(text.otherPages)",
                           notes: ["write it from the site root: '/\(suggestion)'", Self.siteLinkNote])
        }
        var path = Substring(destination.dropFirst())
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        if path.hasSuffix("index.html") { path = path.dropLast("index.html".count) }
        if path.hasPrefix("assets/") { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let last = parts.last, last.contains(".") {
            return Problem(message: "link '\(destination)' names a file, not a page of this site",
                           notes: [Self.siteLinkNote])
        }
        guard path.isEmpty || path.hasSuffix("/") else {
            return Problem(message: "site link '\(destination)' must end in '/' (page addresses are folders)",
                           notes: ["write '/\(path)/\(fragment.map { "#" + $0 } ?? "")'"])
        }
        let segments = parts.dropLast()  // the empty part after the final '/'
        switch segments.count {
        case 0: return nil
        case 1 where ["declarations", "cities", "countries", "commitments"].contains(segments[0]): return nil
        case 2, 3, 4, 5:
            return pageProblem(Array(segments), fragment: fragment.map(String.init), link: destination)
        default: break
        }
        return unknownPage(destination)
    }

    private func pageProblem(_ segments: [String], fragment: String?, link: String) -> Problem? {
        let slug = segments[1]
        switch segments[0] {
        case "cities" where segments.count == 2:
            return citySlugs.contains(slug) ? nil
                : unknown("city", slug, among: site.cities.map(\.slug), link: link)
        case "countries" where segments.count == 2:
            return countrySlugs.contains(slug) ? nil
                : unknown("country", slug, among: site.countries.map(\.slug), link: link)
        case "declarations":
            guard let declaration = site.declarations.first(where: { $0.slug == slug }) else {
                return unknown("declaration", slug, among: site.declarations.map(\.slug), link: link)
            }
            if segments.count == 2 {
                return fragment.flatMap { fragmentProblem($0, on: declaration, link: link) }
            }
            if segments.count == 3, segments[2] == "print" {
                return fragment.map { _ in Problem(message: "link '\(link)' names a place in the print edition, which has no anchors",
                                                   notes: ["link to '/declarations/\(slug)/#…' instead"]) }
            }
            if segments.count == 4, segments[2] == "commitments" {
                return commitmentProblem(segments[3], of: declaration, link: link)
            }
            if segments.count >= 4, segments[2] == "updates" {
                return updateProblem(Array(segments[3...]), of: declaration, link: link)
            }
        default: break
        }
        return unknownPage(link)
    }

    /// A link to an implementation update (`updates/<year>/`), its print edition or one of its reports
    /// (`updates/<year>/<city>/`): the declaration has reports for that year (from that city).
    private func updateProblem(_ segments: [String], of declaration: Declaration, link: String) -> Problem? {
        guard let index = site.declarations.firstIndex(where: { $0.slug == declaration.slug }) else { return unknownPage(link) }
        let reports = site.reports.filter { $0.declaration == index && String($0.year) == segments[0] }
        guard !reports.isEmpty else {
            let years = Set(site.reports.filter { $0.declaration == index }.map(\.year)).sorted().map(String.init)
            return Problem(message: "link '\(link)' names no implementation update: '\(declaration.title)' has no reports for \(segments[0])",
                           notes: [years.isEmpty ? "it has no reports yet" : "it has updates for \(years.joined(separator: ", "))"])
        }
        guard segments.count == 2, segments[1] != "print" else { return nil }
        let cities = reports.map { site.cities[$0.city].slug }
        return cities.contains(segments[1]) ? nil : unknown("report by", segments[1], among: cities, link: link)
    }

    private func fragmentProblem(_ fragment: String, on declaration: Declaration, link: String) -> Problem? {
        if ["text", "signatories", "main"].contains(fragment) { return nil }
        guard fragment.hasPrefix("commitment-") else {
            let numbers = declaration.commitments.map(\.number)
            let commitments = numbers.first.map { "#commitment-\($0) … #commitment-\(numbers.last ?? $0), " } ?? ""
            return Problem(message: "link '\(link)' names no place on the page of '\(declaration.title)'",
                           notes: ["its anchors are \(commitments)#text and #signatories"])
        }
        return commitmentProblem(String(fragment.dropFirst("commitment-".count)), of: declaration, link: link)
    }

    private func commitmentProblem(_ number: String, of declaration: Declaration, link: String) -> Problem? {
        // Compared as written: `#commitment-08` names no anchor, though it reads as 8.
        if declaration.commitments.contains(where: { String($0.number) == number }) { return nil }
        let numbers = declaration.commitments.map(\.number)
        let range = numbers.first.map { "\($0)–\(numbers.last ?? $0)" } ?? "none"
        return Problem(message: "link '\(link)' names commitment \(number), which '\(declaration.title)' does not have",
                       notes: ["its commitments are numbered \(range)"])
    }

    private func unknown(_ kind: String, _ slug: String, among slugs: [String], link: String) -> Problem {
        var message = "link '\(link)' names an unknown \(kind) '\(slug)'"
        if let guess = Suggestion.closest(to: slug, among: slugs) { message += " (did you mean '\(guess)'?)" }
        return Problem(message: message)
    }

    private func unknownPage(_ link: String) -> Problem {
        Problem(message: "link '\(link)' names no page of this site", notes: [Self.siteLinkNote])
    }

    /// Whether `link` starts with a URL scheme (`https:`, `mailto:`).
    package static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isASCII, first.isLetter else { return false }
        return link[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// `relative` resolved against the site folder `base` (`declarations/x/`), without a leading `/`.
    package static func resolve(_ relative: String, from base: String) -> String {
        var folders = base.split(separator: "/").map(String.init)
        var rest = Substring(relative)
        var tail = ""
        if let cut = rest.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            tail = String(rest[cut...])
            rest = rest[..<cut]
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        var endsInFolder = true
        for part in parts {
            switch part {
            case "..": if !folders.isEmpty { folders.removeLast() }; endsInFolder = true
            case ".", "": endsInFolder = true
            default: folders.append(String(part)); endsInFolder = false
            }
        }
        // A page address names a folder; `x.png` names a file.
        if let last = folders.last, !last.contains(".") { endsInFolder = true }
        let path = folders.joined(separator: "/") + (endsInFolder && !folders.isEmpty ? "/" : "")
        return path + tail
    }
}
