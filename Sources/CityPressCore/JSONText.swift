/// JSON string literals, written byte by byte (the data files, the JSON Schema, structured data in
/// pages): deterministic, and fast enough for tables of ten thousand cities.
package enum JSONText {
    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, every
    /// other character as UTF-8. `<` is escaped too (`\u003c`), so the same text can sit inside an
    /// HTML `<script>` element without ending it.
    /// Inlinable so that each caller's output type is specialized: called for every cell of tables of
    /// hundreds of thousands of rows, through a protocol it cost more than the rest of the data files.
    @inlinable
    package static func appendString(_ text: String, to bytes: inout some ByteOutput) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 32 || $0 == UInt8(ascii: "\"") || $0 == 92 || $0 == UInt8(ascii: "<") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
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
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal.
    @inlinable
    package static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
