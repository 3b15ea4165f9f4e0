import Foundation
import Testing

/// `build --incremental` after random small edits of a copy of the fixture site gives, round after round,
/// exactly the folder a build into an empty folder gives. A field left out of a fingerprint (`SiteFingerprints`,
/// `DependencyValues`, `OutputFingerprints`) shows up here as a page kept when it should have been rendered.
///
/// Seeded: the same seed gives the same edits. `CITYPRESS_EDIT_SEED` and `CITYPRESS_EDIT_ROUNDS` change the
/// seed and the number of rounds; the seed is printed. Each round makes one edit (alone, so that an edit
/// that renders every page cannot hide a page another edit should have rendered), drawn from a shuffled deck
/// of every kind of edit, so the default 18 rounds make every kind at least once.
@Suite struct RandomEditTests {
    static let defaultSeed: UInt64 = 20_261_126
    static let defaultRounds = 18

    @Test func incrementalBuildsAfterRandomEditsEqualFreshBuilds() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["CITYPRESS_EDIT_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let rounds = environment["CITYPRESS_EDIT_ROUNDS"].flatMap { Int($0) } ?? Self.defaultRounds
        print("RandomEditTests: seed \(seed), \(rounds) rounds (CITYPRESS_EDIT_SEED, CITYPRESS_EDIT_ROUNDS change them)")
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let cache = ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
            let first = try runCityPress(["build", "--incremental", "--quiet"], in: site, environment: cache)
            #expect(first.status == 0, "\(first.stderr)")
            var editor = SiteEditor(site: site, seed: seed)
            var kept = 0, rejected: [String] = []
            for round in 1...rounds {
                var edits: [String] = [], incremental = ProcessResult(status: 1, stdout: "", stderr: "")
                // Edits the site refuses (a date before its declaration, say) fail the build before it writes
                // anything: they are undone and others drawn.
                for _ in 0..<4 {
                    let saved = try editor.saveFiles()
                    edits = [try editor.applyNext()]
                    incremental = try runCityPress(["build", "--incremental"], in: site, environment: cache)
                    if incremental.status == 0 { break }
                    rejected.append("round \(round): \(edits.joined(separator: "; ")): \(incremental.stderr.prefix(300))")
                    try editor.restore(saved)
                }
                let described = "round \(round) (seed \(seed)): " + edits.joined(separator: "; ")
                #expect(incremental.status == 0, "\(described): \(incremental.stderr)")
                let fresh = site.appendingPathComponent("Fresh")
                try? FileManager.default.removeItem(at: fresh)
                // A cache folder of its own: nothing of an earlier build (its stored records) is used.
                let freshCache = root.appendingPathComponent("cache-fresh-\(round)").path
                let full = try runCityPress(["build", "--incremental", "--quiet", "--output", "Fresh"], in: site,
                                            environment: ["XDG_CACHE_HOME": freshCache])
                #expect(full.status == 0, "\(described): \(full.stderr)")
                let got = try snapshot(of: site.appendingPathComponent("Public")), expected = try snapshot(of: fresh)
                let differing = Set(got.keys).union(expected.keys).filter { got[$0] != expected[$0] }.sorted()
                if !differing.isEmpty {
                    Issue.record("""
                        \(described): the incremental build differs from a build into an empty folder in \(differing.count) \
                        file\(differing.count == 1 ? "" : "s"): \(differing.prefix(12).joined(separator: ", "))
                        """)
                    return
                }
                if let counts = incremental.stdout.firstMatch(of: /(\d+) rendered, (\d+) kept/), let count = Int(counts.2) { kept += count }
                print("RandomEditTests: \(described): \(incremental.stdout.split(separator: "\n").last ?? "")")
            }
            #expect(rejected.count <= rounds / 4, "too many edits refused by the site: \(rejected)")
            // Otherwise the rounds would prove nothing about what is kept.
            #expect(kept > 0)
        }
    }
}

/// Small edits of the fixture site's files, drawn at random.
struct SiteEditor {
    let site: URL
    var random: SplitMix64
    /// Kinds of edit not drawn yet in this pass through the deck.
    private var deck: [Kind] = []
    /// Cities this editor added, which it may remove again.
    private var added: [String] = []
    private var counter = 0

    enum Kind: CaseIterable {
        case cityName, cityCountry, endorsementDate, declarationTitle, declarationDate, commitmentText, reportTitle,
             reportYear, actionText, translationString, templatePartial, siteTitle, addCity, removeCity,
             citySubdivision, declarationVenue, reportPublished, translationTitle
    }

    init(site: URL, seed: UInt64) {
        self.site = site
        random = SplitMix64(seed: seed)
    }

