import Testing
@testable import CityPressCore

@Suite struct DiagnosticFormatterTests {
    @Test func formatsLikeACompilerWithLineAndCaret() {
        let source = SourceText(path: "Content/declarations/x.md", text: "---\ntitle: X\nsignatories:\n    - amstrdam\n")
        let diagnostic = Diagnostic.error("unknown city 'amstrdam' (did you mean 'amsterdam'?)",
                                          at: source.location(line: 4, column: 7), notes: ["a note"])
        let text = DiagnosticFormatter().format(diagnostic)
        #expect(text == """
            Content/declarations/x.md:4:7: error: unknown city 'amstrdam' (did you mean 'amsterdam'?)
                - amstrdam
                  ^
            note: a note
            """)
    }

    @Test func diagnosticsWithoutLocationNameTheTool() {
        #expect(Diagnostic.error("content folder 'X' does not exist").description
                == "citypress: error: content folder 'X' does not exist")
    }

    @Test func sortsByFileThenLine() {
        let a = Diagnostic.error("b", at: SourceLocation(path: "b.yml", line: 1, column: 1))
        let b = Diagnostic.error("a2", at: SourceLocation(path: "a.yml", line: 9, column: 1))
        let c = Diagnostic.warning("a1", at: SourceLocation(path: "a.yml", line: 2, column: 1))
        #expect([a, b, c].sortedForDisplay().map(\.message) == ["a1", "a2", "b"])
    }

    @Test func suggestsCloseWordsOnly() {
        #expect(Suggestion.closest(to: "amstrdam", among: ["amsterdam", "rotterdam", "arnhem"]) == "amsterdam")
        #expect(Suggestion.closest(to: "zzz", among: ["amsterdam"]) == nil)
        // A swap of two neighbouring letters is one slip, not two.
        #expect(Suggestion.closest(to: "amstedram", among: ["amsterdam", "rotterdam"]) == "amsterdam")
        #expect(Suggestion.closest(to: "buidl", among: ["build", "serve", "pdf"]) == "build")
        #expect(Suggestion.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars), limit: 3) == 1)
    }
}
