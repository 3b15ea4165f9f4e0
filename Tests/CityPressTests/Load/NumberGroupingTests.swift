import Testing
@testable import CityPressLoad

/// Counts are written as the page's language writes numbers: `3,000 cities`, `3 000 villes`.
@Suite struct NumberGroupingTests {
    @Test func thousandsAreGroupedAsEachLanguageGroupsThem() {
        let cases: [(String, Int, String)] = [
            ("en-GB", 999, "999"), ("en", 3_000, "3,000"), ("en", 1_234_567, "1,234,567"), ("ar", 10_000, "10,000"),
            ("fr", 3_000, "3\u{202F}000"), ("de", 3_000, "3.000"),
            // Polish groups from five digits on.
            ("pl", 3_000, "3000"), ("pl", 30_000, "30\u{00A0}000"),
            // A language without known rules: no separator, which is never read as a decimal point.
            ("sv", 3_000, "3000"), ("en", -4_500, "-4,500"),
        ]
        for (language, count, expected) in cases {
            #expect(NumberGrouping(language: language).text(count) == expected, "\(language) \(count)")
        }
        #expect(InterfaceTables.english.count(.countCities, 3_000) == "3,000 cities")
    }
}
