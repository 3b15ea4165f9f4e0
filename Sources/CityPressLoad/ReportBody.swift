import CityPressCore
import CityPressMarkdown

/// A report's body, split into its summary (the text before the first action) and its actions.
///
/// An action starts at a level-2 heading that names the commitments it implements, then a colon and
/// a title: `## Commitment 3: Title`, `## Commitments 2 and 5: Title`, `## Commitments 1, 4 and 6: Title`.
/// Its text runs to the next such heading. Headings inside fenced code are text.
struct ReportBody {
    private(set) var summaryHTML = ""
    /// Every link and image destination of the text, located in the file.
    private(set) var links: [Located<String>] = []
    private(set) var actions: [ReportRecord.Action] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// The shape every action heading has, for messages.
    static let headingForm = "'## Commitment 3: Title' or '## Commitments 2 and 5: Title'"

    /// Splits the body (the file's lines after `lineOffset`) and parses each part as Markdown.
    init(source: SourceText, lineOffset: Int, markdown: MarkdownParser) {
        // The file's lines, already split at every kind of line break (splitting the text again by
        // `Character` took a third of the time of loading ten thousand reports).
        let lines = source.lines.dropFirst(lineOffset).map { $0 }
        var sections: [(heading: Int?, start: Int)] = [(nil, 0)]
        var fence: Substring?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if line.hasPrefix("## ") || line == "##" { sections.append((index, index + 1)) }
        }
        for (position, section) in sections.enumerated() {
            let end = position + 1 < sections.count ? (sections[position + 1].heading ?? lines.count) : lines.count
            let text = lines[min(section.start, end)..<end].joined(separator: "\n")
            let firstLine = lineOffset + section.start  // the text's line 1 is this file line + 1
            let document = markdown.parse(text)
            let html = Self.html(of: document, lineOffset: firstLine, source: source, into: &diagnostics)
            links += document.links.map { link in
                Located(link.destination, at: SourceLocation(path: source.path, line: link.line + firstLine,
                                                             column: link.column, lineText: link.lineText))
            }
            guard let heading = section.heading else {
                summaryHTML = html
                continue
            }
            let location = source.location(line: lineOffset + heading + 1, column: 1)
            if var action = Self.action(String(lines[heading]), html: html, at: location, source: source, markdown: markdown,
                                        into: &diagnostics) {
                action.markdown = text.trimmingWhitespace()
                action.plainText = document.plainText
                actions.append(action)
            }
        }
        if sections.count == 1 {
            let line = lines.indices.first { !lines[$0].allSatisfy(\.isWhitespace) }.map { lineOffset + $0 + 1 } ?? lineOffset
            diagnostics.append(.error("report has no actions: start each one with a heading \(Self.headingForm)",
                                      at: source.location(line: max(1, line), column: 1)))
        }
    }

    /// The action headed `heading` (`## Commitments 2 and 5: Title`); `nil` with an error when the
    /// heading does not name its commitments or has no title.
    private static func action(_ heading: String, html: String, at location: SourceLocation, source: SourceText,
                               markdown: MarkdownParser, into diagnostics: inout [Diagnostic]) -> ReportRecord.Action? {
        let text = heading.dropFirst(2).drop { $0 == " " }
        let lowered = text.lowercased()
        let word = lowered.hasPrefix("commitments") ? "commitments" : lowered.hasPrefix("commitment") ? "commitment" : nil
        // The keyword was found in the lowercased text; its length is taken in the text as written only
        // up to the colon, so that no case mapping that changes a length can put it past the colon.
        guard let word, let colon = text.firstIndex(of: ":"),
              let numbersStart = text.index(text.startIndex, offsetBy: word.count, limitedBy: colon) else {
            diagnostics.append(.error("an action must name the commitments it implements: write its heading as \(headingForm)",
                                      at: source.location(line: location.line, column: 4)))
            return nil
        }
        let title = String(text[text.index(after: colon)...]).trimmingWhitespace()
        var commitments: [Located<Int>] = []
        var valid = true
        let column = heading.count - text.count + 1  // the column of `text`'s first character
        // The words between the keyword and the colon: numbers, joined by commas, `and` or `&`.
        for (word, offset) in Self.words(in: text, from: numbersStart, to: colon) where word != "and" {
            let at = source.location(line: location.line, column: column + offset)
            guard word.allSatisfy(\.isASCII), let value = Int(word), value > 0 else {
                diagnostics.append(.error("'\(word)' is not a commitment number: name them as in \(headingForm)", at: at))
                valid = false
                continue
            }
            commitments.append(Located(value, at: at))
        }
        if commitments.isEmpty && valid {
            diagnostics.append(.error("an action must name the commitments it implements: write its heading as \(headingForm)",
                                      at: source.location(line: location.line, column: 4)))
            valid = false
        }
        if title.isEmpty {
            diagnostics.append(.error("an action needs a title after the colon: \(headingForm)",
                                      at: source.location(line: location.line, column: heading.count + 1)))
            valid = false
        } else if let markup = Self.markupShownAsWritten(in: title, markdown: markdown) {
            let start = text[text.index(after: colon)...].firstIndex { !$0.isWhitespace } ?? colon
            diagnostics.append(.warning(
                "an action's title is plain text: its Markdown (\(markup)) is shown as written, on its pages and in the open data",
                at: source.location(line: location.line, column: column + text.distance(from: text.startIndex, to: start)),
                notes: ["write the title without it; emphasis and links go in the action's text, below the heading"]))
        }
        return valid ? ReportRecord.Action(commitments: commitments, title: title, html: html, location: location) : nil
    }

    /// What Markdown `title` holds (`*…*`, `` `…` ``, a link…) that a title, plain text, shows as written;
    /// `nil` when it reads the same as text. Only a title with a character Markdown may mean something by
    /// is parsed (a site has tens of thousands of actions).
    private static func markupShownAsWritten(in title: String, markdown: MarkdownParser) -> String? {
        guard title.utf8.contains(where: { "*_`[]<>\\&!~".utf8.contains($0) }) else { return nil }
        let read = markdown.parse(title).plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard read != title.split(whereSeparator: \.isWhitespace).joined(separator: " ") else { return nil }
        if title.contains("](") { return "a link" }
        if title.contains("`") { return "code" }
        if title.contains("*") || title.contains("_") { return "emphasis" }
        return "markup"
    }

    /// The words of `text` from `start` to `end`, split at spaces, commas and `&`, each with its
    /// offset in characters from the start of `text`.
    private static func words(in text: Substring, from start: Substring.Index, to end: Substring.Index) -> [(Substring, Int)] {
        var words: [(Substring, Int)] = []
        var wordStart: Substring.Index?
        var offset = text.distance(from: text.startIndex, to: start), startOffset = 0
        var index = start
        while index < end {
            let isSeparator = text[index] == " " || text[index] == "," || text[index] == "&"
            if isSeparator, let open = wordStart {
                words.append((text[open..<index], startOffset))
                wordStart = nil
            } else if !isSeparator, wordStart == nil {
                wordStart = index
                startOffset = offset
            }
            index = text.index(after: index)
            offset += 1
        }
        if let open = wordStart { words.append((text[open..<end], startOffset)) }
        return words
    }

    /// `document` as HTML; its notices (Markdown the site cannot show as written) become warnings.
    private static func html(of document: MarkdownDocument, lineOffset: Int, source: SourceText,
                             into diagnostics: inout [Diagnostic]) -> String {
        for notice in document.notices {
            diagnostics.append(.warning(notice.message,
                                        at: SourceLocation(path: source.path, line: notice.line + lineOffset,
                                                           column: notice.column, lineText: notice.lineText),
                                        notes: [notice.note]))
        }
        return document.blocks.map { block in
            switch block {
            case .html(let html): return html
            case .orderedList(let list):
                let items = list.items.map { "<li>\($0.html)</li>\n" }.joined()
                return (list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n") + items + "</ol>\n"
            }
        }.joined()
    }
}
