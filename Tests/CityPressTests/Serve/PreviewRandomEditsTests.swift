import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressCore
@testable import CityPressServer
@testable import CityPressTemplates

/// Random sequences of edits to city records, declarations and reports, each followed by the preview's
/// rebuild of the changed files, must serve exactly what a full build of the same content serves:
/// the same files, byte for byte, and the same diagnostics, also while the site is invalid.
///
/// The fast path re-renders only the outputs whose declared dependencies changed, so a dependency
/// left out of an output's list shows up here as a page that kept its old bytes. The hand-written
/// cases of `PreviewIncrementalTests` cover the edits someone thought of; these cover combinations
/// (a rename after a move, a retitled declaration after its signatories were reordered, …).
///
/// The edits come from a seeded generator of the test's own (the standard library's `random(in:)`
/// may change between Swift versions), so a failure names its seed and step and reproduces.
@Suite struct PreviewRandomEditsTests {
    /// Each seed is one sequence of edits, run once without and once with drafts.
    static let seeds: [UInt64] = [0x5EED_C17E, 0xD0C_ACC0D, 0xC17_1E5]
    /// About 40 ms a step (a rebuild and a full build) in a debug build: some 5 s for the suite.
    static let steps = 40

    @Test(arguments: [false, true])
    func randomEditsRebuildAsAFullBuildDoes(includesDrafts: Bool) throws {
        var totals = Totals()
        for seed in Self.seeds {
            try run(seed: seed, includesDrafts: includesDrafts, totals: &totals)
        }
        // Most edits leave the set of routes as it was; if few steps took the fast path, the
        // comparisons above mostly tested full renders against full renders.
        #expect(totals.fast * 3 >= totals.valid,
                "only \(totals.fast) of \(totals.valid) valid rebuilds took the fast path (drafts: \(includesDrafts))")
        // Invalid steps check that failures are reported alike and that the rebuild recovers from them.
        #expect(totals.invalid > 0, "no step made the site invalid (drafts: \(includesDrafts))")
        // Report edits that keep the report's city, declaration and year patch the last site: some must.
        #expect(totals.patched > 0, "no step patched the site with its saved reports (drafts: \(includesDrafts))")
        #expect(includesDrafts == (totals.deferring > 0), "\(totals.deferring) rebuilds deferred pages (drafts: \(includesDrafts))")
    }

    struct Totals {
        var valid = 0
        var fast = 0
        var invalid = 0
        /// Valid rebuilds that patched the last site (`ReportPatch`) instead of resolving the content.
        var patched = 0
        /// Valid rebuilds whose files include pages deferred to when they are asked for.
        var deferring = 0
    }

    /// Runs `steps` random steps from `seed` on a fresh copy of the fixture site.
    func run(seed: UInt64, includesDrafts: Bool, totals: inout Totals) throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            var model = Model.start
            var written: [String: String] = [:]
            for (path, text) in model.files {
                try writeText(text, to: content.appendingPathComponent(path))
                written[path] = text
            }
            let options = BuildOptions(contentPath: content.path, templatesPath: templates.path, includesDrafts: includesDrafts)
            // With drafts, an edit's pages beyond the first of a template are made when asked for
            // (`deferralLimit`), so that the sequences also cover deferred pages carried over edits.
            let builder = PreviewBuilder(options: options, compactionSlack: 32 << 20, deferralLimit: includesDrafts ? 1 : 64)
            let first = builder.build()
            try #require(!first.diagnostics.containsErrors, "the starting site is invalid: \(first.diagnostics)")
            // A rebuild that leaves the builder's count of full renders as it was took the fast path.

            var rng = SplitMix64(seed: seed)
            var lastValid = model
            var previousFailed = false
            for step in 1...Self.steps {
                let edits: [String]
                if previousFailed {
                    // Undoing the edits that broke the site is what an author does next; the rebuild
                    // must then serve the site again (a full render: a failed build keeps no pages).
                    model = lastValid
                    edits = ["the previous step undone"]
                } else {
                    edits = model.randomStep(&rng)
                }
                var changed: [String] = []
                for (path, text) in model.files where written[path] != text {
                    try writeText(text, to: content.appendingPathComponent(path))
                    written[path] = text
                    changed.append(content.appendingPathComponent(path).path)
                }
                let kept = Set(model.files.map(\.0))
                for path in written.keys.sorted() where !kept.contains(path) {
                    try FileManager.default.removeItem(at: content.appendingPathComponent(path))
                    written[path] = nil
                    changed.append(content.appendingPathComponent(path).path)
                }
                let context = "seed \(String(seed, radix: 16)), drafts: \(includesDrafts), step \(step) "
                    + "(\(edits.joined(separator: "; "))), files: \(changed.map { $0.dropFirst(content.path.count + 1) })"
                #expect(!changed.isEmpty, "\(context): the step changed no file")

                let rendersBefore = builder.fullRenderCount
                let patchesBefore = builder.patchedBuildCount
                let rebuilt = builder.build(changed: changed)
                let full = PreviewBuilder(options: options).build()
                if let difference = Self.difference(rebuilt, full) {
                    // Later steps would compare against a rebuild that already went wrong.
                    Issue.record("\(context): \(difference)")
                    return
                }
                if case .failed = rebuilt.content {
                    let errors = rebuilt.diagnostics.filter { $0.severity == .error }.map(\.description)
                    #expect(!previousFailed, "\(context): undoing the edits that broke the site did not recover it: \(errors)")
                    totals.invalid += 1
                    previousFailed = true
                } else {
                    totals.valid += 1
                    if builder.fullRenderCount == rendersBefore { totals.fast += 1 }
                    if builder.patchedBuildCount > patchesBefore { totals.patched += 1 }
                    if case .built(let files) = rebuilt.content, !files.deferred.isEmpty { totals.deferring += 1 }
                    lastValid = model
                    previousFailed = false
                }
            }
        }
    }

    /// How the rebuild's outcome differs from the full build's; `nil` when it does not.
    static func difference(_ rebuilt: PreviewBuilder.Outcome, _ full: PreviewBuilder.Outcome) -> String? {
        var problems: [String] = []
        switch (rebuilt.content, full.content) {
        case (.built(let rebuiltFiles), .built(let fullFiles)):
            let mine = rebuiltFiles.all, theirs = fullFiles.all
            if mine != theirs {
                let onlyMine = Set(mine.keys).subtracting(theirs.keys).sorted()
                let onlyTheirs = Set(theirs.keys).subtracting(mine.keys).sorted()
                let differing = mine.keys.filter { theirs[$0] != nil && theirs[$0] != mine[$0] }.sorted()
                problems.append("files differ: only in the rebuild \(onlyMine), only in the full build \(onlyTheirs), "
                                + "other bytes \(differing)")
            }
        case (.failed(let mine), .failed(let theirs)):
            if mine != theirs { problems.append("the failures read differently:\n\(mine)\n--- full build:\n\(theirs)") }
        case (.built, .failed):
            problems.append("the rebuild built the site, the full build failed")
        case (.failed, .built):
            problems.append("the rebuild failed, the full build built the site")
        }
        if rebuilt.diagnostics != full.diagnostics {
            problems.append("diagnostics differ: rebuild \(rebuilt.diagnostics.map(\.description)), "
                            + "full build \(full.diagnostics.map(\.description))")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}

/// A city record as the test writes it.
private struct CityText: Equatable {
    var name: String
    var country: String
    var subdivision: String?
    /// `city`, `region` or `district`; `city` is left out of the file, as authors do.
    var kind = "city"
    /// Whether the country is written as an unclosed YAML list: a file the loader cannot read.
    var isBroken = false

    var text: String {
        var lines = ["name: \(yamlScalar(name))", "country: \(isBroken ? "[" + country : yamlScalar(country))"]
        if let subdivision { lines.append("subdivision: \(yamlScalar(subdivision))") }
        if kind != "city" { lines.append("kind: \(kind)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A declaration file as the test writes it: front matter, then preamble paragraphs, the numbered
/// commitments (the body's one top-level list) and closing paragraphs.
private struct DeclarationText: Equatable {
    var title: String
    var event: String
    var venue: String
    var location: String
    var startDate: String
    var endDate: String?
    var adopted: String?
    var signatoriesAsOf: String?
    var signatories: [String]
    /// Endorsement dates of signatories that endorsed after the meeting, by slug.
    var endorsed: [String: String] = [:]
    var isDraft = false
    var preamble: [String] = []
    /// Markdown of each item; lines after the first are indented three spaces, under the item.
    var commitments: [String]
    var closing: [String] = []

    var text: String {
        var lines = ["---", "title: \(yamlScalar(title))", "event: \(yamlScalar(event))", "venue: \(yamlScalar(venue))",
                     "location: \(yamlScalar(location))", "start_date: \(startDate)"]
        if let endDate { lines.append("end_date: \(endDate)") }
        if let adopted { lines.append("adopted: \(adopted)") }
        if let signatoriesAsOf { lines.append("signatories_as_of: \(signatoriesAsOf)") }
        if signatories.isEmpty {
            lines.append("signatories: []")
        } else {
            lines.append("signatories:")
            lines += signatories.map { slug in endorsed[slug].map { "  - {city: \(slug), endorsed: \($0)}" } ?? "  - \(slug)" }
        }
        if isDraft { lines.append("draft: true") }
        lines.append("---")
        let list = commitments.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        return lines.joined(separator: "\n") + "\n\n" + (preamble + [list] + closing).joined(separator: "\n\n") + "\n"
    }
}

/// A report file as the test writes it: front matter, summary paragraphs, then one `## Commitments …:`
/// heading and paragraph per action.
private struct ReportText: Equatable {
    struct Action: Equatable {
        var commitments: [Int]
        var title: String
        var text: String
    }

    var city: String
    var declaration: String
    var year: Int
    var published: String
    var summary: [String] = []
    var actions: [Action]

    var text: String {
        let front = ["---", "city: \(city)", "declaration: \(declaration)", "year: \(year)", "published: \(published)", "---"]
        let actionTexts = actions.map { action in
            let numbers = action.commitments.map(String.init)
            let named = numbers.count == 1 ? "Commitment \(numbers[0])"
                : "Commitments " + numbers.dropLast().joined(separator: ", ") + " and " + (numbers.last ?? "")
            return "## \(named): \(action.title)\n\n\(action.text)"
        }
        return front.joined(separator: "\n") + "\n\n" + (summary + actionTexts).joined(separator: "\n\n") + "\n"
    }
}

/// `text` as a YAML scalar: plain where YAML reads it as written, double-quoted otherwise.
private func yamlScalar(_ text: String) -> String {
    let special = "'\"&*!|>%@`[]{},#?-:"
    let plain = text.first.map { !special.contains($0) } ?? false
        && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
    return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// The content the test edits: every city and declaration file, by slug, and every report, by its
/// file's path below `reports/`.
private struct Model: Equatable {
    var cities: [String: CityText]
    var declarations: [String: DeclarationText]
    var reports: [String: ReportText]

    /// The fixture site's records, plus cities in three more countries (so cities can move between
    /// countries that all stay) that no declaration lists yet.
    static let start = Model(
        cities: [
            "lodz": CityText(name: "Łódź", country: "Poland"),
            "poznan": CityText(name: "Poznań", country: "Poland"),
            "greater-leeds": CityText(name: "Greater Leeds & District", country: "United Kingdom", kind: "region"),
            "wroclaw": CityText(name: "Wroclaw", country: "Poland", subdivision: "Lower Silesia"),
            "berlin": CityText(name: "Berlin", country: "Germany"),
            "lyon": CityText(name: "Lyon", country: "France", subdivision: "Auvergne-Rhône-Alpes"),
            "brno": CityText(name: "Brno", country: "Czechia", kind: "district"),
        ],
        declarations: [
            "first-accord": DeclarationText(
                title: "First Accord", event: "First Summit of the Fixture Network", venue: "Town Hall",
                location: "Poznań, Poland", startDate: "2021-03-01", endDate: "2021-03-02", adopted: "2021-03-02",
                signatoriesAsOf: "2021-04-01", signatories: ["wroclaw", "poznan", "greater-leeds"],
                preamble: ["We, the mayors, *agree*:"],
                commitments: ["To keep parks open & free.",
                              "To publish budgets <script>alert(1)</script> openly.\n\n   With a second paragraph.",
                              "To meet again."],
                closing: ["Signed in Poznań."]),
            "second-accord": DeclarationText(
                title: "Second Accord", event: "Second Summit", venue: "Congress Centre", location: "Wrocław, Poland",
                startDate: "2022-05-10", signatoriesAsOf: "2022-06-01", signatories: ["lodz", "wroclaw"],
                preamble: ["Preamble."],
                commitments: ["To plant trees.",
                              "To share data, as [the First Accord](/declarations/first-accord/#commitment-3) asked, starting\n"
                                + "   with [Łódź](/cities/lodz/) and [commitment 1](#commitment-1)."]),
            "draft-accord": DeclarationText(
                title: "Draft Accord", event: "Third Summit", venue: "Hall", location: "Łódź, Poland",
                startDate: "2023-01-01", signatories: [], isDraft: true, commitments: ["To be decided."]),
        ],
        // The fixture's reports, as the model writes them.
        reports: [
            "2021/poznan-first-accord.md": ReportText(
                city: "poznan", declaration: "first-accord", year: 2021, published: "2022-01-20",
                actions: [.init(commitments: [1, 3], title: "Parks open at night, and a second summit offered",
                                text: "Three city parks stayed open until midnight.")]),
            "2022/lodz-second-accord.md": ReportText(
                city: "lodz", declaration: "second-accord", year: 2022, published: "2023-02-15",
                summary: ["In 2022 Łódź worked on both commitments."],
                actions: [.init(commitments: [1], title: "Four thousand trees on school grounds",
                                text: "Pupils of 38 primary schools planted 4,012 native trees."),
                          .init(commitments: [1, 2], title: "The urban canopy as open data",
                                text: "The map is linked from [the city's page](/cities/lodz/).")]),
            "2022/wroclaw-second-accord.md": ReportText(
                city: "wroclaw", declaration: "second-accord", year: 2022, published: "2023-03-01",
                actions: [.init(commitments: [2], title: "A shared budget dashboard",
                                text: "Wrocław and three neighbouring towns publish their budgets.")]),
            "2023/lodz-second-accord.md": ReportText(
                city: "lodz", declaration: "second-accord", year: 2023, published: "2024-01-30",
                actions: [.init(commitments: [2], title: "Data shared with the network's cities",
                                text: "Łódź gave the tree data's format to the network.")]),
        ])

    /// Names that file under other letters, with diacritics, in another script, with markup to escape,
    /// and ones equal but for their accents (`Lodz`, `Łódź`), which the slug orders.
    static let names = ["Aachen", "Ängelholm", "Évora", "Łomża", "Lodz", "Łódź", "Zielona Góra", "Mölndal", "Ørsta",
                        "Čadca", "Ísafjörður", "Kraków", "Berlin <Mitte>", "'s-Hertogenbosch", "Ελευσίνα", "Zürich",
                        "Saint-Étienne", "Bydgoszcz"]
    static let subdivisions = ["Lower Silesia", "Greater Poland", "Bavaria", "Île-de-France", "West Yorkshire"]
    /// Countries no city starts in: moving a city there adds a country (and a route).
    static let newCountries = ["Austria", "Österreich", "Lithuania"]
    static let kinds = ["city", "region", "district"]
    static let titles = ["First Accord", "The First Accord", "Accord of Łódź", "Ångström Accord", "Zero Accord",
                         "Accord <of> Cities & Towns", "Écoles Accord", "Second Accord"]
    /// Few dates, some shared, so declarations tie on their date and are ordered by slug.
    static let dates = ["2020-11-15", "2021-03-01", "2021-03-02", "2022-05-10", "2022-05-11", "2023-01-01", "2024-06-30"]
    /// Days signatories endorse on after a meeting.
    static let endorsementDates = ["2022-06-01", "2023-02-28", "2024-07-01", "2025-01-15"]
    static let sentences = ["To plant many trees.", "To open *every* library on Sundays.", "To count bicycles & buses.",
                            "To keep the <em>old</em> bridges.", "To answer every letter."]
    /// Commitments past 9 would need their continuation lines indented four spaces.
    static let maxCommitments = 6

    var citySlugs: [String] { cities.keys.sorted() }
    var declarationSlugs: [String] { declarations.keys.sorted() }
    /// The countries cities are in now.
    var countries: [String] { Set(cities.values.map(\.country)).sorted() }

    /// Every file, by path below `Content/`, with its text, in a fixed order.
    var files: [(String, String)] {
        cities.sorted { $0.key < $1.key }.map { ("cities/\($0.key).yml", $0.value.text) }
            + declarations.sorted { $0.key < $1.key }.map { ("declarations/\($0.key).md", $0.value.text) }
            + reports.sorted { $0.key < $1.key }.map { ("reports/\($0.key)", $0.value.text) }
    }

    /// Applies one or two random edits (sometimes one that makes the site invalid) that change at
    /// least one file, and describes them.
    mutating func randomStep(_ rng: inout SplitMix64) -> [String] {
        let before = files.map(\.1)
        var edits: [String] = []
        let count = rng.oneIn(3) ? 2 : 1
        // An edit that does not apply here (no subdivision to remove, …) is drawn again.
        for _ in 0..<50 where edits.count < count || files.map(\.1) == before {
            let edit = rng.oneIn(15) ? breakingEdit(&rng)
                : rng.oneIn(3) ? cityEdit(&rng) : rng.oneIn(2) ? declarationEdit(&rng) : reportEdit(&rng)
            if let edit {
                edits.append(edit)
            }
        }
        return edits
    }

    /// An edit of a city record; `nil` when the drawn edit does not apply.
    mutating func cityEdit(_ rng: inout SplitMix64) -> String? {
        guard let slug = rng.pick(citySlugs), var city = cities[slug] else { return nil }
        let what: String
        switch rng.below(10) {
        case 0, 1, 2:
            guard let name = rng.pick(Self.names.filter { $0 != city.name }) else { return nil }
            city.name = name
            what = "renamed \(name)"
        case 3, 4:
            guard let kind = rng.pick(Self.kinds.filter { $0 != city.kind }) else { return nil }
            city.kind = kind
            what = "made a \(kind)"
        case 5, 6:
            if city.subdivision == nil {
                city.subdivision = rng.pick(Self.subdivisions)
                what = "given subdivision \(city.subdivision ?? "")"
            } else {
                city.subdivision = nil
                what = "its subdivision removed"
            }
        case 7, 8:
            guard let country = rng.pick(countries.filter { $0 != city.country }) else { return nil }
            city.country = country
            what = "moved to \(country)"
        default:
            guard let country = rng.pick(Self.newCountries.filter { !countries.contains($0) }) else { return nil }
            city.country = country
            what = "moved to a new country, \(country)"
        }
        cities[slug] = city
        return "city \(slug) \(what)"
    }

    /// An edit of a declaration that keeps it valid on its own (links may still break: a link to a
    /// commitment removed, or to a draft not published); `nil` when the drawn edit does not apply.
    mutating func declarationEdit(_ rng: inout SplitMix64) -> String? {
        guard let slug = rng.pick(declarationSlugs), var declaration = declarations[slug] else { return nil }
        let what: String
        switch rng.below(17) {
        case 0:
            guard let title = rng.pick(Self.titles.filter { $0 != declaration.title }) else { return nil }
            declaration.title = title
            what = "retitled \(title)"
        case 1:
            guard let date = rng.pick(Self.dates.filter { $0 != declaration.startDate }) else { return nil }
            declaration.startDate = date
            // ISO dates compare as strings; an end before the start is an error, drawn elsewhere.
            if let end = declaration.endDate, end < date { declaration.endDate = date }
            what = "start_date \(date)"
        case 2:
            if declaration.adopted != nil, rng.oneIn(3) {
                declaration.adopted = nil
                what = "adopted removed"
            } else {
                guard let date = rng.pick(Self.dates.filter { $0 != declaration.adopted }) else { return nil }
                declaration.adopted = date
                what = "adopted \(date)"
            }
        case 3:
            if declaration.signatories.isEmpty, declaration.signatoriesAsOf != nil, rng.oneIn(2) {
                declaration.signatoriesAsOf = nil
                what = "signatories_as_of removed"
            } else {
                guard let date = rng.pick(Self.dates.filter { $0 != declaration.signatoriesAsOf }) else { return nil }
                declaration.signatoriesAsOf = date
                what = "signatories_as_of \(date)"
            }
        case 4:
            guard let city = rng.pick(citySlugs.filter { !declaration.signatories.contains($0) }) else { return nil }
            declaration.signatories.insert(city, at: rng.below(declaration.signatories.count + 1))
            // A list of signatories needs its date.
            if declaration.signatoriesAsOf == nil { declaration.signatoriesAsOf = rng.pick(Self.dates) }
            what = "signatory \(city) added"
        case 5:
            guard !declaration.signatories.isEmpty else { return nil }
            let city = declaration.signatories.remove(at: rng.below(declaration.signatories.count))
            what = "signatory \(city) removed"
        case 6, 7:
            // Two different cities at least, or no order differs (a step may have listed one twice).
            guard Set(declaration.signatories).count >= 2 else { return nil }
            let old = declaration.signatories
            while declaration.signatories == old {
                for index in declaration.signatories.indices.reversed() {
                    declaration.signatories.swapAt(index, rng.below(index + 1))
                }
            }
            what = "signatories reordered \(declaration.signatories)"
        case 8:
            declaration.isDraft.toggle()
            what = "draft: \(declaration.isDraft)"
        case 9:
            guard declaration.commitments.count < Self.maxCommitments, let sentence = rng.pick(Self.sentences) else { return nil }
            let position = rng.below(declaration.commitments.count + 1)
            declaration.commitments.insert(sentence, at: position)
            what = "commitment \(position + 1) added"
        case 10:
            guard declaration.commitments.count > 1 else { return nil }
            let position = rng.below(declaration.commitments.count)
            declaration.commitments.remove(at: position)
            what = "commitment \(position + 1) removed"
        case 11, 12:
            let position = rng.below(declaration.commitments.count)
            if rng.oneIn(2), let sentence = rng.pick(Self.sentences.filter { $0 != declaration.commitments[position] }) {
                declaration.commitments[position] = sentence
            } else {
                declaration.commitments[position] += " Every year."
            }
            what = "commitment \(position + 1) reworded"
        case 13, 14:
            let link: String
            if rng.oneIn(2) {
                guard let target = rng.pick(declarationSlugs.filter { $0 != slug }),
                      let commitments = declarations[target]?.commitments.count else { return nil }
                link = "[that accord](/declarations/\(target)/#commitment-\(rng.below(commitments) + 1))"
            } else {
                guard let city = rng.pick(citySlugs) else { return nil }
                link = "[a signatory](/cities/\(city)/)"
            }
            // In a commitment, the preamble or the closing text: each is shown on other pages.
            switch rng.below(3) {
            case 0:
                let position = rng.below(declaration.commitments.count)
                declaration.commitments[position] += " See \(link)."
                what = "link \(link) added to commitment \(position + 1)"
            case 1:
                declaration.preamble.append("As \(link) says.")
                what = "link \(link) added to the preamble"
            default:
                declaration.closing.append("See also \(link).")
                what = "link \(link) added to the closing text"
            }
        case 15:
            guard let city = rng.pick(declaration.signatories) else { return nil }
            if declaration.endorsed[city] != nil, rng.oneIn(2) {
                declaration.endorsed[city] = nil
                what = "\(city) endorsed at the meeting"
            } else {
                // Usually after the start; the list's date moves forward when needed (a date before the
                // start, when the start is late, is an error the comparison covers too).
                guard let date = rng.pick(Self.endorsementDates.filter { $0 != declaration.endorsed[city] }) else { return nil }
                declaration.endorsed[city] = date
                if (declaration.signatoriesAsOf ?? "") < date { declaration.signatoriesAsOf = date }
                what = "\(city) endorsed on \(date)"
            }
        default:
            guard !declaration.closing.isEmpty else { return nil }
            declaration.closing.removeLast()
            what = "last closing paragraph removed"
        }
        declarations[slug] = declaration
        return "declaration \(slug) \(what)"
    }

    static let actionTitles = ["Trees planted", "Budgets published", "Libraries open on Sundays", "A <new> bridge & a path"]
    static let publishedDates = ["2022-01-20", "2023-02-15", "2023-03-01", "2024-01-30", "2025-06-01"]

    /// An edit of a report (or a report added or removed) that usually keeps it valid: its year may come
    /// before its city endorsed the declaration, a commitment it names may have been removed since.
    mutating func reportEdit(_ rng: inout SplitMix64) -> String? {
        if rng.oneIn(8) {
            // A new report of a signatory, for a year no report of it covers yet.
            guard let slug = rng.pick(declarationSlugs), let declaration = declarations[slug],
                  let city = rng.pick(declaration.signatories) else { return nil }
            let year = (Int(declaration.startDate.prefix(4)) ?? 2021) + rng.below(3)
            let path = "\(year)/\(city)-\(slug).md"
            guard reports[path] == nil,
                  !reports.values.contains(where: { $0.city == city && $0.declaration == slug && $0.year == year }) else { return nil }
            reports[path] = ReportText(city: city, declaration: slug, year: year, published: "\(year + 1)-02-01",
                                       actions: [.init(commitments: [1], title: "A first action", text: "Begun.")])
            return "report \(path) added"
        }
        guard let path = rng.pick(reports.keys.sorted()), var report = reports[path] else { return nil }
        let commitmentCount = declarations[report.declaration]?.commitments.count ?? 1
        let what: String
        switch rng.below(12) {
        case 0:
            reports[path] = nil
            return "report \(path) removed"
        case 1:
            guard let date = rng.pick(Self.publishedDates.filter { $0 != report.published }) else { return nil }
            report.published = date
            what = "published \(date)"
        case 2:
            report.year += rng.oneIn(2) ? 1 : -1
            guard !reports.contains(where: { $0.key != path && $0.value.city == report.city
                                              && $0.value.declaration == report.declaration && $0.value.year == report.year })
            else { return nil }
            what = "year \(report.year)"
        case 3, 4:
            let position = rng.below(report.actions.count)
            guard let title = rng.pick(Self.actionTitles.filter { $0 != report.actions[position].title }) else { return nil }
            report.actions[position].title = title
            what = "action \(position + 1) retitled \(title)"
        // Three draws in twelve: which pages list an action depends on the numbers it names.
        case 5, 10, 11:
            let position = rng.below(report.actions.count)
            let number = 1 + rng.below(commitmentCount)
            // Taken away, added, or in place of the others: the commitment an action no longer names
            // loses it from its page as much as the one it now names gains it.
            if report.actions[position].commitments.contains(number) {
                guard report.actions[position].commitments.count > 1 else { return nil }
                report.actions[position].commitments.removeAll { $0 == number }
            } else if rng.oneIn(2) {
                report.actions[position].commitments = [number]
            } else {
                report.actions[position].commitments = (report.actions[position].commitments + [number]).sorted()
            }
            what = "action \(position + 1) names commitments \(report.actions[position].commitments)"
        case 6:
            let position = rng.below(report.actions.count)
            if rng.oneIn(2), let city = rng.pick(citySlugs) {
                report.actions[position].text += " With [a neighbour](/cities/\(city)/)."
            } else {
                report.actions[position].text += " Done *again*."
            }
            what = "action \(position + 1) reworded"
        case 7:
            guard let title = rng.pick(Self.actionTitles) else { return nil }
            report.actions.insert(.init(commitments: [1 + rng.below(commitmentCount)], title: title, text: "Started."),
                                  at: rng.below(report.actions.count + 1))
            what = "action added"
        case 8:
            guard report.actions.count > 1 else { return nil }
            report.actions.remove(at: rng.below(report.actions.count))
            what = "action removed"
        default:
            if !report.summary.isEmpty, rng.oneIn(2) {
                report.summary.removeLast()
                what = "summary shortened"
            } else {
                report.summary.append("Figures are for the calendar year.")
                what = "summary extended"
            }
        }
        reports[path] = report
        return "report \(path) \(what)"
    }

    /// An edit that makes the site invalid whatever else it holds; `nil` when it does not apply.
    mutating func breakingEdit(_ rng: inout SplitMix64) -> String? {
        switch rng.below(5) {
        case 0:
            guard let slug = rng.pick(declarationSlugs), var declaration = declarations[slug] else { return nil }
            declaration.signatories.append("atlantis")
            if declaration.signatoriesAsOf == nil { declaration.signatoriesAsOf = rng.pick(Self.dates) }
            declarations[slug] = declaration
            // A draft's signatories are checked too, published or not, so this breaks every site.
            return "declaration \(slug) signed by the unknown city atlantis"
        case 1:
            guard let slug = rng.pick(declarationSlugs), var declaration = declarations[slug],
                  let city = rng.pick(declaration.signatories) else { return nil }
            declaration.signatories.append(city)
            declarations[slug] = declaration
            return "declaration \(slug) lists \(city) twice"
        case 2:
            guard let slug = rng.pick(declarationSlugs), var declaration = declarations[slug] else { return nil }
            declaration.endDate = "2000-01-01"
            declarations[slug] = declaration
            return "declaration \(slug) ends before it starts"
        case 3:
            guard let slug = rng.pick(declarationSlugs), var declaration = declarations[slug],
                  !declaration.signatories.isEmpty, declaration.signatoriesAsOf != nil else { return nil }
            declaration.signatoriesAsOf = nil
            declarations[slug] = declaration
            return "declaration \(slug) lost signatories_as_of"
        default:
            // Not YAML at all: the record is not loaded, so the error comes from the loader.
            guard let slug = rng.pick(citySlugs), var city = cities[slug] else { return nil }
            city.isBroken = true
            cities[slug] = city
            return "city \(slug) has broken YAML"
        }
    }
}
