/// JSON string literals, written by hand where the order of a file's lines matters (the manifest, the
/// change list): `JSONEncoder` sorts keys but cannot put one entry per line.
package enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    package static func quoted(_ text: String) -> String {
        // Most texts (every generated path) need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `items` as a JSON array of strings, one per line.
    package static func array(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { "  " + quoted($0) }.joined(separator: ",\n") + "\n]"
    }
}
