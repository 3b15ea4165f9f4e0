/// Where each line of a template's bytes starts, and how many Unicode scalars come before every
/// 64th byte, so the parser can give every tag its line and column in constant time, in any order
/// (counting from the line's start would make a long line of tags quadratic, a 10 KB line taking 1 s,
/// and closing tags of deeply nested sections, asked from last to first, as long).
struct TemplateLineIndex {
    private static let stride = 64
    private let bytes: [UInt8]
    /// The offset of the first byte of each line; line 1 starts at 0. Lines end at `\n`.
    private let lineStarts: [Int]
    /// `scalarsBefore[i]`: the scalars in `bytes[0 ..< i * stride]`.
    private let scalarsBefore: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        for index in bytes.indices {
            if index > 0, index % Self.stride == 0 { checkpoints.append(scalars) }
            let byte = bytes[index]
            // A scalar starts at every byte that is not a UTF-8 continuation byte (10xxxxxx).
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        lineStarts = starts
        scalarsBefore = checkpoints
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
        return TemplatePosition(line: low + 1, column: scalars(before: offset) - scalars(before: lineStarts[low]) + 1)
    }

    /// The scalars in `bytes[0 ..< offset]`: from the checkpoint at or before it, at most 63 bytes counted.
    private func scalars(before offset: Int) -> Int {
        let checkpoint = min(offset / Self.stride, scalarsBefore.count - 1)
        let from = checkpoint * Self.stride
        return scalarsBefore[checkpoint] + bytes[from..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
