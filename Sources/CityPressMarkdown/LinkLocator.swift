#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds where each link's destination is written in a Markdown text: cmark gives an inline node the
/// line its text starts on, and the destination is looked for on that line or the 20 after it (a link's
/// text may span lines). Works on each line's bytes, copied once.
///
/// Per line it keeps where the last link found on it ended (the next one is searched from there, so two
/// links to one page on a line get their own columns) and the Unicode scalars before that point; and
/// which destinations are known to be absent after some point, and where one written before the cursor
/// was found (a reference definition several links use). A line of thousands of links is then read a
/// bounded number of times, not once per link (13 s for a line of 20,000 links when each search
/// bridged the rest of the line to Foundation).
struct LinkLocator {
    private let lines: [Substring]
    private var bytes: [Int: [UInt8]] = [:]
    private var cursors: [Int: (offset: Int, scalars: Int)] = [:]
    /// A pattern (by line) is not in that line at or after this byte offset.
    private var absentFrom: [Search: Int] = [:]
    /// The column of a destination found by searching its line from the start, by line.
    private var fromStart: [Search: Int?] = [:]
    private var lineTexts: [Int: String] = [:]

    private struct Search: Hashable {
        let line: Int
        let pattern: [UInt8]
    }

    init(markdown: String) {
        lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The line, column and text of the line where `destination` of a link whose text starts on `line`
    /// is written; the link's line and column 1 when it is not found (a destination cmark normalized).
    mutating func locate(_ destination: String, line: Int) -> (line: Int, column: Int, lineText: String) {
        let withBracket = Array(("](" + destination).utf8), bare = Array(destination.utf8)
        var column = 1
        var found = line
        let first = max(1, line)
        for candidate in first...max(first, min(lines.count, line + 20)) where lines.indices.contains(candidate - 1) {
            let text = bytesOf(candidate)
            let cursor = cursors[candidate] ?? (0, 0)
            if let match = find(withBracket, in: text, line: candidate, from: cursor.offset).map({ ($0 + 2, $0 + withBracket.count) })
                ?? find(bare, in: text, line: candidate, from: cursor.offset).map({ ($0, $0 + bare.count) }) {
                let scalars = cursor.scalars + Self.scalars(in: text[cursor.offset..<match.0])
                column = scalars + 1
                found = candidate
                cursors[candidate] = (match.1, scalars + Self.scalars(in: text[match.0..<match.1]))
                break
            }
            // Named again before the cursor: a reference definition that several links use.
            if cursor.offset != 0, let known = columnFromStart(of: withBracket, bare, in: text, line: candidate) {
                column = known
                found = candidate
                break
            }
        }
        var lineText = ""
        if lines.indices.contains(found - 1) {
            lineText = lineTexts[found] ?? String(lines[found - 1])
            lineTexts[found] = lineText
        }
        return (max(1, found), column, lineText)
    }

    private mutating func bytesOf(_ line: Int) -> [UInt8] {
        if let known = bytes[line] { return known }
        let made = Array(lines[line - 1].utf8)
        bytes[line] = made
        return made
    }

    /// Where `pattern` first is in `text` at or after `offset`, remembering where it is known to be absent.
    private mutating func find(_ pattern: [UInt8], in text: [UInt8], line: Int, from offset: Int) -> Int? {
        let key = Search(line: line, pattern: pattern)
        if let absent = absentFrom[key], offset >= absent { return nil }
        guard let position = Self.firstIndex(of: pattern, in: text, from: offset) else {
            absentFrom[key] = min(absentFrom[key] ?? offset, offset)
            return nil
        }
        return position
    }

    private mutating func columnFromStart(of withBracket: [UInt8], _ bare: [UInt8], in text: [UInt8], line: Int) -> Int? {
        let key = Search(line: line, pattern: withBracket)
        if let known = fromStart[key] { return known }
        let start = Self.firstIndex(of: withBracket, in: text, from: 0).map { $0 + 2 } ?? Self.firstIndex(of: bare, in: text, from: 0)
        let column = start.map { Self.scalars(in: text[..<$0]) + 1 }
        fromStart[key] = column
        return column
    }

    private static func firstIndex(of pattern: [UInt8], in text: [UInt8], from offset: Int) -> Int? {
        guard let head = pattern.first, offset <= text.count - pattern.count else { return pattern.isEmpty ? offset : nil }
        return text.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var at = offset
            let last = text.count - pattern.count
            while at <= last, let hit = memchr(base + at, Int32(head), last - at + 1) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let same = pattern.withUnsafeBufferPointer { wanted in
                    wanted.baseAddress.map { memcmp(base + position, $0, pattern.count) == 0 } ?? true
                }
                if same { return position }
                at = position + 1
            }
            return nil
        }
    }

    /// How many Unicode scalars `bytes` (UTF-8) holds: its bytes that are not continuation bytes.
    private static func scalars(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }
}
