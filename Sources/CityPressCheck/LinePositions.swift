import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns byte offsets of a page into the line and column a person reads, in one pass over the page for
/// all of them: only pages with problems pay for it.
package enum LinePositions {
    /// Lines longer than this are not copied into diagnostics (a minified page is one line).
    static let longestShownLine = 400

    /// The location of each offset (in any order) of `bytes`, shown as `path`; the column counts
    /// Unicode scalars, a line ends at `\n` (so `\r\n` counts once).
    package static func locations(of offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [SourceLocation] {
        var result = [SourceLocation](repeating: SourceLocation(path: path), count: offsets.count)
        guard let base = bytes.baseAddress else { return result }
        var line = 1, lineStart = 0
        for position in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            let offset = min(max(0, offsets[position]), bytes.count)
            while lineStart < offset, let found = memchr(base + lineStart, 0x0A, offset - lineStart) {
                line += 1
                lineStart = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            var column = 1
            for byte in bytes[lineStart..<offset] where byte & 0xC0 != 0x80 { column += 1 }
            let lineEnd = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            var text: String?
            if lineEnd - lineStart <= longestShownLine {
                var shown = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
                if shown.hasSuffix("\r") { shown.removeLast() }
                text = shown
            }
            result[position] = SourceLocation(path: path, line: line, column: column, lineText: text)
        }
        return result
    }
}
