import Testing
@testable import CityPressCheck

/// Where a page's problems are, as a person reads the page: lines ending as HTML's do, columns in
/// characters, and a minified page's thousands of problems on one line found in one reading.
@Suite struct LinePositionsTests {
    func located(_ text: String, _ offsets: [Int]) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            LinePositions.locations(of: offsets, in: buffer, path: "a.html").map { "\($0.line):\($0.column) \($0.lineText ?? "-")" }
        }
    }

    @Test func linesEndAsInHTMLAndAByteOrderMarkIsNoColumn() {
        // `\n`, `\r\n` and a lone `\r` each end a line; `é` is one column.
        let text = "ab\ncé\r\nde\rfg"
        #expect(located(text, [1, 5, 9, 11, 12]) == ["1:2 ab", "2:3 cé", "3:2 de", "4:1 fg", "4:2 fg"])
        #expect(located("\u{FEFF}<p>x", [3, 6]) == ["1:1 <p>x", "1:4 <p>x"])
        // On the `\n` of a `\r\n`, beyond the end, before the start, after a lone `\r` at the end, in nothing.
        #expect(located("ab\r\ncd", [3, 99, -5]) == ["1:3 ab", "2:3 cd", "1:1 ab"])
        #expect(located("ab\r", [3]) == ["2:1 "])
        #expect(located("", [0]) == ["1:1 "])
    }

    @Test func manyOffsetsOnOneLineEachGetTheirColumn() {
        let line = String(repeating: "<a href=x>é</a>", count: 3_000)
        let offsets = (0..<3_000).reversed().map { $0 * Array("<a href=x>é</a>".utf8).count }
        let found = Array(line.utf8).withUnsafeBufferPointer { LinePositions.locations(of: offsets, in: $0, path: "a.html") }
        #expect(found.allSatisfy { $0.line == 1 && $0.lineText == nil })
        // In the order asked for: the last link first, 15 characters (16 bytes) apart.
        #expect(found.map(\.column) == (0..<3_000).reversed().map { $0 * 15 + 1 })
    }
}
