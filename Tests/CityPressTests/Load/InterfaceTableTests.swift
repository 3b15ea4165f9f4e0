import Foundation
import Testing
@testable import CityPressLoad
import CityPressCore

/// The interface tables: the shipped ones are complete where they must be and in step with the code,
/// a site's own table overrides key by key, and mistakes are reported with their place.
@Suite struct InterfaceTableTests {
    let folder = TestPaths.templates.appendingPathComponent("i18n")

    func source(_ name: String, _ text: String) -> SourceText {
        SourceText(path: "Templates/i18n/" + name, text: text)
    }

    @Test func theBuiltInCopyIsTemplatesI18n() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(files == BuiltInInterfaceTables.texts.keys.sorted(), "run `make embed-templates`")
        for file in files {
            let text = try readText(folder.appendingPathComponent(file))
            #expect(BuiltInInterfaceTables.texts[file].map { $0 + "\n" } == text, "\(file): run `make embed-templates`")
        }
    }

    @Test func everyKeyOfTheEnglishTableIsATextKeyInOrder() throws {
        let (table, problems) = InterfaceTableFile.read(source("en.yml", try readText(folder.appendingPathComponent("en.yml"))))
        #expect(problems.isEmpty, "\(problems)")
        #expect(Set(table.texts.keys) == Set(TextKey.allCases))
        let lines = try readText(folder.appendingPathComponent("en.yml")).split(separator: "\n")
            .drop { $0 != "text:" }
        let written = lines.compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") else { return nil }
            let name = line.dropFirst(2)[..<colon]
            return TextKey(name: String(name)) == nil ? nil : String(name)
        }
        #expect(written == TextKey.allCases.map(\.name), "run `make embed-templates` (scripts/text-keys.py)")
    }

    @Test func frenchAndArabicAreCompleteAndEveryShippedTableReadsClean() throws {
        for language in ["en", "fr", "ar"] {
            let (_, problems) = InterfaceTables.interface(for: language, siteFiles: [:])
            #expect(problems.isEmpty, "\(language): \(problems.map(\.description))")
        }
        for file in BuiltInInterfaceTables.texts.keys.sorted() {
            let (_, problems) = InterfaceTableFile.read(source(file, BuiltInInterfaceTables.texts[file] ?? ""))
            #expect(problems.isEmpty, "\(file): \(problems.map(\.description))")
        }
    }

    @Test func everyPlaceholderOfATranslationIsOneTheEnglishPhraseHas() throws {
        let english = InterfaceTableFile.read(source("en.yml", BuiltInInterfaceTables.texts["en.yml"] ?? "")).0
        for file in BuiltInInterfaceTables.texts.keys.sorted() where file != "en.yml" {
            let table = InterfaceTableFile.read(source(file, BuiltInInterfaceTables.texts[file] ?? "")).0
            for (key, phrase) in table.texts {
                let known = english.texts[key]?.placeholders ?? []
                #expect(phrase.placeholders.isSubset(of: known.union(["count"])), "\(file): \(key.name) uses \(phrase.placeholders)")
            }
        }
    }

    @Test func aMissingKeyIsAWarningNamingTheKeyAndTheTableFile() {
        let site = source("pl.yml", "language: pl\ntext:\n  home: Start\n")
        let (interface, problems) = InterfaceTables.interface(for: "pl", siteFiles: ["pl.yml": site])
        let missing = problems.filter { $0.message.contains("interface texts are missing") }
        #expect(missing.count == 1)
        #expect(missing.first?.severity == .warning)
        #expect(missing.first?.description.hasPrefix("Templates/i18n/pl.yml: warning: ") == true && missing.first?.message.hasSuffix("of \(TextKey.allCases.count) interface texts are missing from Templates/i18n/pl.yml; the English texts are used") == true,
                "\(missing.map(\.description))")
        // One key missing is named in the message itself.
        var complete = "language: pl\ntext:\n"
        for key in TextKey.allCases where key != .searchLead { complete += "  \(key.name): x\n" }
        let one = InterfaceTables.interface(for: "pl", siteFiles: ["pl.yml": source("pl.yml", complete)]).1
            .filter { $0.message.contains("missing") }
        #expect(one.map(\.message) == ["interface text 'searchLead' is missing from Templates/i18n/pl.yml; the English text is used"])
        // The site's key wins over the built-in table, the built-in Polish one over English, English fills the rest.
        #expect(interface.text(.home) == "Start")
        #expect(interface.text(.declarations) == "Deklaracje")
        #expect(interface.text(.searchLead) == "Cities, countries, declarations, commitments and reports, by name or words.")
        // Keys the Polish tables have give no warning.
        #expect(!problems.contains { $0.message.contains("'home'") || $0.message.contains("'countCities'") })
    }

    @Test func aLanguageWithoutATableIsOneWarning() {
        let (interface, problems) = InterfaceTables.interface(for: "de", siteFiles: [:])
        #expect(problems.map(\.description) == [
            "Templates/i18n/de.yml: warning: no interface table for the language 'de': pages show English words",
        ])
        #expect(problems.first?.notes == ["copy Templates/i18n/en.yml to de.yml and translate its texts"])
        #expect(interface.text(.home) == "Home")
    }

    @Test func mistakesAreReportedAtTheirLine() {
        let text = "language: fr\ndirection: sideways\nmonths: [a, b]\ntext:\n  hmoe: Accueil\n  countCities: {one: ville, lots: villes}\n"
        let (_, problems) = InterfaceTableFile.read(source("fr.yml", text))
        let lines = problems.map { "\($0.severity) \($0.location?.line ?? 0): \($0.message)" }
        #expect(lines.contains("error 2: direction must be 'ltr' or 'rtl', not 'sideways'"), "\(lines)")
        #expect(lines.contains("error 3: months must list the twelve months, January first"), "\(lines)")
        #expect(lines.contains("warning 5: unknown interface text 'hmoe' (did you mean 'home'?)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("error 6: 'countCities': plural forms are") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("error 6: 'countCities' has no 'other' form") }, "\(lines)")
    }

    /// The preview's cache gives what reading the tables gives, and reads them again once they changed.
    @Test func theCacheGivesWhatTheTablesGiveAndFollowsTheirEdits() throws {
        let cache = InterfaceCache()
        let english = try readText(folder.appendingPathComponent("en.yml"))
        let files = ["en.yml": source("en.yml", english), "fr.yml": source("fr.yml", "text:\n  home: Accueil\n")]
        for language in ["en", "fr", "en", "fr"] {
            let cached = cache.interface(for: language, siteFiles: files, folder: "Templates/i18n")
            let read = InterfaceTables.interface(for: language, siteFiles: files, folder: "Templates/i18n")
            let same = cached.0 == read.0 && cached.1 == read.1
            #expect(same, "\(language)")
        }
        // The same file names and paths with other words, as after an edit.
        let edited = ["en.yml": source("en.yml", english.replacingOccurrences(of: "skipToMain: Skip to main content",
                                                                          with: "skipToMain: Skip to the page")),
                      "fr.yml": source("fr.yml", "text:\n  home: Page d’accueil\n")]
        for language in ["en", "fr"] {
            let cached = cache.interface(for: language, siteFiles: edited, folder: "Templates/i18n")
            let new = cached.0 == InterfaceTables.interface(for: language, siteFiles: edited, folder: "Templates/i18n").0
            let old = cached.0 == InterfaceTables.interface(for: language, siteFiles: files, folder: "Templates/i18n").0
            #expect(new && !old, "\(language)")
        }
    }

    /// A site in many languages keeps every language's interface; an edit of the tables drops the
    /// interfaces made from the old ones.
    @Test func theCacheKeepsOneInterfacePerLanguageOfTheCurrentTables() throws {
        let cache = InterfaceCache()
        let languages = ["en", "fr", "ar", "pl", "de", "es", "it", "pt", "nl", "sv", "fi", "el"]
        let files = ["en.yml": source("en.yml", try readText(folder.appendingPathComponent("en.yml")))]
        for _ in 0..<2 {
            for language in languages { _ = cache.interface(for: language, siteFiles: files, folder: "Templates/i18n") }
        }
        #expect(cache.count == languages.count)
        let edited = ["en.yml": source("en.yml", "text:\n  home: Start\n")]
        _ = cache.interface(for: "fr", siteFiles: edited, folder: "Templates/i18n")
        #expect(cache.count == 1)
    }

    /// A site's phrase that would print wrongly on every page of its language is a warning at its value:
    /// a placeholder its key does not have, no text where English has some, a plural without `{count}`.
    @Test func aSitesPhraseIsCheckedAgainstItsKeysEnglishPhrase() {
        let text = """
            text:
              publishedBy: "{titel} · publié par le {network}."
              countCities: {one: ville, other: villes}
              home: ""
              declarations: Déclarations
              countReports: {one: un rapport, other: "{count} rapports"}
            """
        let (_, problems) = InterfaceTables.interface(for: "fr", siteFiles: ["fr.yml": source("fr.yml", text)])
        #expect(problems.map(\.description) == [
            "Templates/i18n/fr.yml:2:16: warning: '{titel}' is no placeholder of 'publishedBy': pages show it as written (did you mean '{title}'?)",
            "Templates/i18n/fr.yml:3:16: warning: no form of 'countCities' shows the number: write {count} where it goes",
            "Templates/i18n/fr.yml:4:9: warning: 'home' is empty: pages show nothing where it goes",
        ])
        #expect(problems.first?.notes == ["it has {network}, {title}"])
        // A site's copy of a built-in table is as clean as the table (the French, Arabic and Polish ones
        // use {count} in plural maps whose English text has it, and no placeholder English lacks).
        for language in ["en", "fr", "ar", "pl"] {
            let copy = BuiltInInterfaceTables.texts["\(language).yml"] ?? ""
            let problems = InterfaceTables.interface(for: language, siteFiles: ["\(language).yml": source("\(language).yml", copy)]).1
            #expect(!problems.contains { $0.message.contains("placeholder") || $0.message.contains("is empty") || $0.message.contains("shows the number") },
                    "\(language): \(problems.map(\.message))")
        }
        // {count} is for plural maps: in a key without a number it is shown as written.
        let counted = InterfaceTables.interface(for: "fr", siteFiles: ["fr.yml": source("fr.yml", "text:\n  home: \"{count} Accueil\"\n")]).1
        #expect(counted.map(\.message) == ["'{count}' is no placeholder of 'home': pages show it as written"])
    }
}
