/// JSON string literals, written byte by byte (the data files, the JSON Schema, structured data in
/// pages): deterministic, and fast enough for tables of ten thousand cities.
package enum JSONText {
    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, every
    /// other character as UTF-8. `<` is escaped too (`\u003c`), so the same text can sit inside an
    /// HTML `<script>` element without ending it.
    @inlinable
    package static func appendString(_ text: String, to bytes: inout [UInt8]) {
        // A native string's bytes are contiguous: scanned and copied through a pointer, not byte by
        // byte through the string's view (the scan was a tenth of a 10,000-city build).
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendString(utf8: $0, to: &bytes) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendString(utf8: $0, to: &bytes) } }
    }

    /// `appendString` for the UTF-8 bytes of a text.
    @inlinable
    package static func appendString(utf8 text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(utf8: text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// One JSON string of the text `first` followed by the text `second` (a base URL and a path), without
    /// joining them first.
    @inlinable
    package static func appendString(utf8 first: UnsafeBufferPointer<UInt8>, then second: UnsafeBufferPointer<UInt8>,
                                     to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(utf8: first, to: &bytes)
        appendEscaped(utf8: second, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The UTF-8 bytes of a text as a JSON string's content, escaped where they need it.
    @inlinable
    package static func appendEscaped(utf8 text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // Most texts need no escape: copied whole.
        var clean = true
        for byte in text where needsEscape(byte) {
            clean = false
            break
        }
        if clean {
            bytes.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, UInt8(ascii: "\"")])
            case 92: bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case UInt8(ascii: "<"): bytes.append(contentsOf: "\\u003c".utf8)
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 15)])
            default: bytes.append(byte)
            }
        }
    }

    /// Whether `byte` is written escaped in a JSON string: a control character, `"`, a backslash or `<`.
    @inlinable @inline(__always)
    package static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 32 || byte == UInt8(ascii: "\"") || byte == 92 || byte == UInt8(ascii: "<")
    }

    /// Appends `number` in decimal, without making a string.
    @inlinable
    package static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        guard number != 0 else { bytes.append(UInt8(ascii: "0")); return }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any Int's 19 digits
        var count = 0
        var rest = number.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// `text` as a JSON string literal.
    @inlinable
    package static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
