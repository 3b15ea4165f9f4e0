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
        // Byte offsets of each line's start and end, and of every `markStride`-th scalar of long lines,
        // found in one walk over the bytes (the `String` index walk was a tenth of loading reports).
        var bounds: [(start: Int, end: Int)] = []
        var markOffsets: [Int: [Int]] = [:]
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var lineStart = 0, index = 0
            func endLine(at end: Int) {
                if end - lineStart > Self.longLine {
                    var offsets: [Int] = [], count = 0
                    for offset in lineStart..<end where bytes[offset] & 0xC0 != 0x80 {
                        if count % Self.markStride == 0 { offsets.append(offset) }
                        count += 1
                    }
                    markOffsets[bounds.count] = offsets
                }
                bounds.append((lineStart, end))
            }
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                endLine(at: index)
                index += 1
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                lineStart = index
            }
            endLine(at: bytes.count)
        }
        var text = text
        text.withUTF8 { scan($0) }
        self.text = text
        // Line breaks are always grapheme boundaries, so these indexes slice the text cleanly.
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        lines = bounds.map { text[index($0.start)..<index($0.end)] }
        scalarMarks = markOffsets.mapValues { $0.map(index) }
    }

    /// A location at `line`/`column` (1-based) with the line's text attached.
    ///
    /// Of a line longer than 400 bytes, only 160 scalars around the column are kept, cut at `…`
    /// marks: with the whole line copied into each location, a minified file with thousands of
    /// mistakes on one line would take gigabytes and minutes.
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
