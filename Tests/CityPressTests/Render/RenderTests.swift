import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressRender

@Suite struct RenderTests {
    @Test func linksAreRelativeToThePage() {
        #expect(Links(depth: 0).city("oslo") == "./cities/oslo/")
        #expect(Links(depth: 2).declaration("x") == "../../declarations/x/")
        #expect(Links(depth: 4).commitment("x", 3) == "../../../../declarations/x/commitments/3/")
    }

    @Test func rendersEveryPageOfTheFixtureSite() throws {
        let (pages, diagnostics) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        var expected: Set<String> = [
            "index.html", "404.html", "sitemap.xml", "declarations/index.html", "cities/index.html",
            "countries/index.html", "commitments/index.html",
            "declarations/first-accord/index.html", "declarations/first-accord/print/index.html",
            "declarations/first-accord/commitments/1/index.html", "declarations/first-accord/commitments/2/index.html",
            "declarations/first-accord/commitments/3/index.html",
            "declarations/second-accord/index.html", "declarations/second-accord/print/index.html",
            "declarations/second-accord/commitments/1/index.html", "declarations/second-accord/commitments/2/index.html",
            "cities/poznan/index.html", "cities/wroclaw/index.html", "cities/lodz/index.html",
            "cities/greater-leeds/index.html", "countries/poland/index.html", "countries/united-kingdom/index.html",
            "declarations/first-accord/updates/2021/index.html", "declarations/first-accord/updates/2021/poznan/index.html",
            "declarations/second-accord/updates/2022/index.html", "declarations/second-accord/updates/2022/lodz/index.html",
            "declarations/second-accord/updates/2022/wroclaw/index.html",
            "declarations/second-accord/updates/2023/index.html", "declarations/second-accord/updates/2023/lodz/index.html",
            "declarations/first-accord/updates/2021/print/index.html", "declarations/second-accord/updates/2022/print/index.html",
            "declarations/second-accord/updates/2023/print/index.html",
            "cities/setagaya/index.html", "countries/japan/index.html", "data/index.html", "feed.xml", "robots.txt", "data/schema-v1.json",
            "declarations/first-accord/signatories.csv", "declarations/first-accord/signatories.json",
            "declarations/second-accord/signatories.csv", "declarations/second-accord/signatories.json",
            "search/index.html", "search-index.js",
            // The Second Accord's French and Arabic translations.
            "fr/declarations/second-accord/index.html", "ar/declarations/second-accord/index.html",
            "fr/declarations/second-accord/print/index.html", "ar/declarations/second-accord/print/index.html",
        ]
        // The French and Arabic trees (`languages: [fr, ar]`): the home page, the indexes, every city and country,
        // the search page and its index.
        let tree = ["index.html", "declarations/index.html", "cities/index.html", "countries/index.html", "commitments/index.html",
                    "search/index.html", "search-index.js"]
            + ["poznan", "wroclaw", "lodz", "greater-leeds", "setagaya"].map { "cities/\($0)/index.html" }
            + ["poland", "united-kingdom", "japan"].map { "countries/\($0)/index.html" }
        expected.formUnion(["fr", "ar"].flatMap { language in tree.map { "\(language)/\($0)" } })
        // The translations' tables come with the fixture's translations.
        let data = ["declarations", "commitments", "signatories", "cities", "countries", "actions", "translations", "translated_commitments"]
            .flatMap { ["data/\($0).csv", "data/\($0).json"] }
        #expect(Set(pages.keys) == expected.union(data))
    }

