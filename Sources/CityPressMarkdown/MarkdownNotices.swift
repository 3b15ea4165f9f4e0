import CityPressCore
import Foundation
/// Finds what an author wrote that CommonMark does not show as written: GitHub-flavoured syntax
/// (tables, footnotes, strikethrough, task lists), which comes out as plain text, and raw HTML,
/// which is omitted unless the site keeps it.
///
/// It reads plain values that `MarkdownParser` copies out of cmark's tree (the C pointers stay there).
package struct MarkdownNotices {
    /// What the parser reports of each node that may need a notice.
    package enum Element: Sendable {
        /// A raw HTML block or inline, from `line`.
        case rawHTML(literal: String, line: Int)
        /// A paragraph spanning `first...last`.
        case paragraph(first: Int, last: Int)
        /// A text node on `line`; `opensListItem` when it begins an item's first paragraph.
        case text(String, line: Int, opensListItem: Bool)
        /// A link on `line` whose text starts with `^`: a footnote reference (`[^1]`) that a one-word note
        /// (`[^1]: note`) made a link, the note read as its definition.
        case footnoteLink(label: String, destination: String, line: Int)
    }

    package let markdown: String
    package let keepsRawHTML: Bool
    /// Whether the text has a `|` at all (no table without one).
    private let hasPipe: Bool

    package init(markdown: String, keepsRawHTML: Bool) {
        self.markdown = markdown
        self.keepsRawHTML = keepsRawHTML
        hasPipe = markdown.utf8.contains(UInt8(ascii: "|"))
    }

    /// The lines of the text; split only when a notice needs them (most texts have none).
    private var lines: [Substring] {
        markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The notices of `elements`, in source order, at most one of each kind per line.
    package func find(in elements: [Element]) -> [MarkdownDocument.Notice] {
        var split: [Substring]?
        func lines() -> [Substring] {
            if let split { return split }
            let made = self.lines
            split = made
            return made
        }
        var notices: [MarkdownDocument.Notice] = []
        var seen: Set<String> = []
        func add(_ message: String, _ note: String, line: Int, marker: String) {
            let key = "\(line) \(message)"
            guard seen.insert(key).inserted else { return }
            notices.append(notice(message, note, line: line, marker: marker, lines: lines()))
        }
        for element in elements {
            switch element {
            case .rawHTML(let literal, let line):
                // A comment is hidden on purpose (`<!-- TODO: check the date -->`): nothing to tell.
                if keepsRawHTML || literal.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("<!--") { break }
                let marker = String(literal.prefix { $0 != "\n" && $0 != ">" })
                add("raw HTML is omitted from the page", "write it in Markdown; a site whose authors are all trusted may set unsafe_html: true in site.yml",
                    line: line, marker: marker)
            case .paragraph(let first, let last):
                guard hasPipe else { break }
                let first = max(1, first), lines = lines()
                for number in first...max(first, last) where lines.indices.contains(number - 1) {
                    if Self.isTableDelimiterRow(lines[number - 1]) {
                        // Point at the header row above the delimiter row, when the paragraph has one.
                        add("a GitHub-style table is shown as plain text (CommonMark has no tables)",
                            "write the rows as a list, or as paragraphs", line: number > first ? number - 1 : number, marker: "|")
                    }
                }
            case .footnoteLink(let label, let destination, let line):
                add("a footnote ('[\(label)]') is read as a link to '\(destination)' (CommonMark has no footnotes)",
                    "'[\(label)]: \(destination)' is taken for a link's definition and is not shown: put the note in the text, in parentheses",
                    line: line, marker: "[" + label)
            case .text(let text, let line, let opensListItem):
                if text.contains("[^") && text.contains("]") {
                    add("a footnote ('[^…]') is shown as plain text (CommonMark has no footnotes)",
                        "put the note in the text, in parentheses, or link to it", line: line, marker: "[^")
                }
                if text.contains("~~") {
                    add("'~~' is shown as written (CommonMark has no strikethrough)",
                        "say it in words, or remove the struck text", line: line, marker: "~~")
                }
                if opensListItem, text.hasPrefix("[ ]") || text.hasPrefix("[x]") || text.hasPrefix("[X]") {
                    add("a task-list box ('\(text.prefix(3))') is shown as written (CommonMark has no task lists)",
                        "write the items as a plain list", line: line, marker: String(text.prefix(3)))
                }
            }
        }
        return notices
    }

    /// `|---|:--:|`, `--- | ---`: the second row of a GFM table.
    package static func isTableDelimiterRow(_ line: Substring) -> Bool {
        let trimmed = line.trimmingTrailingSpaces().drop { $0 == " " || $0 == "\t" }
        guard trimmed.contains("-"), trimmed.contains("|") else { return false }
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: true)
        return !cells.isEmpty && cells.allSatisfy { cell in
            let core = cell.trimmingTrailingSpaces().drop { $0 == " " }
            let dashes = core.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return dashes.count >= 1 && dashes.allSatisfy { $0 == "-" }
        }
    }

    private func notice(_ message: String, _ note: String, line: Int, marker: String, lines: [Substring]) -> MarkdownDocument.Notice {
        var found = max(1, line)
        var column = 1
        for candidate in found...max(found, min(lines.count, found + 20)) where lines.indices.contains(candidate - 1) {
            if let range = lines[candidate - 1].range(of: marker) {
                column = lines[candidate - 1][..<range.lowerBound].unicodeScalars.count + 1
                found = candidate
                break
            }
        }
        let text = lines.indices.contains(found - 1) ? String(lines[found - 1]) : ""
        return .init(message: message, note: note, line: found, column: column, lineText: text)
    }
}
