import Foundation
import Testing
@testable import CityPressLoad
@testable import CityPressRender

/// `search-index.js` and the pages that use it: contents for the fixture site, folding, determinism.
struct SearchIndexTests {
    static let fixtureContent = TestPaths.fixtureSite.appendingPathComponent("Content")

    /// The index of the fixture site as JSON, and every file of its build.
    static func fixtureIndex() throws -> (index: [String: Any], pages: [String: String]) {
        let (pages, diagnostics) = try renderInMemory(content: fixtureContent)
        #expect(!diagnostics.containsErrors)
        let script = try #require(pages["search-index.js"])
        let prefix = "window.CityPressSearch = "
        let start = try #require(script.range(of: prefix)).upperBound
        let end = try #require(script.range(of: "};\n", options: .backwards)).lowerBound
        let json = String(script[start..<end]) + "}"
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (index, pages)
    }

    /// A searchable text of the index, read as the script reads it: its text and its folded form.
    static func text(_ field: Any) -> (text: String, key: String)? {
        if let text = field as? String { return (text, text.lowercased()) }
        guard let pair = field as? [String], pair.count == 2 else { return nil }
        return (pair[0], pair[1])
    }

    /// What the script's `slugOf` makes of a folded name.
    static func scriptSlug(_ folded: String) -> String {
        folded.replacingOccurrences(of: "[^a-z0-9]+", with: "-", options: .regularExpression)
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    @Test func indexesTheFixtureSite() throws {
        let (index, pages) = try Self.fixtureIndex()
        #expect(index["format"] as? Int == SearchIndex.format)
        let routes = try #require(index["routes"] as? [String: String])
        let countries = try #require(index["countries"] as? [[Any]])
        let cities = try #require(index["cities"] as? [[Any]])
        let declarations = try #require(index["declarations"] as? [[Any]])
        let commitments = try #require(index["commitments"] as? [[Any]])
        let updates = try #require(index["updates"] as? [[Any]])
        let reports = try #require(index["reports"] as? [[Any]])

        #expect(countries.compactMap { Self.text($0[0])?.text } == ["Japan", "Poland", "United Kingdom"])
        #expect(cities.compactMap { Self.text($0[0])?.text } == ["Greater Leeds & District", "Łódź", "Poznań", "Setagaya \"世田谷区\", Tokyo", "Wroclaw"])
        // The draft is left out, as from every other page of a build without --drafts.
        #expect(declarations.compactMap { Self.text($0[0])?.text } == ["Second Accord", "First Accord"])
        #expect(commitments.count == 5)
        #expect(updates.count == 3)
        #expect(reports.count == 4)

        // Every address the script makes is a page of the build.
        func page(_ path: String) -> Bool { pages[Route(path).file] != nil }
        for country in countries {
            let name = try #require(Self.text(country[0]))
            let slug = (country[1] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? Self.scriptSlug(name.key)
            #expect(page(try #require(routes["country"]).replacingOccurrences(of: "{}", with: slug)), "\(name)")
        }
        for city in cities {
            let name = try #require(Self.text(city[0]))
            let slug = (city[1] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? Self.scriptSlug(name.key)
            #expect(page(try #require(routes["city"]).replacingOccurrences(of: "{}", with: slug)), "\(name)")
        }
        for declaration in declarations {
            #expect(page(try #require(routes["declaration"]).replacingOccurrences(of: "{}", with: try #require(declaration[1] as? String))))
        }
        for path in commitments.map({ $0[3] }) + updates.map({ $0[2] }) {
            #expect(page(try #require(path as? String)), "\(path)")
        }
        for report in reports {
            // Its update's address and its city's slug, as the script makes it.
            let updatePosition = try #require(report[0] as? Int), cityPosition = try #require(report[1] as? Int)
            let update = try #require(updates[updatePosition][2] as? String)
            let city = cities[cityPosition]
            let name = try #require(Self.text(city[0]))
            let slug = (city[1] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? Self.scriptSlug(name.key)
            #expect(report[3] as? String == "")
            #expect(page(update + slug + "/"), "\(report)")
        }
        // Łódź's slug is what the script makes of its folded name, so the index leaves it out.
        #expect(cities[1][1] as? String == "")
        #expect(cities[0][1] as? String == "greater-leeds")
        // A report is found by its action titles.
        #expect(reports.contains { (Self.text($0[2])?.key ?? "").contains("urban canopy") })
    }

    /// A language's tree says what it shows in the originals' language: its `original`, and a 1 after the
    /// date of a declaration it has no translation of. The site's own index has neither.
    /// A tree's index lists places in its language's A–Z, as its pages do (Swedish files Å after Z), and
    /// a city's country and a report's city name their positions in those lists.
    @Test func aTreesIndexListsPlacesInItsLanguagesOrder() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            let config = content.appendingPathComponent("site.yml")
            try writeText(try readText(config).replacingOccurrences(of: "languages: [fr, ar]", with: "languages: [sv]"), to: config)
            try writeText("name: Åre\ncountry: Sweden\n", to: content.appendingPathComponent("cities/are.yml"))
            try writeText("name: Zagreb\ncountry: Croatia\n", to: content.appendingPathComponent("cities/zagreb.yml"))
            let (pages, _) = try renderInMemory(content: content)
            func lists(_ path: String) throws -> [String: [[Any]]] {
                let script = try #require(pages[path])
                let start = try #require(script.range(of: "window.CityPressSearch = ")).upperBound
                let end = try #require(script.range(of: "};\n", options: .backwards)).lowerBound
                let index = try #require(try JSONSerialization.jsonObject(with: Data((String(script[start..<end]) + "}").utf8)) as? [String: Any])
                return index.compactMapValues { $0 as? [[Any]] }
            }
            let swedish = try lists("sv/search-index.js"), english = try lists("search-index.js")
            let name = { (row: [Any]) in Self.text(row[0])?.text ?? "" }
            #expect(swedish["cities"]?.map(name).suffix(2) == ["Zagreb", "Åre"])
            #expect(english["cities"]?.map(name).first == "Åre")
            for lists in [swedish, english] {
                let cities = try #require(lists["cities"]), countries = try #require(lists["countries"])
                let country = { (city: String) in cities.first { name($0) == city }.flatMap { $0[2] as? Int }.map { name(countries[$0]) } }
                #expect(country("Åre") == "Sweden")
                #expect(country("Zagreb") == "Croatia")
                #expect(country("Łódź") == "Poland")
                let reportCities = try #require(lists["reports"]).compactMap { $0[1] as? Int }.map { name(cities[$0]) }
                #expect(Set(reportCities) == ["Łódź", "Poznań", "Wroclaw"], "\(reportCities)")
            }
        }
    }

    @Test func aTreesIndexMarksWhatIsUntranslated() throws {
        let (index, pages) = try Self.fixtureIndex()
        #expect(index["original"] == nil)
        #expect((index["declarations"] as? [[Any]])?.allSatisfy { $0.count == 3 } == true)
        let script = try #require(pages["fr/search-index.js"])
        #expect(script.contains("\n\"original\":\"en-GB\",\n"))
        #expect(script.contains("\"deuxieme accord\"],\"fr/declarations/second-accord/\",\"10 mai 2022\"],"), "translated: no mark")
        #expect(script.contains("\"First Accord\",\"declarations/first-accord/\",\"2 mars 2021\",1]"), "\(script.prefix(600))")
    }

    @Test func namesAreFoldedAsInTheAToZOrder() throws {
        let (index, _) = try Self.fixtureIndex()
        let cities = try #require(index["cities"] as? [[Any]])
        #expect(cities[1][0] as? [String] == ["Łódź", "lodz"])
        #expect(cities[2][0] as? [String] == ["Poznań", "poznan"])
        // ASCII names are plain strings: their folded form is their lower case.
        #expect(cities[4][0] as? String == "Wroclaw")
        for name in ["Malmö", "Łódź", "Ærøskøbing", "Côte d'Ivoire", "Straße", "İstanbul"] {
            #expect(SearchIndex.text(name) == "[" + SearchIndex.string(name) + "," + SearchIndex.string(TextFolding.fold(name)) + "]")
            #expect(CollationKey(name).folded == TextFolding.fold(name))
        }
        #expect(TextFolding.fold("Malmö") == "malmo")
        #expect(SearchIndex.text("Amsterdam") == "\"Amsterdam\"")
        // The script makes the same slugs as `Slug.make` from folded names.
        for name in ["Łódź", "Côte d'Ivoire", "  St. Gallen -- Ost ", "Ærø", "北京 Beijing", "Ðakovo", "-x-"] {
            #expect(Self.scriptSlug(TextFolding.fold(name)) == Slug.make(from: name), "\(name)")
            #expect(SearchIndex.slug(ofFolded: TextFolding.fold(name)) == Slug.make(from: name), "\(name)")
        }
    }

    @Test func stringsAreValidJavaScript() {
        #expect(SearchIndex.string("a \"b\" \\ c\nd\u{1}\u{2028}") == #""a \"b\" \\ c\nd\u0001\u2028""#)
    }

    @Test func sameBytesEveryBuild() throws {
        let first = try renderInMemory(content: Self.fixtureContent).pages
        let second = try renderInMemory(content: Self.fixtureContent).pages
        #expect(first["search-index.js"] != nil)
        #expect(first["search-index.js"] == second["search-index.js"])
        #expect(first["search/index.html"] == second["search/index.html"])
    }

    /// The script folds queries with the table the build folds names with.
    @Test func scriptFoldsLikeTheBuild() throws {
        let script = try readText(TestPaths.templates.appendingPathComponent("assets/search.js"))
        let line = try #require(script.split(separator: "\n").first { $0.contains("var transliterations = ") })
        let start = try #require(line.firstIndex(of: "{")), end = try #require(line.lastIndex(of: "}"))
        let table = try #require(try JSONSerialization.jsonObject(with: Data(line[start...end].utf8)) as? [String: String])
        let expected = Dictionary(uniqueKeysWithValues: TextFolding.transliterations.map { (String($0.key), $0.value) })
        #expect(table == expected)
    }

    @Test func searchPageWorksWithoutJavaScriptAndFromAFolder() throws {
        let pages = try Self.fixtureIndex().pages
        let search = try #require(pages["search/index.html"])
        // Without the script: the form stays hidden and the notice points to every index.
        #expect(search.contains(#"<form id="search-form" class="search-form" role="search" hidden data-root="../" data-page="" data-text="{&quot;country&quot;:&quot;Country&quot;,"#))
        for index in ["declarations", "commitments", "cities", "countries"] {
            #expect(search.contains(#"href="../\#(index)/""#), "\(index)")
        }
        #expect(search.contains(#"<script src="../search-index.js" defer></script>"#))
        #expect(search.contains(#"id="search-status" class="search-status" role="status""#))
        // Every page's header links to it; the cities index has the filter box and folded keys.
        #expect(pages["index.html"]?.contains(#"<a href="./search/">Search</a>"#) == true)
        let cities = try #require(pages["cities/index.html"])
        #expect(cities.contains(#"<div id="city-filter" class="search-form" hidden data-text="{&quot;country&quot;:"#))
        #expect(cities.contains(#"<li data-key="lodz"><a href="../cities/lodz/">Łódź</a>"#))
        #expect(!cities.contains(#"data-key="wroclaw""#))
    }
}
