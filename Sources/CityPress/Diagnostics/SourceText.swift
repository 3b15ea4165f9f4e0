/// The text of one source file, split into lines, used to make locations that carry their line.
public struct SourceText: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The lines of the file, without line breaks.
    public let lines: [Substring]
    /// The whole text.
    public let text: String

    /// Splits `text` into lines (`\n`, `\r\n`).
    public init(path: String, text: String, keepingText: Bool = true) {
        self.path = path
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    /// A location at `line`/`column` (1-based) with the line's text attached.
    public func location(line: Int, column: Int) -> SourceLocation {
        let text = (line >= 1 && line <= lines.count) ? String(lines[line - 1]) : nil
        return SourceLocation(path: path, line: line, column: column, lineText: text)
    }

    /// The location of the whole file (no line).
    public var fileLocation: SourceLocation { SourceLocation(path: path) }
}
