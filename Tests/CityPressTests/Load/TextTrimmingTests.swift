import Testing
@testable import CityPressCore

/// Trimming source text: the fast paths by bytes give what trimming by characters and Unicode's white
/// space gives, for every kind of text a content file can hold.
@Suite struct TextTrimmingTests {
    /// The definitions the fast paths stand for.
    static func trimmedByScalars(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    static func trimmedByCharacters(_ text: Substring) -> Substring {
        var result = text
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }

    static let samples = [
        "", " ", "vienna", " vienna ", "\tvienna\r\n", "Kraków", " Kraków", "Kraków ", "e\u{301}", "e\u{301} ",
        "\u{85}vienna\u{85}", "vienna\u{2028}", "\u{7F}vienna\u{7F}", "\u{1}vienna", "“vienna”", "a  b", "\u{A0}a\u{A0}",
        "\u{600} ", "\u{600}  ", "\u{600}\t", "x\u{600} ", "٠ ", "a \u{301}", "a\t ", "---  ", "--- \t", "… ",
    ]

    @Test func trimmingWhitespaceIsTrimmingUnicodeWhiteSpace() {
        for sample in Self.samples {
            #expect(sample.trimmingWhitespace() == Self.trimmedByScalars(sample), "\(sample.unicodeScalars.map(\.value))")
        }
    }

    @Test func trimmingTrailingSpacesRemovesWholeCharactersOnly() {
        for sample in Self.samples {
            let text = Substring(sample)
            #expect(text.trimmingTrailingSpaces() == Self.trimmedByCharacters(text), "\(sample.unicodeScalars.map(\.value))")
        }
        // A space after a prepended mark belongs to its character: kept.
        #expect(Substring("\u{600}  ").trimmingTrailingSpaces() == "\u{600} ")
    }
}
