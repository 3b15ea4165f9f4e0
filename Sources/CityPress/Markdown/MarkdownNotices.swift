import CCmark

/// Finds what an author wrote that CommonMark does not show as written: GitHub-flavoured syntax
/// (tables, footnotes, strikethrough, task lists), which comes out as plain text, and raw HTML,
/// which is omitted unless the site keeps it.
///
/// Lives beside `MarkdownParser`: it reads the same cmark tree, and the C pointers stay in this folder.
struct MarkdownNotices {
    let lines: [Substring]
    let keepsRawHTML: Bool

    init(markdown: String, keepsRawHTML: Bool) {
        lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        self.keepsRawHTML = keepsRawHTML
    }

    /// The notices of the tree under `root`, in source order, at most one of each kind per line.
    func find(in root: OpaquePointer) -> [MarkdownDocument.Notice] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var notices: [MarkdownDocument.Notice] = []
        var seen: Set<String> = []
        func add(_ message: String, _ note: String, line: Int, marker: String) {
            let key = "\(line) \(message)"
            guard seen.insert(key).inserted else { return }
            notices.append(notice(message, note, line: line, marker: marker))
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = Self.line(of: node)
            switch type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if keepsRawHTML { break }
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? "<"
                let marker = String(literal.prefix { $0 != "\n" && $0 != ">" })
                add("raw HTML is omitted from the page", "write it in Markdown; a site whose authors are all trusted may set unsafe_html: true in site.yml",
                    line: line, marker: marker)
            case CMARK_NODE_PARAGRAPH:
                let end = Int(cmark_node_get_end_line(node))
                for number in max(1, line)...max(line, end) where lines.indices.contains(number - 1) {
                    if Self.isTableDelimiterRow(lines[number - 1]) {
                        add("a GitHub-style table is shown as plain text (CommonMark has no tables)",
                            "write the rows as a list, or as paragraphs", line: number - 1 >= line ? number - 1 : number, marker: "|")
                    }
                }
            case CMARK_NODE_TEXT:
                let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if text.contains("[^") && text.contains("]") {
                    add("a footnote ('[^…]') is shown as plain text (CommonMark has no footnotes)",
                        "put the note in the text, in parentheses, or link to it", line: line, marker: "[^")
                }
                if text.contains("~~") {
                    add("'~~' is shown as written (CommonMark has no strikethrough)",
                        "say it in words, or remove the struck text", line: line, marker: "~~")
                }
                if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
                   let item = cmark_node_parent(parent), cmark_node_get_type(item) == CMARK_NODE_ITEM,
                   cmark_node_first_child(parent) == node,
                   text.hasPrefix("[ ]") || text.hasPrefix("[x]") || text.hasPrefix("[X]") {
                    add("a task-list box ('[ ]') is shown as written (CommonMark has no task lists)",
                        "write the items as a plain list", line: line, marker: String(text.prefix(3)))
                }
            default:
                break
            }
        }
        return notices
    }

    /// `|---|:--:|`, `--- | ---`: the second row of a GFM table.
    static func isTableDelimiterRow(_ line: Substring) -> Bool {
        let trimmed = line.trimmingTrailingSpaces().drop { $0 == " " || $0 == "\t" }
        guard trimmed.contains("-"), trimmed.contains("|") else { return false }
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: true)
        return !cells.isEmpty && cells.allSatisfy { cell in
            let core = cell.trimmingTrailingSpaces().drop { $0 == " " }
            let dashes = core.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return dashes.count >= 1 && dashes.allSatisfy { $0 == "-" }
        }
    }

    private func notice(_ message: String, _ note: String, line: Int, marker: String) -> MarkdownDocument.Notice {
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

    /// The node's line, or that of its nearest ancestor that knows it.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let here = current {
            let line = Int(cmark_node_get_start_line(here))
            if line > 0 { return line }
            current = cmark_node_parent(here)
        }
        return 1
    }
}
