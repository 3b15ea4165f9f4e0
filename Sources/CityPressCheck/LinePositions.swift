import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns byte offsets of a page into the line and column a person reads, in one pass over the page for
/// all of them: only pages with problems pay for it, and a minified page with thousands of problems on
/// its one line is still read once.
package enum LinePositions {
    /// Lines longer than this are not copied into diagnostics (a minified page is one line).
    static let longestShownLine = 400

    /// The location of each offset (in any order) of `bytes`, shown as `path`; the column counts
    /// Unicode scalars (a byte-order mark at the start is none), and a line ends at `\n`, `\r\n` or a
    /// lone `\r`, as HTML's do.
    package static func locations(of offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [SourceLocation] {
        var result = [SourceLocation](repeating: SourceLocation(path: path), count: offsets.count)
        let count = bytes.count
        let hasMark = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        // Where the current line starts, and the column of the byte at `cursor` on it.
        var line = 1, lineStart = hasMark ? 3 : 0, cursor = lineStart, column = 1
        // The current line's text, found once for all its offsets.
        var shownLine: (line: Int, text: String?)?
        for position in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = min(max(lineStart, offsets[position]), count)
            while cursor < offset {
                let byte = bytes[cursor]
                cursor += 1
                if byte == 0x0A || byte == 0x0D && (cursor == count || bytes[cursor] != 0x0A) {
                    line += 1
                    lineStart = cursor
                    column = 1
                } else if byte & 0xC0 != 0x80, byte != 0x0D {
                    column += 1
                }
            }
            if shownLine?.line != line {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
                shownLine = (line, lineEnd - lineStart <= longestShownLine
                    ? String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self) : nil)
            }
            result[position] = SourceLocation(path: path, line: line, column: column, lineText: shownLine?.text)
        }
        return result
    }
}
