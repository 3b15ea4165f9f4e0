import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CityPressBuild
@testable import CityPressRender

/// What every public page carries for search engines and shared links: robots.txt, favicon and
/// theme colour, Open Graph and Twitter cards, `noindex` and canonical links of print editions and the
/// not-found page, schema.org JSON-LD on declaration pages, the sitemap's `lastmod`.
@Suite struct MetadataTests {
    static func fixture() throws -> [String: String] {
        try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content")).pages
    }

    /// The `content` of `<meta name|property="key" content="…">` in `page`.
    static func meta(_ key: String, in page: String) -> String? {
        for attribute in ["name", "property"] {
            guard let start = page.range(of: "<meta \(attribute)=\"\(key)\" content=\"") else { continue }
            return String(page[start.upperBound...].prefix { $0 != "\"" })
        }
        return nil
    }

    @Test func robotsTxtPointsAtTheSitemapWhenThereIsOne() throws {
        #expect(try Self.fixture()["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/declarations/sitemap.xml\n")
        #expect(try renderInMemory(content: TestPaths.content).pages["robots.txt"] == "User-agent: *\nAllow: /\n")
    }

    @Test func everyPageCarriesShareTagsFaviconAndThemeColour() throws {
        let pages = try Self.fixture()
        for (path, page) in pages where path.hasSuffix(".html") {
            #expect(page.contains(##"<meta name="theme-color" content="#073a54">"##), "\(path)")
            #expect(page.contains(#"assets/favicon.svg" type="image/svg+xml">"#), "\(path)")
            guard !path.contains("/print/") else { continue }
            // The not-found page has no address of its own: no canonical link, so no og:url.
            for key in ["og:title", "og:description", "og:type", "og:site_name", "og:url", "twitter:card"] where key != "og:url" || path != "404.html" {
                #expect(Self.meta(key, in: page)?.isEmpty == false, "\(path): \(key)")
            }
            if path == "404.html" { #expect(Self.meta("og:url", in: page) == nil) }
            #expect(Self.meta("og:image", in: page) == "https://example.org/declarations/assets/share.png", "\(path)")
        }
        let declaration = try #require(pages["declarations/first-accord/index.html"])
        #expect(Self.meta("og:type", in: declaration) == "article")
        #expect(Self.meta("og:title", in: declaration) == "First Accord")
        #expect(Self.meta("twitter:card", in: declaration) == "summary_large_image")
        // Without base_url no absolute address can be given: no image, a small card.
        let seed = try #require(try renderInMemory(content: TestPaths.content).pages["index.html"])
        #expect(Self.meta("og:image", in: seed) == nil)
        #expect(Self.meta("twitter:card", in: seed) == "summary")
        // The share image is what the tags say: a PNG of 1200 × 630.
        let png = try Data(contentsOf: TestPaths.templates.appendingPathComponent("assets/share.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let size = png.subdata(in: 16..<24).map { Int($0) }
        #expect((size[0] << 24 | size[1] << 16 | size[2] << 8 | size[3], size[4] << 24 | size[5] << 16 | size[6] << 8 | size[7]) == (1200, 630))
    }

    @Test func printEditionsAndTheNotFoundPageAreNotIndexed() throws {
        let pages = try Self.fixture()
        for (path, page) in pages where path.hasSuffix(".html") {
            let noindex = path.contains("/print/") || path == "404.html"
            #expect((Self.meta("robots", in: page) == "noindex") == noindex, "\(path)")
        }
        let print = try #require(pages["declarations/first-accord/print/index.html"])
        #expect(print.contains(#"<link rel="canonical" href="https://example.org/declarations/declarations/first-accord/">"#))
        let updatePrint = try #require(pages["declarations/second-accord/updates/2022/print/index.html"])
        #expect(updatePrint.contains(#"<link rel="canonical" href="https://example.org/declarations/declarations/second-accord/updates/2022/">"#))
    }

    /// The JSON-LD of `page`, parsed, by `@type`.
    static func structuredData(_ page: String) throws -> [String: [String: Any]] {
        let open = #"<script type="application/ld+json">"#
        let start = try #require(page.range(of: open))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        let graph = try #require(object["@graph"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: graph.compactMap { node in (node["@type"] as? String).map { ($0, node) } })
    }

    @Test func declarationPagesDescribeTheDeclarationTheMeetingAndTheSignatories() throws {
        let pages = try Self.fixture()
        let nodes = try Self.structuredData(try #require(pages["declarations/first-accord/index.html"]))
        let work = try #require(nodes["CreativeWork"])
        #expect(work["name"] as? String == "First Accord")
        #expect(work["datePublished"] as? String == "2021-03-02")
        #expect((work["publisher"] as? [String: Any])?["name"] as? String == "Fixture Network of Cities")
        // Event: name, startDate and location are what search engines require.
        let event = try #require(nodes["Event"])
        #expect(event["name"] as? String == "First Summit of the Fixture Network")
        #expect(event["startDate"] as? String == "2021-03-01")
        let location = try #require(event["location"] as? [String: Any])
        #expect(location["name"] as? String == "Town Hall" && location["address"] as? String == "Poznań, Poland")
        let list = try #require(nodes["ItemList"])
        let items = try #require(list["itemListElement"] as? [[String: Any]])
        #expect(items.count == 4 && list["numberOfItems"] as? Int == 4)
        for (offset, item) in items.enumerated() {
            #expect(item["@type"] as? String == "ListItem" && item["position"] as? Int == offset + 1)
            let place = try #require(item["item"] as? [String: Any])
            #expect((place["name"] as? String)?.isEmpty == false && (place["url"] as? String)?.hasPrefix("https://") == true)
        }
        #expect(items.contains { ($0["item"] as? [String: Any])?["name"] as? String == #"Setagaya "世田谷区", Tokyo"# })
        // The seed site: the Hague declaration's forty signatories, with links relative to the page.
        let hague = try #require(try renderInMemory(content: TestPaths.content).pages["declarations/the-hague-mayoral-declaration-2022/index.html"])
        let seedItems = try #require(try Self.structuredData(hague)["ItemList"]?["itemListElement"] as? [[String: Any]])
        #expect(seedItems.count == 40)
    }

    @Test func theSitemapDatesEachPageByItsContent() throws {
        let text = try #require(try Self.fixture()["sitemap.xml"])
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        var lastmod: [String: String] = [:]
        for url in document.rootElement()?.elements(forName: "url") ?? [] {
            let location = try #require(url.elements(forName: "loc").first?.stringValue)
            lastmod[location] = try #require(url.elements(forName: "lastmod").first?.stringValue, "\(location)")
        }
        let base = "https://example.org/declarations/"
        #expect(lastmod[base] == "2024-01-30")
        #expect(lastmod[base + "cities/greater-leeds/"] == "2022-05-28")
        #expect(lastmod[base + "cities/setagaya/"] == "2021-03-02")
        #expect(lastmod[base + "declarations/second-accord/updates/2022/wroclaw/"] == "2023-03-01")
        #expect(lastmod[base + "declarations/first-accord/"] == "2022-01-20")
    }
}