    static let words = ["Nowa", "Brava", "Stella", "Kōhai", "Ümit", "Zielona", "Azul", "Oro", "Nord", "Sud"]
    static let countries = ["Poland", "Japan", "United Kingdom", "Narnia"]
    static let partials = ["declaration-card", "signatory-entry", "city-endorsement", "site-footer", "title-block",
                           "print-signatory-entry"]

    /// A word not used before, so that every edit changes something.
    private mutating func word() -> String {
        counter += 1
        return Self.words[random.below(Self.words.count)] + "\(counter)"
    }

    private func url(_ path: String) -> URL { site.appendingPathComponent(path) }

    private func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []).sorted().map { folder + "/" + $0 }
    }

    /// The published declarations (an edit of a draft changes nothing).
    private func declarations() -> [String] {
        files(in: "Content/declarations").filter { (try? readText(url($0)).contains("\ndraft: true")) != true }
    }

    /// Every file of `Content/` and `Templates/i18n/` and the partials, by path, with their text.
    func saveFiles() throws -> [String: String] {
        var saved: [String: String] = [:]
        for path in FileManager.default.subpaths(atPath: site.path) ?? []
        where (path.hasPrefix("Content/") || path.hasPrefix("Templates/")) && (path.hasSuffix(".md") || path.hasSuffix(".yml") || path.hasSuffix(".mustache")) {
            saved[path] = try readText(url(path))
        }
        return saved
    }

    /// Puts back the files `saveFiles` gave, removing those made since.
    mutating func restore(_ saved: [String: String]) throws {
        for path in try saveFiles().keys where saved[path] == nil { try FileManager.default.removeItem(at: url(path)) }
        for (path, text) in saved { try writeText(text, to: url(path)) }
        added = added.filter { saved["Content/cities/\($0).yml"] != nil }
    }

    /// Applies the next edit; returns what it did.
    mutating func applyNext() throws -> String {
        if deck.isEmpty { deck = Kind.allCases.shuffled(using: &random) }
        return try apply(deck.removeLast())
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[random.below(values.count)] }

    /// Replaces the first line of `path` that starts with `prefix` by `prefix` + `value`.
    private func setLine(_ path: String, _ prefix: String, _ value: String) throws {
        let text = try readText(url(path))
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else { return }
        lines[index] = prefix + value
        try writeText(lines.joined(separator: "\n"), to: url(path))
    }

    /// Applies `lines`' change to the `index`-th line (of those `matching`) of `path`.
    private mutating func editLine(_ path: String, matching: (String) -> Bool, _ change: (String) -> String) throws -> Bool {
        var lines = try readText(url(path)).components(separatedBy: "\n")
        let candidates = lines.indices.filter { matching(lines[$0]) }
        guard !candidates.isEmpty else { return false }
        let index = pick(candidates)
        lines[index] = change(lines[index])
        try writeText(lines.joined(separator: "\n"), to: url(path))
        return true
    }

    private mutating func apply(_ kind: Kind) throws -> String {
        let word = word()
        switch kind {
        case .cityName:
            let city = pick(files(in: "Content/cities"))
            try setLine(city, "name: ", "City \(word)")
            return "renamed \(city) to 'City \(word)'"
        case .cityCountry:
            let city = pick(files(in: "Content/cities"))
            let current = try readText(url(city)).components(separatedBy: "\n").first { $0.hasPrefix("country: ") }
            let country = pick(Self.countries.filter { "country: " + $0 != current })
            try setLine(city, "country: ", country)
            return "moved \(city) to \(country)"
        case .endorsementDate:
            // The Second Accord met on 2022-05-10 and lists its signatories as of 2022-06-01.
            let day = 11 + random.below(20)
            let path = "Content/declarations/second-accord.md"
            _ = try editLine(path, matching: { $0.contains("endorsed: 2022-05-") }) { line in
                line.replacingOccurrences(of: #"2022-05-\d\d"#, with: "2022-05-\(day)", options: .regularExpression)
            }
            return "changed an endorsement date of \(path) to 2022-05-\(day)"
        case .declarationTitle:
            let path = pick(declarations())
            _ = try editLine(path, matching: { $0.hasPrefix("title: ") }) { $0 + " " + word }
            return "retitled \(path) with '\(word)'"
        case .declarationDate:
            let day = 1 + random.below(9)
            try setLine("Content/declarations/second-accord.md", "start_date: ", "2022-05-0\(day)")
            return "moved the Second Accord's start_date to 2022-05-0\(day)"
        case .commitmentText:
            let path = pick(declarations())
            _ = try editLine(path, matching: { $0.range(of: #"^\d+\. To "#, options: .regularExpression) != nil }) {
                $0.replacingOccurrences(of: ". To ", with: ". To \(word) and to ")
            }
            return "changed a commitment of \(path) with '\(word)'"
        case .reportTitle:
            let path = pick(files(in: "Content/reports").flatMap { files(in: $0) })
            let changed = try editLine(path, matching: { $0.hasPrefix("## ") }) { $0 + " " + word }
            return changed ? "retitled an action of \(path) with '\(word)'" : "nothing (\(path) has no action titles)"
        case .reportYear:
            let year = pick([2023, 2024, 2025])
            try setLine("Content/reports/2022/wroclaw-second-accord.md", "year: ", "\(year)")
            return "moved Wrocław's 2022 report to \(year)"
        case .actionText:
            let path = pick(files(in: "Content/reports").flatMap { files(in: $0) })
            var inBody = 0
            _ = try editLine(path, matching: { line in
                if line == "---" { inBody += 1 }
                return inBody >= 2 && line.first?.isLetter == true
            }) { $0 + " " + word }
            return "added '\(word)' to the text of \(path)"
        case .translationString:
            let path = "Templates/i18n/" + pick(["en.yml", "fr.yml"])
            var inText = false
            let key = pick(["home", "cities", "countries", "declarations", "search", "openData", "commitments"])
            _ = try editLine(path, matching: { line in
                if line == "text:" { inText = true }
                return inText && line.hasPrefix("  \(key): ")
            }) { $0 + " " + word }
            return "changed '\(key)' of \(path) with '\(word)'"
        case .templatePartial:
            let name = pick(Self.partials)
            let path = "Templates/\(name).mustache"
            try writeText("<!-- \(word) -->" + (try readText(url(path))), to: url(path))
            return "edited the partial \(name)"
        case .siteTitle:
            try setLine("Content/site.yml", "title: ", "Fixture Declarations \(word)")
            return "retitled the site with '\(word)'"
        case .addCity:
            let slug = "town-\(counter)", country = pick(Self.countries)
            try writeText("name: Town \(word)\ncountry: \(country)\n", to: url("Content/cities/\(slug).yml"))
            let path = pick(declarations())
            let entry = path.hasSuffix("second-accord.md") && random.below(2) == 0
                ? "  - {city: \(slug), endorsed: 2022-05-\(11 + random.below(20))}" : "  - \(slug)"
            _ = try editLine(path, matching: { $0 == "signatories:" }) { $0 + "\n" + entry }
            added.append(slug)
            return "added the city \(slug) (\(country)) to \(path) as '\(entry.dropFirst(4))'"
        case .citySubdivision:
            let city = pick(files(in: "Content/cities"))
            let lines = try readText(url(city)).components(separatedBy: "\n").filter { !$0.hasPrefix("subdivision: ") && !$0.isEmpty }
            try writeText((lines + ["subdivision: Province \(word)", ""]).joined(separator: "\n"), to: url(city))
            return "set the subdivision of \(city) to 'Province \(word)'"
        case .declarationVenue:
            let path = pick(declarations())
            try setLine(path, "venue: ", "Hall \(word)")
            return "moved the venue of \(path) to 'Hall \(word)'"
        case .reportPublished:
            let path = pick(files(in: "Content/reports").flatMap { files(in: $0) })
            let month = 1 + random.below(9)
            _ = try editLine(path, matching: { $0.hasPrefix("published: ") }) { line in
                line.replacingOccurrences(of: #"-\d\d-"#, with: "-0\(month)-", options: .regularExpression)
            }
            return "moved the publication of \(path) to month \(month)"
        case .translationTitle:
            let path = pick(files(in: "Content/translations").flatMap { files(in: $0) })
            _ = try editLine(path, matching: { $0.hasPrefix("title: ") }) { $0 + " " + word }
            return "retitled the translation \(path) with '\(word)'"
        case .removeCity:
            let slug = added.isEmpty || random.below(3) == 0 ? "setagaya" : pick(added)
            let file = url("Content/cities/\(slug).yml")
            guard FileManager.default.fileExists(atPath: file.path) else { return "nothing (\(slug) was removed before)" }
            try FileManager.default.removeItem(at: file)
            for path in files(in: "Content/declarations") {
                let lines = try readText(url(path)).components(separatedBy: "\n")
                try writeText(lines.filter { $0 != "  - \(slug)" && !$0.hasPrefix("  - {city: \(slug),") }.joined(separator: "\n"), to: url(path))
            }
            added.removeAll { $0 == slug }
            return "removed the city \(slug)"
        }
    }
}
