import Foundation
import Testing
@testable import CityPressBuild
import CityPressCore
@testable import CityPressRender
import CityPressLoad

/// What is not a page's text but still reaches a reader in the site's language: the Atom feed's
/// entries and the phrases the search script shows (the `data-text` of the search form and of the
/// cities filter). The fixture site built in French and in Arabic leaves no English interface word in
/// either.
@Suite struct LocalisedScriptAndFeedTests {
    @Test(arguments: ["fr", "ar"])
    func theFeedAndTheSearchScriptSpeakTheSitesLanguage(_ language: String) throws {
        try withTemporaryFolder { root in
            let languages = LanguageBuildTests()
            let (site, out) = try languages.build(language, in: root)
            let fragments = try languages.englishFragments(against: language)
            let content = try languages.contentTexts(of: site)
            func englishLeft(in texts: [String]) -> [String] {
                texts.flatMap { text -> [String] in
                    // Placeholders (`{city}`) are filled by the script, not shown.
                    var text = text.replacing(/\{[A-Za-z]+\}/, with: "\n")
                    for piece in content { text = text.replacingOccurrences(of: piece, with: "\n") }
                    return fragments.filter { fragment in
                        text.range(of: "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: fragment) + "(?![\\p{L}])",
                                   options: .regularExpression) != nil
                    }
                }
            }

            let feed = try readText(out.appendingPathComponent("feed.xml"))
            let entryTexts = feed.matches(of: /<(?:title|summary)>([^<]*)<\//).map { LanguageBuildTests.unescaped(String($0.output.1)) }
            #expect(entryTexts.count > 6, "\(feed.prefix(400))")
            #expect(feed.contains("xml:lang=\"\(language)\""))
            #expect(englishLeft(in: entryTexts) == [], "English in the \(language) feed")

            for page in ["search/index.html", "cities/index.html"] {
                let html = try readText(out.appendingPathComponent(page))
                let attribute = try #require(html.firstMatch(of: /data-text="([^"]*)"/)?.output.1, "\(page) has no data-text")
                let json = try JSONSerialization.jsonObject(with: Data(LanguageBuildTests.unescaped(String(attribute)).utf8))
                let phrases = try #require(json as? [String: Any])
                #expect(phrases.count == ScriptText.phrases.count)
                let texts = phrases.values.flatMap { value -> [String] in
                    if let text = value as? String { return [text] }
                    return ((value as? [String: String]) ?? [:]).values.map { $0 }
                }
                #expect(englishLeft(in: texts) == [], "English in the script phrases of \(page) in \(language)")
            }
        }
    }
}
