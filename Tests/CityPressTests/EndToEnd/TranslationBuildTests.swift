import Foundation
import Testing

/// Translated declarations through the real binary: checked against their original, each at its own
/// address in its own language, linked both ways (switcher, `hreflang` in heads and in the sitemap).
@Suite struct TranslationBuildTests {
    func build(_ site: URL, output: String = "out") throws -> ProcessResult {
        try runCityPress(["build", "--content", "Content", "--templates", "Templates", "--output", output], in: site)
    }

    @Test func aMissingOrExtraCommitmentIsAnErrorAtTheTranslationsList() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let file = site.appendingPathComponent("Content/translations/fr/second-accord.md")
            let text = try readText(file)
            // One commitment missing.
            try writeText(text.replacingOccurrences(of: "1. Planter des arbres.\n", with: ""), to: file)
            let missing = try build(site)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains(
                "Content/translations/fr/second-accord.md:9:1: error: translation has 1 commitment but the original 'second-accord' has 2"),
                "\(missing.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("out").path))
            // One commitment too many.
            try writeText(text + "3. Arroser les arbres.\n", to: file)
            let extra = try build(site)
            #expect(extra.status == 1)
            #expect(extra.stderr.contains(
                "Content/translations/fr/second-accord.md:9:1: error: translation has 3 commitments but the original 'second-accord' has 2"),
                "\(extra.stderr)")
        }
    }

    @Test func aTranslationOfNoDeclarationOrIntoTheSitesLanguageIsAnError() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            try writeText("1. Un.\n2. Deux.\n", to: site.appendingPathComponent("Content/translations/fr/secnd-accord.md"))
            try writeText("1. One.\n2. Two.\n", to: site.appendingPathComponent("Content/translations/en-GB/second-accord.md"))
            let result = try build(site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("Content/translations/fr/secnd-accord.md: error: translation of an unknown declaration 'secnd-accord' (did you mean 'second-accord'?)"), "\(result.stderr)")
            #expect(result.stderr.contains("Content/translations/en-GB/second-accord.md: error: translation into 'en-GB', the site's own language"), "\(result.stderr)")
        }
    }

    @Test func eachVersionHasItsAddressItsLanguageAndTheOriginalsFacts() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let result = try build(site)
            #expect(result.status == 0, "\(result.stderr)")
            let out = site.appendingPathComponent("out")
            let original = try readText(out.appendingPathComponent("declarations/second-accord/index.html"))
            let french = try readText(out.appendingPathComponent("fr/declarations/second-accord/index.html"))
            let arabic = try readText(out.appendingPathComponent("ar/declarations/second-accord/index.html"))
            #expect(french.contains("<html lang=\"fr\">") && arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
            // Translated where the translation says so; the original's facts otherwise.
            #expect(french.contains("<h1>Deuxième Accord</h1>") && french.contains("<dd>Centre des congrès</dd>"))
            #expect(french.contains("<dd>Wrocław, Poland</dd>"), "the location is the original's")
            #expect(arabic.contains("<dd>فروتسواف، بولندا</dd>"))
            #expect(french.contains("<dd>10 mai 2022</dd>") && arabic.contains("<dd>10 مايو 2022</dd>"))
            for (language, page) in [("fr", french), ("ar", arabic)] {
                // French and Arabic are site languages of the fixture (`languages: [fr, ar]`): links stay in their trees.
                #expect(page.contains("href=\"../../../\(language)/cities/lodz/\""), "signatories and text links from the translation's folder")
                #expect(!page.contains("href=\"../../../cities/lodz/\""), "no link leaves the tree for a page it has")
                #expect(page.contains("<time datetime=\"2022-05-28\">"), "the original's endorsements")
            }
            // The original is marked authoritative, each translation as a translation.
            #expect(original.contains("<p class=\"notice version-note\">The English text is the authoritative version"))
            // Each names the original's language as its own sentences do, not as English does.
            #expect(french.contains("<p class=\"notice version-note\">Traduction. Seul le texte en anglais fait foi.</p>"), "\(french)")
            #expect(arabic.contains("<p class=\"notice version-note\">ترجمة.") && arabic.contains("بلغة الإنجليزية"))
            // The switcher names every version in its language and marks the page being read.
            #expect(original.contains("<span aria-current=\"page\" lang=\"en-GB\">English</span>"))
            #expect(original.contains("<a href=\"../../fr/declarations/second-accord/\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
            #expect(french.contains("<span aria-current=\"page\" lang=\"fr\">Français</span>"))
            #expect(arabic.contains("<a href=\"../../../declarations/second-accord/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a>"))
            // Each translation has its print edition, in its language, pointing at its web page.
            let print = try readText(out.appendingPathComponent("fr/declarations/second-accord/print/index.html"))
            #expect(print.contains("<html lang=\"fr\">") && print.contains("<p class=\"kicker\">Déclaration des maires</p>"))
            #expect(print.contains("content: \"Page \" counter(page) \" sur \" counter(pages);"))
            #expect(print.contains("<link rel=\"canonical\" href=\"https://example.org/declarations/fr/declarations/second-accord/\">"))
            #expect(french.contains("<a href=\"../../../fr/declarations/second-accord/print/\">Édition imprimable</a>"))
            // A declaration without translations has no switcher.
            #expect(!(try readText(out.appendingPathComponent("declarations/first-accord/index.html"))).contains("class=\"languages"))
        }
    }

    /// `(page address, its alternates)` from `<link rel="alternate" hreflang>` of every page.
    func headAlternates(in out: URL, baseURL: String) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for path in FileManager.default.subpaths(atPath: out.path) ?? [] where path.hasSuffix("index.html") {
            let html = try readText(out.appendingPathComponent(path))
            let links = html.matches(of: /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/).map { "\($0.output.1) \($0.output.2)" }
            if !links.isEmpty { result[baseURL + path.dropLast("index.html".count)] = Set(links) }
        }
        return result
    }

    @Test func hreflangPairsAreReciprocalInHeadsAndInTheSitemap() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            #expect(try build(site).status == 0)
            let out = site.appendingPathComponent("out"), base = "https://example.org/declarations/"
            let heads = try headAlternates(in: out, baseURL: base)
            // The original and its two translations, and the home page, 4 indexes, 5 cities, 3 countries and the
            // search page in each of the fixture's three languages (`languages: [fr, ar]`).
            #expect(heads.count == 3 + 14 * 3, "\(heads.keys.sorted())")
            for (page, alternates) in heads {
                // Each lists itself, and every page it lists lists the same set back.
                #expect(alternates.contains { $0.hasSuffix(" " + page) }, "\(page) lists itself")
                for alternate in alternates {
                    let target = String(alternate.split(separator: " ")[1])
                    #expect(heads[target] == alternates, "\(target) lists \(page) back")
                }
            }
            let sitemap = try readText(out.appendingPathComponent("sitemap.xml"))
            var fromSitemap: [String: Set<String>] = [:]
            for url in sitemap.matches(of: /<url><loc>([^<]+)<\/loc>(?:<lastmod>[^<]*<\/lastmod>)?((?:<xhtml:link [^>]+\/>)*)<\/url>/) {
                let links = String(url.output.2).matches(of: /hreflang="([^"]+)" href="([^"]+)"/).map { "\($0.output.1) \($0.output.2)" }
                if !links.isEmpty { fromSitemap[String(url.output.1)] = Set(links) }
            }
            // The sitemap lists the publication's pages: not the search pages, whose heads list their versions.
            #expect(fromSitemap == heads.filter { !$0.key.hasSuffix("search/") }, "the sitemap's alternates are the heads'")
        }
    }
}
