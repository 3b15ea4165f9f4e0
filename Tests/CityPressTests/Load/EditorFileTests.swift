import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressTemplates

/// Files as common editors save them: Windows (`\r\n`) and old Mac (`\r`) line breaks, a UTF-8
/// byte-order mark, no final newline, trailing whitespace. Each is read as if saved plainly, and
/// diagnostics point at the right line and column with the right line text.
@Suite struct EditorFileTests {
    /// How an editor might save a file that was written with `\n` line breaks.
    enum Saving: String, CaseIterable, Sendable {
        case crlf, cr, byteOrderMark, noFinalNewline, trailingWhitespace, everything

        /// `text` as saved this way. In a template, trailing whitespace and the final newline are
        /// text of the page, so only line breaks and the byte-order mark change there.
        func apply(_ text: String, isMarkdown: Bool = false, isTemplate: Bool = false) -> Data {
            var text = text
            if !isTemplate && (self == .trailingWhitespace || self == .everything) {
                text = Self.addingTrailingWhitespace(text, isMarkdown: isMarkdown)
            }
            if !isTemplate && (self == .noFinalNewline || self == .everything) {
                while text.hasSuffix("\n") { text.removeLast() }
            }
            if self == .crlf || self == .everything { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            if self == .cr { text = text.replacingOccurrences(of: "\n", with: "\r") }
            var bytes = Data(text.utf8)
            if self == .byteOrderMark || self == .everything { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
            return bytes
        }

        /// Spaces and a tab after every line of YAML (front matter included); blank lines get the
        /// indentation editors leave. Markdown lines are left alone: two trailing spaces are a line
        /// break there, by CommonMark's rules.
        private static func addingTrailingWhitespace(_ text: String, isMarkdown: Bool) -> String {
            var fences = 0
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                if isMarkdown && line == "---" { fences += 1; return line + " \t" }
                if isMarkdown && fences >= 2 { return String(line) }
                return line.isEmpty ? "  \t" : line + " \t "
            }.joined(separator: "\n")
        }
    }

    /// Every file of `folder` rewritten as `saving` would save it.
    static func resave(_ folder: URL, as saving: Saving, extensions: Set<String>) throws {
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            guard extensions.contains(url.pathExtension) else { continue }
            let text = try readText(url)
            try saving.apply(text, isMarkdown: url.pathExtension == "md", isTemplate: url.pathExtension == "mustache")
                .write(to: url)
        }
    }

    @Test(arguments: Saving.allCases)
    func theFixtureSiteBuildsToTheSameBytesHoweverItIsSaved(_ saving: Saving) throws {
        try withTemporaryFolder { root in
            let original = try makeFixtureSite(in: root.appendingPathComponent("original"))
            let resaved = try makeFixtureSite(in: root.appendingPathComponent("resaved"))
            try Self.resave(resaved.appendingPathComponent("Content"), as: saving, extensions: ["yml", "md"])
            try Self.resave(resaved.appendingPathComponent("Templates"), as: saving, extensions: ["mustache"])
            let expected = try renderInMemory(content: original.appendingPathComponent("Content"),
                                              templates: original.appendingPathComponent("Templates"), drafts: true)
            let actual = try renderInMemory(content: resaved.appendingPathComponent("Content"),
                                            templates: resaved.appendingPathComponent("Templates"), drafts: true)
            // Same messages at the same lines and columns.
            func described(_ diagnostics: [Diagnostic], _ site: URL) -> [String] {
                diagnostics.map { $0.description.replacingOccurrences(of: site.path + "/", with: "") }
            }
            #expect(described(actual.diagnostics, resaved) == described(expected.diagnostics, original))
            #expect(!expected.pages.isEmpty)
            #expect(actual.pages.keys.sorted() == expected.pages.keys.sorted())
            for (path, page) in expected.pages.sorted(by: { $0.key < $1.key }) {
                #expect(actual.pages[path] == page, "\(path) differs when the site is saved as \(saving)")
            }
        }
    }

