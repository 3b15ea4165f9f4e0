import CityPressCore
import CityPressLoad
import CityPressMarkdown

/// Warnings about content that builds but is probably not what the author meant: things that
/// would otherwise surprise them on the published site.
package struct ContentWarnings {
    package let content: LoadedContent
    /// The declarations that are published in this build.
    package let published: [DeclarationRecord]
    /// Each country name as first written, by country slug (the resolver has them already).
    package let countryNames: [String: Located<String>]
    /// The cities no published declaration lists (the resolver knows each city's endorsements).
    package let unlistedCities: [CityRecord]

    /// Every warning, in no particular order (diagnostics are sorted for display).
    package func diagnostics() -> [Diagnostic] {
        markdownNotices() + similarCountries() + citiesEndorsingNothing()
    }

    /// Markdown the site cannot show as written: GFM syntax, raw HTML that is omitted.
    private func markdownNotices() -> [Diagnostic] {
        content.declarations.flatMap { record in
            record.body.notices.map { notice in
                Diagnostic.warning(notice.message,
                                   at: SourceLocation(path: record.source.path, line: notice.line + record.bodyLineOffset,
                                                      column: notice.column, lineText: notice.lineText),
                                   notes: [notice.note])
            }
        }
    }

    /// Two country names that are probably one country (`Netherlands`, `The Netherlands`; `USA`,
    /// `United States`; a typo): each gets a page of its own, splitting its cities.
    private func similarCountries() -> [Diagnostic] {
        let names = countryNames.values.sorted { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }
        // Each name is folded once, and compared only with earlier names its key could match: the same
        // key, or a key one letter longer or shorter or as long (this runs on every preview rebuild).
        let keys = names.map { Array(Self.canonical($0.value).unicodeScalars) }
        var earlierByLength: [Int: [Int]] = [:]
        var diagnostics: [Diagnostic] = []
        for (offset, later) in names.enumerated() {
            let key = keys[offset]
            let candidates = [key.count - 1, key.count, key.count + 1].flatMap { earlierByLength[$0] ?? [] }.sorted()
            if let match = candidates.first(where: { Self.probablySame(canonical: keys[$0], key) }) {
                let earlier = names[match]
                diagnostics.append(.warning(
                    "country '\(later.value)' is probably the same as '\(earlier.value)': they get a page each, and their cities are split between them",
                    at: later.location,
                    notes: ["'\(earlier.value)' is written at \(earlier.location)",
                            "write the country's name the same way in every city record"]))
            }
            earlierByLength[key.count, default: []].append(offset)
        }
        return diagnostics
    }

    /// Cities no published declaration lists: they get a page and count in the totals, yet are
    /// linked from no declaration.
    private func citiesEndorsingNothing() -> [Diagnostic] {
        guard !unlistedCities.isEmpty else { return [] }
        var inDrafts: [String: [String]] = [:]
        for declaration in content.declarations where declaration.isDraft && !published.contains(where: { $0.slug == declaration.slug }) {
            for entry in declaration.signatories { inDrafts[entry.city.value, default: []].append(declaration.slug) }
        }
        let unlisted = unlistedCities.sorted { $0.source.path < $1.source.path }
        var diagnostics = unlisted.prefix(Self.unlistedCitiesShown).map { city -> Diagnostic in
            var notes = ["it still gets a page and counts in the home page's totals",
                         "list '\(city.slug)' under signatories: of the declarations it endorses, or remove the file"]
            if let drafts = inDrafts[city.slug] {
                notes.insert("it is listed only in draft declarations: \(drafts.joined(separator: ", "))", at: 0)
            }
            return .warning("city '\(city.slug)' endorses no published declaration", at: city.source, notes: notes)
        }
        // A network whose declarations are all drafts would otherwise get a warning per city.
        if unlisted.count > Self.unlistedCitiesShown {
            let rest = unlisted.dropFirst(Self.unlistedCitiesShown)
            diagnostics.append(.warning(
                "\(rest.count) more cities endorse no published declaration",
                notes: ["among them: " + rest.prefix(5).map(\.slug).joined(separator: ", ") + (rest.count > 5 ? ", …" : "")]))
        }
        return diagnostics
    }

    /// How many cities that endorse nothing are named one by one.
    package static let unlistedCitiesShown = 10

    /// Names of one country that differ in an article, an abbreviation or a typo.
    package static func probablySame(_ a: String, _ b: String) -> Bool {
        probablySame(canonical: Array(canonical(a).unicodeScalars), Array(canonical(b).unicodeScalars))
    }

    /// `probablySame` of two names already made `canonical`.
    package static func probablySame(canonical a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a == b { return true }
        // Numbers are no typos: `District 10` and `District 01` are two places.
        let digits = { (name: [Unicode.Scalar]) in name.filter { $0.properties.numericType != nil } }
        guard digits(a) == digits(b) else { return false }
        // One slip in a long name: a letter left out or doubled (`Swizerland`), two letters swapped
        // (`Belguim`). Not a letter replaced: `Iceland` and `Ireland` are two countries.
        guard min(a.count, b.count) >= 7, abs(a.count - b.count) <= 1 else { return false }
        if a.count == b.count {
            let differing = a.indices.filter { a[$0] != b[$0] }
            return differing.count == 2 && differing[1] == differing[0] + 1
                && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
        }
        return Suggestion.editDistance(a, b, limit: 1) <= 1
    }

    /// Letters and digits only, folded, without a leading "the", common short forms made long.
    package static func canonical(_ name: String) -> String {
        // Digits are part of a name ("District 9" is not "District 10").
        var words = TextFolding.fold(name).split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if words.first == "the" { words.removeFirst() }
        let joined = words.joined()
        return aliases[joined] ?? joined
    }

    private static let aliases: [String: String] = [
        "usa": "unitedstates", "us": "unitedstates", "unitedstatesofamerica": "unitedstates", "america": "unitedstates",
        "uk": "unitedkingdom", "greatbritain": "unitedkingdom", "britain": "unitedkingdom",
        "unitedkingdomofgreatbritainandnorthernireland": "unitedkingdom",
        "holland": "netherlands", "kingdomofthenetherlands": "netherlands",
        "czechrepublic": "czechia", "turkiye": "turkey", "ivorycoast": "cotedivoire",
        "uae": "unitedarabemirates", "drc": "democraticrepublicofthecongo", "southkorea": "republicofkorea",
        "korea": "republicofkorea", "russianfederation": "russia",
    ]
}
