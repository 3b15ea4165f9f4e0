import Foundation
import Testing
@testable import CityPressSite

/// The words readers see: numbers with the right form of their noun, nothing said twice.
@Suite struct ReaderWordsTests {
    static let nouns = ["declaration", "commitment", "city", "country", "region", "district", "place", "member",
                        "signatory", "endorsement", "page"]
    static let plurals = ["declarations", "commitments", "cities", "countries", "regions", "districts", "places",
                          "members", "signatories", "endorsements", "pages"]

    /// Every page of a site as text: tags dropped, entities and white space collapsed.
    static func texts(of pages: [String: String]) -> [(String, String)] {
        pages.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map { path, html in
            var text = html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: "&nbsp;", with: " ")
            text = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            return (path, text)
        }
    }

    /// `1 declarations`, `2 declaration`: a number followed by the wrong form of a counted noun.
    static func wrongForms(in text: String) -> [String] {
        let one = #"(?<![\d.,])1 (?:[a-z-]+ )?("# + plurals.joined(separator: "|") + #")\b"#
        let many = #"(?<![\d.,:])(?:0|[2-9]|\d{2,}) (?:[a-z-]+ )?("# + nouns.joined(separator: "|") + #")\b"#
        return [one, many].flatMap { pattern -> [String] in
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range, in: text).map { String(text[$0]) }
            }
        }
    }

    @Test func theCheckCatchesWrongForms() {
        #expect(Self.wrongForms(in: "It endorses 1 declarations and 3 member place.") == ["1 declarations", "3 member place"])
        #expect(Self.wrongForms(in: "1 declaration, 2 commitments, 15 November 2022, Commitment 3 of 8.").isEmpty)
    }

    @Test func everyPageOfTheFixtureAndSeedSitesCountsRight() throws {
        let fixture = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"), drafts: true)
        let seed = try renderInMemory(content: TestPaths.content)
        // The fixture has counts of one (a draft with one commitment, a country with one region, a
        // city endorsing one declaration) and of several; the seed site has the real ones.
        var checked = 0
        for (name, pages) in [("fixture", fixture.pages), ("seed", seed.pages)] {
            #expect(pages.count > 10)
            for (path, text) in Self.texts(of: pages) {
                checked += 1
                let wrong = Self.wrongForms(in: text)
                #expect(wrong.isEmpty, "\(name) \(path): \(wrong)")
            }
        }
        #expect(checked > 80)
        let fixtureTexts = Dictionary(uniqueKeysWithValues: Self.texts(of: fixture.pages))
        #expect(fixtureTexts["declarations/index.html"]?.contains("1 commitment ·") == true)
        #expect(fixtureTexts["countries/united-kingdom/index.html"]?.contains("1 region in United Kingdom") == true)
    }

    @Test func homeTitleAndHeadingAgreeAndItHasNoLoneBreadcrumb() throws {
        let home = try #require(try renderInMemory(content: TestPaths.content).pages["index.html"])
        let title = home.firstMatch(#"<title>([^<]*)</title>"#)
        let heading = home.firstMatch(#"<h1>([^<]*)</h1>"#)
        #expect(title != nil && title == heading, "title \(title ?? "-") vs h1 \(heading ?? "-")")
        #expect(!home.contains("aria-label=\"Breadcrumb\""))
    }

    @Test func aPlaceIsNamedWithItsKindOnce() throws {
        let pages = try renderInMemory(content: TestPaths.content).pages
        let print = try #require(pages["declarations/the-hague-mayoral-declaration-2022/print/index.html"])
        #expect(print.contains("<li>Greater Manchester Region</li>"))
        #expect(!print.contains("Region, Region"))
        let city = try #require(pages["cities/budavar-budapest-i/index.html"])
        #expect(city.components(separatedBy: "District").count - 1 == 1, "the kind is shown once")
    }
}

extension String {
    /// The first capture of `pattern`, if it matches.
    func firstMatch(_ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)),
              let range = Range(match.range(at: 1), in: self) else { return nil }
        return String(self[range])
    }
}
