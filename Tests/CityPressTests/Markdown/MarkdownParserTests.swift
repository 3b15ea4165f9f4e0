import Testing
@testable import CityPressMarkdown

@Suite struct MarkdownParserTests {
    @Test func splitsTheTopLevelOrderedListIntoItems() throws {
        let document = MarkdownParser().parse("Intro *call on*.\n\n1. One.\n2. Two\n   continued.\n\nAfter.\n")
        #expect(document.blocks.count == 3)
        let list = try #require(document.orderedLists.first)
        #expect(list.start == 1)
        #expect(list.line == 3)
        #expect(list.items.map(\.plainText) == ["One.", "Two continued."])
        #expect(list.items[0].html == "<p>One.</p>\n")
        #expect(list.items[1].line == 4)
        guard case .html(let intro) = document.blocks[0] else { Issue.record("expected HTML"); return }
        #expect(intro == "<p>Intro <em>call on</em>.</p>\n")
    }

    @Test func plainTextHasOneSpaceBetweenWordsAndNoneAtTheEnds() {
        let document = MarkdownParser().parse("  Cities *work*  with `code  span`\nand a hard  \nbreak.\n\nŁódź,   Malmö.\n")
        #expect(document.plainText == "Cities work with code span and a hard break. Łódź, Malmö.")
        #expect(MarkdownParser().parse("\n\n").plainText == "")
        // A combining mark after spaces stays, after one space (spaces are separators whatever follows them).
        #expect(MarkdownParser().parse("a  \u{301}b\n").plainText == "a \u{301}b")
    }

    @Test func nestedOrUnorderedListsAreNotCommitments() {
        let document = MarkdownParser().parse("- a\n- b\n\n1. x\n   1. nested\n")
        #expect(document.orderedLists.count == 1)
        #expect(document.orderedLists.first?.items.count == 1)
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let markdown = "Hello <script>alert(1)</script>\n\n<div>block</div>\n"
        let safe = MarkdownParser().parse(markdown)
        let safeHTML = safe.blocks.map { if case .html(let h) = $0 { return h } else { return "" } }.joined()
        #expect(!safeHTML.contains("<script>"))
        #expect(!safeHTML.contains("<div>"))
        #expect(safeHTML.contains("raw HTML omitted"))
        let unsafe = MarkdownParser(allowsUnsafeHTML: true).parse(markdown)
        let unsafeHTML = unsafe.blocks.map { if case .html(let h) = $0 { return h } else { return "" } }.joined()
        #expect(unsafeHTML.contains("<div>block</div>"))
    }

    /// `[^1]: note` is a valid link definition in CommonMark, so `[^1]` becomes a link to "note" and the
    /// note disappears: the author is told it is a footnote, at the reference.
    @Test func aOneWordFootnoteIsNamedAsAFootnoteNotOnlyAsALink() {
        let document = MarkdownParser().parse("As agreed[^1].\n\n[^1]: note\n")
        #expect(document.links.map(\.destination) == ["note"])
        #expect(document.notices.map(\.message) == ["a footnote ('[^1]') is read as a link to 'note' (CommonMark has no footnotes)"])
        #expect(document.notices.first?.line == 1 && document.notices.first?.column == 10)
        // A link whose text starts with ^ and has spaces is a link.
        #expect(MarkdownParser().parse("[^ back to top](#top)\n").notices.isEmpty)
    }

    @Test func escapesTextAndKeepsApostrophes() {
        let document = MarkdownParser().parse("1. R&D for peoples' <b>lived</b> realities\n")
        #expect(document.orderedLists.first?.items.first?.html == "<p>R&amp;D for peoples' <!-- raw HTML omitted -->lived<!-- raw HTML omitted --> realities</p>\n")
    }
}
