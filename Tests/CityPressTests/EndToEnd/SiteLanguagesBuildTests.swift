import Foundation
import Testing

/// Whole-site languages built by the real binary from the fixture (`languages: [fr, ar]`): every page
/// with versions lists the same versions, in its head and in the sitemap, each pointing back; a broken
/// `languages:` entry stops the build at its place; a language's own A–Z order is used in its tree.
@Suite struct SiteLanguagesBuildTests {
    /// The fixture site (edited by `edit` first) built into `site/out`; the result of the build.
    func build(in root: URL, edit: (URL) throws -> Void = { _ in }) throws -> (site: URL, result: ProcessResult) {
        let site = try makeFixtureSite(in: root)
        try edit(site.appendingPathComponent("Content"))
        let result = try runCityPress(["build", "--content", "Content", "--templates", "Templates", "--output", "out"], in: site)
        return (site, result)
    }

    /// `site.yml`'s `languages:` line replaced by `line`.
    static func setLanguages(_ line: String, in content: URL) throws {
        let file = content.appendingPathComponent("site.yml")
        let lines = try readText(file).split(separator: "\n").filter { !$0.hasPrefix("languages:") }.map(String.init)
        try writeText((lines + [line]).joined(separator: "\n") + "\n", to: file)
    }

    /// Each `hreflang` alternate of the page: language → absolute address.
    static func alternates(_ html: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in html.matches(of: /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/) {
            result[String(match.output.1)] = String(match.output.2)
        }
        return result
    }

