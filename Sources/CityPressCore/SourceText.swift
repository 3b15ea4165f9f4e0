/// The text of one source file, split into lines, used to make locations that carry their line.
public struct SourceText: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The lines of the file, without line breaks.
    public let lines: [Substring]
    /// The whole text.
    public let text: String
    /// For each line longer than `longLine` bytes (by index): the index of every `markStride`-th
    /// scalar, so a location on it copies only the part around its column, in constant time.
    private let scalarMarks: [Int: [String.Index]]
    /// Lines longer than this many UTF-8 bytes are quoted in part.
    static let longLine = 400
    /// Scalars quoted of a long line, around the column.
    static let quotedScalars = 160
    private static let markStride = 64

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
        var marks: [Int: [String.Index]] = [:]
        for (number, line) in lines.enumerated() where line.utf8.count > Self.longLine {
            var indexes: [String.Index] = []
            var count = 0
            for index in line.unicodeScalars.indices {
                if count % Self.markStride == 0 { indexes.append(index) }
                count += 1
            }
            marks[number] = indexes
        }
        scalarMarks = marks
    }

    /// A location at `line`/`column` (1-based) with the line's text attached.
    ///
    /// Of a line longer than 400 bytes, only 160 scalars around the column are kept, cut at `…`
    /// marks: each location copied the whole line, and a minified file with thousands of mistakes
    /// on one line took gigabytes and minutes (found by the fuzzer).
    public func location(line: Int, column: Int) -> SourceLocation {
        guard line >= 1 && line <= lines.count else { return SourceLocation(path: path, line: line, column: column) }
        guard let marks = scalarMarks[line - 1], !marks.isEmpty else {
            return SourceLocation(path: path, line: line, column: column, lineText: String(lines[line - 1]))
        }
        let scalars = lines[line - 1].unicodeScalars
        // The index of scalar `n` (0-based), or the end: from the mark at or before it.
        func index(ofScalar n: Int) -> String.Index {
            let mark = min(n / Self.markStride, marks.count - 1)
            var index = marks[mark]
            var count = mark * Self.markStride
            while count < n, index != scalars.endIndex {
                index = scalars.index(after: index)
                count += 1
            }
            return index
        }
        let first = max(0, column - 1 - Self.quotedScalars / 2)
        let start = index(ofScalar: first), end = index(ofScalar: first + Self.quotedScalars)
        var quoted = String.UnicodeScalarView()
        if first > 0 { quoted.append("…") }
        quoted.append(contentsOf: scalars[start..<end])
        if end != scalars.endIndex { quoted.append("…") }
        return SourceLocation(path: path, line: line, column: column, lineText: String(quoted),
                              lineTextOffset: first > 0 ? first - 1 : 0)
    }

    /// The location of the whole file (no line).
    public var fileLocation: SourceLocation { SourceLocation(path: path) }
}
