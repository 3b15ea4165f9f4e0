import Foundation
import Testing
@testable import CityPressLoad

/// Runs the real binary on this repository's Content/ and checks the published site.
@Suite(.serialized) struct ContentBuildTests {
    static let hague = "declarations/the-hague-mayoral-declaration-2022"
    static let newYork = "declarations/new-york-city-mayoral-declaration-2023"

    func build(into output: URL) throws -> ProcessResult {
        try runCityPress(["build", "--content", TestPaths.content.path, "--templates", TestPaths.templates.path,
                          "--output", output.path], in: TestPaths.packageRoot)
    }

    @Test func buildsEveryPageAndEveryLinkResolves() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("out")
            let result = try build(into: output)
            #expect(result.status == 0, "\(result.stderr)")
            // Pages are the HTML files; the data, feed, sitemap, search index and robots.txt are the others.
            #expect(result.stdout.hasPrefix("Built 80 pages and 19 other files into "), "\(result.stdout)")
            // A clean build of the seed site says one line and warns about nothing.
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
            let files = FileManager.default.subpaths(atPath: output.path) ?? []
            func count(_ pattern: String) -> Int {
                let regex = try? NSRegularExpression(pattern: "^" + pattern + "$")
                return files.filter { regex?.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }.count
            }
            #expect(count(#"declarations/[^/]+/index\.html"#) == 2)
            #expect(count(#"declarations/[^/]+/commitments/\d+/index\.html"#) == 14)
            #expect(count(#"cities/[^/]+/index\.html"#) == 40)
            let countries = Set(try FileManager.default.contentsOfDirectory(atPath: TestPaths.content.appendingPathComponent("cities").path)
                .map { try readText(TestPaths.content.appendingPathComponent("cities/\($0)")) }
                .compactMap { $0.split(separator: "\n").first { $0.hasPrefix("country:") } }
                .map { Slug.make(from: String($0.dropFirst("country:".count)).trimmingWhitespace()) })
            #expect(countries.count == 14)
            #expect(count(#"countries/[^/]+/index\.html"#) == countries.count)
            for slug in countries { #expect(files.contains("countries/\(slug)/index.html")) }

            var checker = LinkChecker(root: output)
            let pages = try checker.checkAll()
            #expect(pages == files.filter { $0.hasSuffix(".html") }.count - 1)
            #expect(checker.failures.isEmpty, "\(checker.failures.prefix(10))")
        }
    }

    @Test func theHaguePageLinksAllFortySignatories() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("out")
            _ = try build(into: output)
            let page = try readText(output.appendingPathComponent(Self.hague + "/index.html"))
            let cityLinks = Set(LinkChecker.hrefs(in: page).filter { $0.hasPrefix("../../cities/") && $0 != "../../cities/" })
            #expect(cityLinks.count == 40)
            #expect(page.contains("(as of 15 November 2022)"))
            let newYork = try readText(output.appendingPathComponent(Self.newYork + "/index.html"))
            #expect(newYork.contains("not yet recorded in this edition"))
        }
    }

    @Test func everyCommitmentOfBothSeedsAppearsVerbatim() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("out")
            _ = try build(into: output)
            for (seed, page, expected) in [("the-hague-mayoral-declaration-2022.txt", Self.hague, 8),
                                           ("new-york-city-mayoral-declaration-2023.txt", Self.newYork, 6)] {
                let commitments = try readText(TestPaths.seeds.appendingPathComponent(seed))
                    .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }
                    .map { String($0[$0.index(after: $0.firstIndex(of: " ") ?? $0.startIndex)...]) }
                #expect(commitments.count == expected)
                let declaration = plainText(try readText(output.appendingPathComponent(page + "/index.html")))
                for (index, text) in commitments.enumerated() {
                    #expect(declaration.contains(text), "commitment \(index + 1) of \(seed)")
                    let own = plainText(try readText(output.appendingPathComponent(page + "/commitments/\(index + 1)/index.html")))
                    #expect(own.contains(text), "page of commitment \(index + 1) of \(seed)")
                }
            }
        }
    }

    /// Tags removed, entities decoded, whitespace collapsed.
    func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ",")
    }

    @Test func publicMatchesAFreshBuildOfContent() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("out")
            _ = try build(into: output)
            let fresh = try snapshot(of: output)
            let published = try snapshot(of: TestPaths.packageRoot.appendingPathComponent("Public"))
            let differing = Set(fresh.keys).symmetricDifference(published.keys).sorted()
                + fresh.keys.filter { published[$0] != nil && published[$0] != fresh[$0] }.sorted()
            #expect(differing.isEmpty, "Public/ is stale; run `make site`: \(differing.prefix(10))")
        }
    }
}