    /// The first error of building the fixture site with `changes` written as bytes, printed.
    static func firstDiagnostic(_ changes: [String: Data]) throws -> String {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            for (relative, bytes) in changes {
                try FileManager.default.createDirectory(at: site.appendingPathComponent(relative).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try bytes.write(to: site.appendingPathComponent(relative))
            }
            let (_, diagnostics) = try renderInMemory(content: site.appendingPathComponent("Content"))
            let prefix = site.appendingPathComponent("Content").path + "/"
            guard let first = diagnostics.sortedForDisplay().first(where: { $0.severity == .error }) else { return "" }
            return DiagnosticFormatter().format(first).replacingOccurrences(of: prefix, with: "")
        }
    }

    static let second = "Content/declarations/second-accord.md"
    static let secondAccord = """
        ---
        title: Second Accord
        event: Second Summit
        venue: Congress Centre
        location: Wrocław, Poland
        start_date: 2022-05-10
        signatories_as_of: 2022-06-01
        signatories:
          - lodz
          - wroclw
        ---

        1. To plant trees.

        """

    @Test(arguments: [Saving.crlf, .cr, .byteOrderMark, .everything])
    func anUnknownCityIsShownAtItsLineAndColumn(_ saving: Saving) throws {
        let printed = try Self.firstDiagnostic([Self.second: saving.apply(Self.secondAccord, isMarkdown: true)])
        let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "declarations/second-accord.md:10:5: error: unknown city 'wroclw' (did you mean 'wroclaw'?)")
        #expect(lines.dropFirst().first?.trimmingCharacters(in: .whitespaces) == "- wroclw")
        #expect(lines.dropFirst(2).first == "    ^")
    }

    @Test(arguments: [Saving.crlf, .cr, .byteOrderMark])
    func aCityFileKeepsItsCaret(_ saving: Saving) throws {
        let printed = try Self.firstDiagnostic(["Content/cities/lodz.yml": saving.apply("name: Łódź\ncountry: Poland\nkind: town\n")])
        #expect(printed == """
            cities/lodz.yml:3:1: error: kind must be city, region or district, not 'town'
            kind: town
            ^
            """)
    }

    @Test func aBlankLineIndentedWithATabIsAccepted() throws {
        let text = "name: Łódź\n\t\ncountry: Poland\n  \t  \n"
        let printed = try Self.firstDiagnostic(["Content/cities/lodz.yml": Data(text.utf8)])
        #expect(printed == "")
    }

    @Test func aTemplateSavedWithCRLineBreaksReportsItsSyntaxErrorOnItsLine() throws {
        try withTemporaryFolder { root in
            let templates = root.appendingPathComponent("Templates")
            try copyFolder(TestPaths.templates, to: templates)
            let text = "<p>\r\n{{#title}}\r<b>{{title}</b>\r\n"
            try Data(text.utf8).write(to: templates.appendingPathComponent("404.mustache"))
            let (_, diagnostics) = TemplateSet.load(from: templates.path)
            let location = try #require(diagnostics.first?.location)
            #expect(diagnostics.first?.message.hasPrefix("template syntax error") == true)
            #expect(location.line == 3)
            #expect(location.lineText == "<b>{{title}</b>")
        }
    }

    @Test func sourceTextSplitsEveryKindOfLineBreak() {
        let text = "a\nb\r\nc\rd\r\r\ne"
        #expect(SourceText(path: "x", text: text).lines == ["a", "b", "c", "d", "", "e"])
        #expect(SourceText(path: "x", text: "a\n").lines == ["a", ""])
        #expect(SourceText(path: "x", text: "").lines == [""])
        #expect(SourceText(path: "x", text: "a\r\nb").location(line: 2, column: 1).lineText == "b")
    }

    @Test func lineBreaksAreNormalizedAndLFFilesLeftAlone() {
        var bytes = Array("a\r\nb\rc\n\r\r\n".utf8)
        EditorBytes.normalizeLineBreaks(&bytes)
        #expect(bytes == Array("a\nb\nc\n\n\n".utf8))
        var plain = Array("a\nb\n".utf8)
        EditorBytes.normalizeLineBreaks(&plain)
        #expect(plain == Array("a\nb\n".utf8))
        var empty: [UInt8] = []
        EditorBytes.normalizeLineBreaks(&empty)
        #expect(empty.isEmpty)
    }
}