    @Test func escapesRecordFieldsAndOmitsRawHTML() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let city = try #require(pages["cities/greater-leeds/index.html"])
        #expect(city.contains("Greater Leeds &amp; District"))
        #expect(!city.contains("Leeds & District"))
        let declaration = try #require(pages["declarations/first-accord/index.html"])
        #expect(!declaration.contains("<script>"))
        #expect(declaration.contains("open &amp; free"))
    }

    @Test func declarationPageHasAnchorsGroupsAndPrintLink() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let page = try #require(pages["declarations/first-accord/index.html"])
        #expect(page.contains("<html lang=\"en-GB\">"))
        #expect(page.contains("id=\"commitment-2\""))
        #expect(page.contains("href=\"../../declarations/first-accord/commitments/2/\""))
        #expect(page.contains("href=\"../../declarations/first-accord/print/\""))
        #expect(page.contains("as of 1 April 2021"))
        // Countries A–Z, cities A–Z inside each.
        let poland = try #require(page.range(of: ">Poland<")), uk = try #require(page.range(of: ">United Kingdom<"))
        #expect(poland.lowerBound < uk.lowerBound)
        let poznan = try #require(page.range(of: ">Poznań<")), wroclaw = try #require(page.range(of: ">Wroclaw<"))
        #expect(poznan.lowerBound < wroclaw.lowerBound)
    }

    @Test func printPageHasNoSiteNavigationAndEverySignatory() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let page = try #require(pages["declarations/first-accord/print/index.html"])
        #expect(!page.contains("site-nav"))
        #expect(!page.contains("aria-label=\"Breadcrumb\""))
        for name in ["Poznań", "Wroclaw", "Greater Leeds &amp; District"] { #expect(page.contains(name)) }
        #expect(page.contains("https://example.org/declarations/declarations/first-accord/"))
    }

    @Test func sitemapListsAbsoluteURLsOfEveryPage() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let sitemap = try #require(pages["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://example.org/declarations/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/declarations/cities/lodz/</loc>"))
        #expect(!sitemap.contains("404"))
        // The not-found page asks not to be indexed and names no canonical address (it has none of its own).
        let notFound = try #require(pages["404.html"])
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">") && !notFound.contains("rel=\"canonical\""))
        #expect(pages["index.html"]?.contains("<link rel=\"canonical\" href=\"https://example.org/declarations/\">") == true)
        // Every page but the search box and the list of downloads, which are no part of the publication,
        // and the print editions, which ask not to be indexed (a sitemap lists only pages that may be).
        #expect(!sitemap.contains("/search/") && !sitemap.contains("/data/") && !sitemap.contains("/print/"))
        #expect(pages.keys.contains { $0.hasSuffix("/print/index.html") })
        let listed = pages.keys.filter {
            $0.hasSuffix("index.html") && !$0.hasSuffix("search/index.html") && $0 != "data/index.html" && !$0.hasSuffix("/print/index.html")
        }
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == listed.count)
    }

    @Test func draftsRenderOnlyWhenAsked() throws {
        let content = TestPaths.fixtureSite.appendingPathComponent("Content")
        #expect(try renderInMemory(content: content).pages["declarations/draft-accord/index.html"] == nil)
        let page = try #require(try renderInMemory(content: content, drafts: true).pages["declarations/draft-accord/index.html"])
        #expect(page.contains("Draft"))
        #expect(page.contains("not yet recorded in this edition"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let content = TestPaths.fixtureSite.appendingPathComponent("Content")
        let first = try renderInMemory(content: content), second = try renderInMemory(content: content)
        // Two failed loads would also be equal: the fixture must build.
        #expect(!first.diagnostics.containsErrors && first.pages.count > 10)
        #expect(first.pages == second.pages)
    }

    @Test func parallelRenderingGivesTheSameBytesAsSequential() throws {
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path)
        let (site, templates, _) = SiteBuild.prepare(options)
        let renderer = SiteRenderer(site: try #require(site), templates: try #require(templates))
        let parallel = MemorySink(), sequential = MemorySink()
        #expect(try renderer.render(into: parallel, parallel: true) == renderer.render(into: sequential, parallel: false))
        #expect(parallel.pages == sequential.pages)
        #expect(parallel.pages.count == renderer.outputs.count)
    }
}

@Suite struct RelinkTests {
    @Test func movesRelativeLinksToAnotherDepth() {
        let html = #"<a href="../../cities/oslo/">Oslo</a> <a href="https://x.org/">x</a> <a href="../../countries/norway/">N</a>"#
        #expect(SiteRenderer.relinked(html, toDepth: 4)
                == #"<a href="../../../../cities/oslo/">Oslo</a> <a href="https://x.org/">x</a> <a href="../../../../countries/norway/">N</a>"#)
        #expect(SiteRenderer.relinked(html, toDepth: 2) == html)
        #expect(SiteRenderer.relinked("Łódź href=\"../../", toDepth: 3) == "Łódź href=\"../../../")
        #expect(SiteRenderer.relinked("href=\"../../a", toDepth: 3) == "href=\"../../../a")
        #expect(SiteRenderer.relinked("hhref=\"../../a href=\"../", toDepth: 3) == "hhref=\"../../../a href=\"../")
        #expect(SiteRenderer.relinked("href=\"../.", toDepth: 4) == "href=\"../.")
        #expect(SiteRenderer.relinked("", toDepth: 4) == "")
    }
}
