import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad

/// `languages:` in `site.yml`: typed and checked when the file is read, each problem at its entry's
/// `path:line:column:`.
@Suite struct SiteLanguagesTests {
    /// The configuration and diagnostics of the fixture's `site.yml` with its `languages:` line replaced by `line`.
    static func load(_ line: String) throws -> (SiteConfig?, [String]) {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            let file = content.appendingPathComponent("site.yml")
            let lines = try readText(file).split(separator: "\n").filter { !$0.hasPrefix("languages:") }.map(String.init)
            try writeText((lines + [line]).joined(separator: "\n") + "\n", to: file)
            var diagnostics: [Diagnostic] = []
            let config = SiteConfigFile.load(from: ContentRoot(path: content.path), &diagnostics)
            // Paths below the temporary folder, as the build shows them relative to where it runs.
            return (config, diagnostics.map { $0.description.replacingOccurrences(of: content.path + "/", with: "Content/") })
        }
    }

    /// Tags ignore case, addresses do not: `pt-br` in one place and `pt-BR` in another made two trees of
    /// one language (found by a reviewer). Every tag is written in BCP 47's usual case.
    @Test func tagsAreWrittenInTheirUsualCase() throws {
        #expect(["pt-br", "PT-BR", "zh-hant", "ZH-HANT-tw", "FR", "sr-latn-rs", "es-419", "de-CH-1996", "en-x-AB", "de-de-u-CO-phonebk"]
                    .map(SiteConfig.canonicalLanguageTag)
                == ["pt-BR", "pt-BR", "zh-Hant", "zh-Hant-TW", "fr", "sr-Latn-RS", "es-419", "de-CH-1996", "en-x-ab", "de-DE-u-co-phonebk"])
        let (config, _) = try Self.load("languages: [FR, pt-br]")
        #expect(config?.languages == ["fr", "pt-BR"])
        // A translation's folder in another case joins the language's tree, not a tree of its own.
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            try FileManager.default.moveItem(at: content.appendingPathComponent("translations/fr"), to: content.appendingPathComponent("translations/FR"))
            let (pages, diagnostics) = try renderInMemory(content: content)
            #expect(!diagnostics.containsErrors, "\(diagnostics)")
            #expect(pages["fr/declarations/second-accord/index.html"] != nil)
            #expect(!pages.keys.contains { $0.hasPrefix("FR/") })
        }
    }

    @Test func theFixtureListsFrenchAndArabic() throws {
        let (config, diagnostics) = try Self.load("languages: [fr, ar]")
        #expect(diagnostics == [])
        #expect(config?.languages == ["fr", "ar"])
        #expect(config?.language == "en-GB")
    }

    @Test func noLanguagesIsTheDefault() throws {
        let (config, diagnostics) = try Self.load("")
        #expect(diagnostics == [])
        #expect(config?.languages == [])
    }

    @Test func aTagThatIsNotBCP47IsAnErrorAtItsEntry() throws {
        let (config, diagnostics) = try Self.load("languages: [fr, fr_FR]")
        #expect(config == nil)
        #expect(diagnostics.first?.hasPrefix("Content/site.yml:6:17: error: languages: 'fr_FR' is not a BCP 47 tag") == true, "\(diagnostics)")
    }

    @Test func theSitesOwnLanguageAndATagListedTwiceAreWarningsAndLeftOut() throws {
        let (config, diagnostics) = try Self.load("languages:\n  - fr\n  - EN-gb\n  - ar\n  - FR")
        #expect(config?.languages == ["fr", "ar"])
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(diagnostics.first?.hasPrefix("Content/site.yml:8:5: warning: languages: 'EN-gb' is the site's language (language)") == true, "\(diagnostics)")
        #expect(diagnostics.last?.hasPrefix("Content/site.yml:10:5: warning: languages: 'FR' is listed twice; the second is left out") == true, "\(diagnostics)")
    }

    @Test func aSingleWordInsteadOfAListIsAnError() throws {
        let (config, diagnostics) = try Self.load("languages: fr")
        #expect(config == nil)
        #expect(diagnostics.first?.hasPrefix("Content/site.yml:6:12: error: field 'languages' must be a list") == true, "\(diagnostics)")
    }
}
