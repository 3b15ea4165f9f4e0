/// The text of one source file, split into lines, used to make locations that carry their line.
public struct SourceText: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The lines of the file, without line breaks.
    public let lines: [Substring]
    /// The whole text.
    public let text: String

    /// Splits `text` into lines at every line break editors write: `\n`, `\r\n` and a lone `\r`.
    ///
    /// The split walks UTF-8 bytes: `"\r\n"` is one `Character` in Swift, so splitting on the
    /// `Character` `"\n"` would never split a Windows file at all.
    public init(path: String, text: String, keepingText: Bool = true) {
        self.path = path
        self.text = text
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = lineStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            // Line breaks are always grapheme boundaries, so these indexes slice the text cleanly.
            lines.append(text[lineStart..<index])
            index = utf8.index(after: index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            lineStart = index
        }
        lines.append(text[lineStart..<utf8.endIndex])
        self.lines = lines
    }

    /// A location at `line`/`column` (1-based) with the line's text attached.
    public func location(line: Int, column: Int) -> SourceLocation {
        let text = (line >= 1 && line <= lines.count) ? String(lines[line - 1]) : nil
        return SourceLocation(path: path, line: line, column: column, lineText: text)
    }

    /// The location of the whole file (no line).
    public var fileLocation: SourceLocation { SourceLocation(path: path) }
}
