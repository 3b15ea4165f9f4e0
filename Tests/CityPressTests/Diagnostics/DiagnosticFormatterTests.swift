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

    /// A page or record may hold what a terminal acts on (an escape sequence, a lone carriage return): the
    /// quoted line shows each as one `�`, so the caret still lines up, and tabs stay.
    @Test func controlCharactersAreNotPrintedToTheTerminal() {
        let location = SourceLocation(path: "a.html", line: 1, column: 12, lineText: "<p>\u{1B}[31m\tred\r</p>x")
        let lines = DiagnosticFormatter().format(.error("bad", at: location)).split(separator: "\n").map(String.init)
        #expect(lines[1] == "<p>\u{FFFD}[31m\tred\u{FFFD}</p>x")
        #expect(lines[2] == "        \t  ^")
        // A file's name and a message quoting it are shown the same way.
        let named = DiagnosticFormatter().format(.error("bad slug 'x\u{1B}]0;t\u{07}'", at: SourceLocation(path: "c/x\u{1B}.yml"),
                                                        notes: ["\u{1B}[2J"]))
        #expect(named == "c/x\u{FFFD}.yml: error: bad slug 'x\u{FFFD}]0;t\u{FFFD}'\nnote: \u{FFFD}[2J")
    }

    /// A terminal gives `世` two cells and a combining accent none: the caret is padded to match, so it
    /// stands under the column (columns themselves still count characters).
    @Test func theCaretStandsUnderTheColumnPastWideCharacters() {
        let location = SourceLocation(path: "c.yml", line: 1, column: 12, lineText: "name: 世田谷区 x")
        let caret = DiagnosticFormatter().format(.error("bad", at: location)).split(separator: "\n").last.map(String.init)
        #expect(caret == String(repeating: " ", count: 6 + 4 * 2 + 1) + "^", "\(Array(caret?.unicodeScalars ?? "".unicodeScalars))")
        let accented = SourceLocation(path: "c.yml", line: 1, column: 9, lineText: "name: e\u{301}x y")
        #expect(DiagnosticFormatter().format(.error("bad", at: accented)).split(separator: "\n").last == "       ^")
    }

    /// A long line (minified) is quoted around the column only, cut at `…`, with the caret still under
    /// the column: quoting it whole under each of thousands of errors took gigabytes (found by the fuzzer).
    @Test func longLinesAreQuotedAroundTheColumn() {
        let line = String(repeating: "é-", count: 600) + "BAD" + String(repeating: "-x", count: 600)
        let source = SourceText(path: "a.md", text: "first\n" + line + "\n")
        for location in [source.location(line: 2, column: 1201),
                         SourceLocation(path: "a.md", line: 2, column: 1201, lineText: line)] {
            let lines = DiagnosticFormatter().format(.error("bad", at: location)).split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[0] == "a.md:2:1201: error: bad")
            #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…") && lines[1].unicodeScalars.count <= 202, "\(lines[1])")
            let caret = lines[2].unicodeScalars.count - 1
            #expect(String(String.UnicodeScalarView(Array(lines[1].unicodeScalars).dropFirst(caret).prefix(3))) == "BAD")
        }
        // Short lines are quoted whole; the start of a long line needs no leading mark.
        #expect(source.location(line: 1, column: 2).lineText == "first")
        #expect(source.location(line: 2, column: 3).lineText?.hasPrefix("é-é-") == true)
        #expect(source.location(line: 2, column: 3).lineText?.hasSuffix("…") == true)
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
