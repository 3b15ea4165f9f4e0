#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level differences between what editors save: line breaks of every platform and
/// byte-order marks. Files are turned into one form (UTF-8, no mark, `\n` breaks) before anything
/// parses them, so every later stage, and every page, is the same whatever editor saved the file.
package enum EditorBytes {
    package static let utf8Mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The encoding a byte-order mark at the start of `bytes` announces, when it is not UTF-8.
    package static func foreignEncoding(of bytes: [UInt8]) -> String? {
        // UTF-32 first: its little-endian mark starts with UTF-16's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return nil
    }

    /// Whether text with a NUL byte at `offset` looks like UTF-16 saved without a byte-order mark:
    /// ASCII letters alternating with NUL bytes.
    package static func looksLikeUTF16(_ bytes: [UInt8], nulAt offset: Int) -> Bool {
        let window = bytes[max(0, offset - 8)..<min(bytes.count, offset + 8)]
        return window.filter { $0 == 0 }.count * 3 >= window.count
    }

    /// The offset of the first byte that is `byte`, found with `memchr` (files are scanned whole).
    package static func firstOffset(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, !buffer.isEmpty,
                  let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Turns `\r\n` and lone `\r` into `\n`. Files without a `\r` (most) are left untouched
    /// after one `memchr`.
    package static func normalizeLineBreaks(_ bytes: inout [UInt8]) {
        guard let first = firstOffset(of: 0x0D, in: bytes) else { return }
        let count = bytes.count
        var read = first, write = first
        while read < count {
            let byte = bytes[read]
            read += 1
            if byte == 0x0D {
                bytes[write] = 0x0A
                if read < count, bytes[read] == 0x0A { read += 1 }
            } else {
                bytes[write] = byte
            }
            write += 1
        }
        bytes.removeLast(count - write)
    }

    /// The 1-based line and column (in Unicode scalars) of the byte at `offset`, and its line's
    /// text, counting `\n`, `\r\n` and `\r` as line breaks, for reports on bytes not yet normalized.
    package static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int, text: String) {
        var line = 1, lineStart = 0, index = 0
        while index < offset {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < offset, bytes[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D {
                line += 1
                lineStart = index
            }
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        let lineEnd = bytes[offset...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
        // Control characters would act on the terminal; show their pictures (␀), one scalar each,
        // so the caret stays under the column.
        var text = ""
        for scalar in String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).unicodeScalars {
            let isControl = scalar.value < 0x20 && scalar != "\t"
            text.unicodeScalars.append(isControl ? Unicode.Scalar(0x2400 + scalar.value) ?? "?" : scalar)
        }
        return (line, column, text)
    }
}
