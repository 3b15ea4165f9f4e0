import Foundation
import Testing
@testable import CityPressCore

/// An action's title is plain text (on its pages, in `actions.csv`, in the search index): Markdown in it
/// is shown as written, and a link in it was neither a link nor checked, so it gets a warning.
@Suite struct ReportHeadingTests {
    @Test func markdownInAnActionsTitleIsAWarningAtTheTitle() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            let report = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let text = try readText(report)
            try writeText(text.replacingOccurrences(of: "## Commitment 1: Four thousand trees on school grounds",
                                                    with: "## Commitment 1: *Open* council & `code` [link](/cities/nope/)"), to: report)
            let (_, diagnostics) = try renderInMemory(content: content)
            let found = diagnostics.filter { $0.message.hasPrefix("an action's title is plain text") }
            #expect(found.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
                    == ["reports/2022/lodz-second-accord.md:11:18: warning: an action's title is plain text: its Markdown (a link) is shown as written, on its pages and in the open data"])
            // Plain titles, `&` and all, say nothing.
            try writeText(text.replacingOccurrences(of: "## Commitment 1: Four thousand trees on school grounds",
                                                    with: "## Commitment 1: Trees & shade, 100% native!"), to: report)
            let (_, plain) = try renderInMemory(content: content)
            #expect(!plain.contains { $0.message.hasPrefix("an action's title is plain text") })
        }
    }
}
