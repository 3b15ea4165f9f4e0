/// Where each line of a template's bytes starts, so the parser can give every tag its line and
/// column without counting from the top of the file each time.
struct TemplateLineIndex {
    private let bytes: [UInt8]
    /// The offset of the first byte of each line; line 1 starts at 0. Lines end at `\n`.
    private let lineStarts: [Int]
    /// The last position answered: the parser asks in increasing order, so the next column is
    /// counted on from there, not from the line's start (a long line with many tags, a minified
    /// template, would take time quadratic in its length: 1 s for 10 KB found by the fuzzer).
    private let last = LastPosition()

    private final class LastPosition {
        var offset = -1
        var lineIndex = -1
        var scalars = 0
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The 1-based line and column (in Unicode scalars) of the byte at `offset`.
    func position(of offset: Int) -> TemplatePosition {
        let offset = min(max(offset, 0), bytes.count)
        // The last line start at or before `offset`.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var from = lineStarts[low]
        var scalars = 0
        if last.lineIndex == low, last.offset >= from, last.offset <= offset {
            from = last.offset
            scalars = last.scalars
        }
        // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
        scalars += bytes[from..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        (last.offset, last.lineIndex, last.scalars) = (offset, low, scalars)
        return TemplatePosition(line: low + 1, column: scalars + 1)
    }
}