    @Test func hreflangPairsAreReciprocalAcrossTheTrees() throws {
        try withTemporaryFolder { root in
            let (site, result) = try build(in: root)
            #expect(result.status == 0, "\(result.stderr)")
            let out = site.appendingPathComponent("out")
            let base = "https://example.org/declarations/"
            var pagesWithVersions = 0
            var byAddress: [String: [String: String]] = [:]
            for path in (FileManager.default.subpaths(atPath: out.path) ?? []).sorted() where path.hasSuffix("index.html") {
                let alternates = Self.alternates(try readText(out.appendingPathComponent(path)))
                guard !alternates.isEmpty else { continue }
                pagesWithVersions += 1
                let address = base + String(path.dropLast("index.html".count))
                byAddress[address] = alternates
                #expect(alternates.values.contains(address), "\(path) lists itself")
            }
            // Home, 4 indexes, 5 cities, 3 countries and the search page in 3 languages; the translated declaration in 3.
            #expect(pagesWithVersions == 14 * 3 + 3)
            for (address, alternates) in byAddress {
                for (language, other) in alternates {
                    #expect(byAddress[other] == alternates, "\(address) → \(language) \(other) does not list the same versions")
                }
            }
            #expect(byAddress[base + "fr/cities/lodz/"] == ["en-GB": base + "cities/lodz/", "fr": base + "fr/cities/lodz/",
                                                            "ar": base + "ar/cities/lodz/"])
            // The sitemap lists the same pages with the same versions.
            let sitemap = try readText(out.appendingPathComponent("sitemap.xml"))
            var listed = 0
            for entry in sitemap.split(separator: "\n") where entry.contains("<xhtml:link") {
                let loc = try #require(entry.firstMatch(of: /<loc>([^<]+)<\/loc>/)).output.1
                var versions: [String: String] = [:]
                for match in entry.matches(of: /hreflang="([^"]+)" href="([^"]+)"/) { versions[String(match.output.1)] = String(match.output.2) }
                #expect(byAddress[String(loc)] == versions, "sitemap: \(loc)")
                listed += 1
            }
            // Every page with versions but the search pages, which are in no sitemap.
            #expect(listed == byAddress.keys.filter { !$0.hasSuffix("search/") }.count)
        }
    }

    @Test func theLanguageSwitcherLeadsToEachTreeAndLinksStayInTheTree() throws {
        try withTemporaryFolder { root in
            let (site, result) = try build(in: root)
            #expect(result.status == 0, "\(result.stderr)")
            let page = try readText(site.appendingPathComponent("out/fr/cities/lodz/index.html"))
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
            #expect(page.contains("<li><a href=\"../../../cities/lodz/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a></li>"))
            #expect(page.contains("<li><span aria-current=\"page\" lang=\"fr\">Français</span></li>"))
            #expect(page.contains("<li><a href=\"../../../ar/cities/lodz/\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a></li>"))
            // The header, the trail and the country stay in the French tree.
            #expect(page.contains("<a href=\"../../../fr/cities/\">Villes</a>"))
            #expect(page.contains("href=\"../../../fr/countries/poland/\""))
            // A declaration with a French translation leads to it; one without, to the original, marked as English.
            #expect(page.contains("<a href=\"../../../fr/declarations/second-accord/\">Deuxième Accord</a>"))
            let poznan = try readText(site.appendingPathComponent("out/fr/cities/poznan/index.html"))
            #expect(poznan.contains("<a href=\"../../../declarations/first-accord/\" hreflang=\"en-GB\" lang=\"en-GB\" dir=\"auto\">First Accord</a>"))
            // Its reports on it too, and the untranslated declaration's meeting on the cards.
            #expect(poznan.contains("<h3><a href=\"../../../declarations/first-accord/\" hreflang=\"en-GB\" lang=\"en-GB\" dir=\"auto\">First Accord</a></h3>"))
            let home = try readText(site.appendingPathComponent("out/fr/index.html"))
            #expect(home.contains("<p class=\"meta\"><span lang=\"en-GB\" dir=\"auto\">First Summit of the Fixture Network · Poznań, Poland</span> · <time"))
            // The translation's signatories lead to the French city pages.
            let translation = try readText(site.appendingPathComponent("out/fr/declarations/second-accord/index.html"))
            #expect(translation.contains("href=\"../../../fr/cities/lodz/\""))
            #expect(translation.contains("<a href=\"../../../fr/\">Accueil</a>"))
            // Its versions in the order of every other page's switcher: the site's language, then `languages:`.
            let names = ["English", "Français", "العربية"].map { translation.range(of: ">\($0)</")?.lowerBound }
            #expect(names.allSatisfy { $0 != nil } && names == names.sorted { ($0 ?? translation.endIndex) < ($1 ?? translation.endIndex) },
                    "the switcher lists the versions out of order")
            let arabic = try readText(site.appendingPathComponent("out/ar/index.html"))
            #expect(arabic.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
            // What site.yml says, in the site's language, is marked as such in another language's tree, and
            // links to the pages no translation has (a commitment's, an update's) say where they lead.
            // (Isolated, so that "A small site the tests build." keeps its full stop at its end in Arabic.)
            #expect(arabic.contains("<span class=\"site-network\" lang=\"en-GB\" dir=\"auto\">Fixture Network of Cities</span> <span class=\"site-name\" lang=\"en-GB\" dir=\"auto\">Fixture Declarations</span>"))
            #expect(arabic.contains("<p class=\"lead\"><span lang=\"en-GB\" dir=\"auto\">A small site the tests build.</span></p>"))
            #expect(arabic.contains("<p><span lang=\"en-GB\" dir=\"auto\">Fixture Declarations</span> · نشرته <span lang=\"en-GB\" dir=\"auto\">Fixture Network of Cities</span>.</p>"))
            #expect(translation.contains("<a href=\"../../../declarations/second-accord/commitments/1/\" hreflang=\"en-GB\">"))
            #expect(translation.contains("<a href=\"../../../declarations/second-accord/updates/2023/\" hreflang=\"en-GB\">"))
            let frenchCity = try readText(site.appendingPathComponent("out/fr/cities/lodz/index.html"))
            #expect(frenchCity.contains("<a href=\"../../../declarations/second-accord/commitments/1/\" hreflang=\"en-GB\" aria-label="))
            let english = try readText(site.appendingPathComponent("out/index.html"))
            #expect(english.contains("<span class=\"site-network\">Fixture Network of Cities</span>") && !english.contains("hreflang=\"en-GB\">"))
            #expect(english.contains("<p>Fixture Declarations · published by the Fixture Network of Cities.</p>"))
            // Links whose text repeats on a page name what they lead to for screen readers.
            let commitments = try readText(site.appendingPathComponent("out/commitments/index.html"))
            #expect(commitments.contains("Commitment 1 on its own page<span class=\"visually-hidden\">, <span>First Accord</span></span></a>"))
            #expect(commitments.contains("Commitment 1 on its own page<span class=\"visually-hidden\">, <span>Second Accord</span></span></a>"))
            let update = try readText(site.appendingPathComponent("out/declarations/second-accord/updates/2023/index.html"))
            #expect(update.contains(">Łódź<span class=\"visually-hidden\">: Implementation report</span></a>"))
            // The open data page: a declaration's own signatories.csv, and a table's row leading to its columns
            // (not to the Declarations index of the menu).
            let data = try readText(site.appendingPathComponent("out/data/index.html"))
            #expect(data.contains("download>signatories.csv<span class=\"visually-hidden\">, Second Accord</span></a>"))
            #expect(data.contains("<a href=\"#columns-declarations\" aria-label=\"Columns of Declarations\">Declarations</a>"))
        }
    }

    /// Without `languages:` a translation is a page of its own, whose links lead to the site's pages, and
    /// no tree is made; pages without translations have no switcher.
    @Test func withoutLanguagesTranslationsLinkToTheSitesPages() throws {
        try withTemporaryFolder { root in
            let (site, result) = try build(in: root) { try Self.setLanguages("", in: $0) }
            #expect(result.status == 0, "\(result.stderr)")
            let out = site.appendingPathComponent("out")
            let french = try readText(out.appendingPathComponent("fr/declarations/second-accord/index.html"))
            #expect(french.contains("href=\"../../../cities/lodz/\"") && french.contains("<a href=\"../../../\">Accueil</a>"))
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("fr/cities").path))
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("fr/index.html").path))
            #expect(!(try readText(out.appendingPathComponent("cities/lodz/index.html"))).contains("class=\"languages"))
        }
    }

    @Test func aBrokenLanguagesEntryStopsTheBuildAtItsPlace() throws {
        try withTemporaryFolder { root in
            let (_, result) = try build(in: root) { try Self.setLanguages("languages: [fr, fr_FR]", in: $0) }
            #expect(result.status != 0)
            #expect(result.stderr.contains("Content/site.yml:6:17: error: languages: 'fr_FR' is not a BCP 47 tag such as 'fr' or 'pt-BR'"),
                    "\(result.stderr)")
        }
    }

    @Test func theSitesOwnLanguageAndALanguageWithoutATableAreWarnings() throws {
        try withTemporaryFolder { root in
            let (site, result) = try build(in: root) { try Self.setLanguages("languages: [fr, en-GB, de]", in: $0) }
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("Content/site.yml:6:17: warning: languages: 'en-GB' is the site's language (language)"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("Templates/i18n/de.yml: warning: no interface table for the language 'de'"), "\(result.stderr)")
            let german = try readText(site.appendingPathComponent("out/de/cities/index.html"))
            // No table names German: the switcher names it by its tag, not by English's name.
            #expect(german.contains("<li><span aria-current=\"page\" lang=\"de\">de</span></li>"), "\(german)")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("out/en-GB").path))
        }
    }

    /// Swedish files Ö after Z; English files Örebro with the O.
    @Test func aTreeUsesItsLanguagesOrder() throws {
        try withTemporaryFolder { root in
            let (site, result) = try build(in: root) { content in
                try Self.setLanguages("languages: [sv]", in: content)
                try writeText("name: Örebro\ncountry: Sweden\n", to: content.appendingPathComponent("cities/orebro.yml"))
                try writeText("name: Oslo\ncountry: Norway\n", to: content.appendingPathComponent("cities/oslo.yml"))
            }
            #expect(result.status == 0, "\(result.stderr)")
            func headings(_ path: String) throws -> [String] {
                try readText(site.appendingPathComponent("out/" + path)).matches(of: /<h2 id="[^"]+">([^<]+)<\/h2>/).map { String($0.output.1) }
            }
            #expect(try headings("cities/index.html") == ["G", "L", "O", "P", "S", "W"])
            #expect(try headings("sv/cities/index.html") == ["G", "L", "O", "P", "S", "W", "Ö"])
            let swedish = try readText(site.appendingPathComponent("out/sv/cities/index.html"))
            let oslo = try #require(swedish.range(of: ">Oslo<")), orebro = try #require(swedish.range(of: ">Örebro<"))
            let wroclaw = try #require(swedish.range(of: ">Wroclaw<"))
            #expect(oslo.lowerBound < wroclaw.lowerBound && wroclaw.lowerBound < orebro.lowerBound)
        }
    }
}
