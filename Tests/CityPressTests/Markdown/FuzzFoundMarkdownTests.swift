import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressMarkdown

/// Markdown that stalled the tool, found while fuzzing: thousands of links on one line.
@Suite struct FuzzFoundMarkdownTests {
    /// Each link's destination was searched from the start of its line: two links to one page on a
    /// line both got the first one's column.
    @Test func twoLinksToOnePageOnALineHaveTheirOwnColumns() {
        let links = MarkdownParser().parse("See [a](/x/) and [b](/x/), then [c][r] and [d][r].\n\n[r]: /y/\n").links
        #expect(links.map(\.destination) == ["/x/", "/x/", "/y/", "/y/"])
        #expect(links.map(\.column) == [9, 22, 6, 6])
        #expect(links.map(\.line) == [1, 1, 3, 3])
    }

    /// The same with a letter that is not ASCII on the line (13 s in a release build: each search bridged
    /// the rest of the line to Foundation, whose offsets into such a string are counted, not computed),
    /// and a line of thousands of reference links, whose destination is on another line.
    @Test func aLineOfThousandsOfLinksWithAccentsIsLocatedInLinearTime() {
        let line = String(repeating: "[é](/cities/łódź/) ", count: 20_000)
        let references = String(repeating: "[x][r] é ", count: 20_000)
        let started = threadCPUSeconds()
        let links = MarkdownParser().parse("Intro.\n\n" + line + "\n\n" + references + "\n\n[r]: /y/\n").links
        let used = threadCPUSeconds() - started
        #expect(used < 2, "took \(used) s of CPU")
        #expect(links.count == 40_000)
        // Columns count Unicode scalars: 19 per link on the first line.
        #expect(links[19_999].column == 19 * 19_999 + 5 && links[19_999].line == 3)
        #expect(links[20_000].line == 7 && links[20_000].column == 6 && links[39_999].column == 6)
    }

    /// 20,000 broken links on one 360 KB line took 98 s and gigabytes (each link searched, counted
    /// and copied its line from the start; the report walked the line for each): now linear.
    @Test func aLineOfThousandsOfLinksIsLocatedAndReportedInLinearTime() {
        let line = String(repeating: "[x](/cities/nope/) ", count: 20_000)
        let started = threadCPUSeconds()
        let links = MarkdownParser().parse("Intro.\n\n" + line + "\n").links
        #expect(links.count == 20_000)
        #expect(links.last?.column == 19 * 19_999 + 5)
        let diagnostics = links.map {
            Diagnostic.error("unknown page", at: SourceLocation(path: "x.md", line: $0.line, column: $0.column, lineText: $0.lineText))
        }
        let report = DiagnosticFormatter().format(diagnostics)
        let used = threadCPUSeconds() - started
        #expect(used < 10, "took \(used) s of CPU")
        #expect(report.utf8.count < 20_000 * 500, "the report quotes whole lines: \(report.utf8.count) bytes")
        let quoted = report.split(separator: "\n")
        #expect(quoted[1].hasPrefix("[x](/cities/nope/)") && quoted[1].hasSuffix("…"))
        #expect(quoted[2] == "    ^")
    }
}
