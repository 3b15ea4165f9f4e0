/// Reads the YAML most content files are, a flat mapping of `name: value` lines, without a YAML
/// parser: composing ten thousand city records through Yams took an eighth of a 10,000-city build.
///
/// It accepts only text whose meaning it is sure of, and gives what Yams gives for it (a test compares
/// the two on every fixture file and on variations): each line `name: value`, the name a plain word,
/// the value plain (letters, digits, spaces and `-._/,()&'+` inside; no YAML indicator first) or in
/// double quotes without escapes. Anything else (comments, lists, nesting, single quotes, escapes,
/// empty values, tabs, a name given twice) returns `nil`, and Yams reads it.
enum FlatYAML {
    /// The mapping's pairs, or `nil` when the text is not that simple.
    static func pairs(_ yaml: String) -> [YAMLNode.Pair]? {
        var pairs: [YAMLNode.Pair] = []
        var names = Set<String>()
        var lineNumber = 0
        for line in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.allSatisfy({ $0 == 0x20 }) { continue }
            guard let pair = Self.pair(Substring(line), line: lineNumber), names.insert(pair.key.scalarText ?? "").inserted else {
                return nil
            }
            pairs.append(pair)
        }
        return pairs.isEmpty ? nil : pairs
    }

    private static func pair(_ line: Substring, line number: Int) -> YAMLNode.Pair? {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = bytes[bytes.startIndex..<colon]
        guard let first = name.first, isNameStart(first), name.allSatisfy(isNameByte) else { return nil }
        var valueStart = bytes.index(after: colon)
        guard valueStart < bytes.endIndex, bytes[valueStart] == 0x20 else { return nil }
        while valueStart < bytes.endIndex, bytes[valueStart] == 0x20 { valueStart = bytes.index(after: valueStart) }
        var valueEnd = bytes.endIndex
        while valueEnd > valueStart, bytes[bytes.index(before: valueEnd)] == 0x20 { valueEnd = bytes.index(before: valueEnd) }
        guard valueStart < valueEnd else { return nil }
        let value = bytes[valueStart..<valueEnd]
        // Columns count Unicode scalars, as libyaml's do; the name is ASCII.
        let column = name.count + 1 + bytes[colon..<valueStart].count
        let key = YAMLNode.scalar(String(decoding: name, as: UTF8.self), isPlain: true,
                                  at: .init(line: number, column: 1))
        let position = YAMLNode.Position(line: number, column: column)
        if value.first == UInt8(ascii: "\"") {
            guard value.count >= 2, value.last == UInt8(ascii: "\"") else { return nil }
            let inner = value.dropFirst().dropLast()
            guard !inner.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0x7F }) else { return nil }
            let text = String(decoding: inner, as: UTF8.self)
            guard isPrintable(text) else { return nil }
            return .init(key: key, value: .scalar(text, isPlain: false, at: position))
        }
        guard let head = value.first, isPlainStart(head), value.allSatisfy(isPlainByte) else { return nil }
        let text = String(decoding: value, as: UTF8.self)
        guard isPrintable(text) else { return nil }
        return .init(key: key, value: .scalar(text, isPlain: true, at: position))
    }

    /// Whether libyaml takes every character of `text` as an ordinary printable one: not a C1 control,
    /// not U+FFFE or U+FFFF (which it refuses), not NEL or a Unicode line or paragraph separator (which
    /// YAML reads as line breaks).
    private static func isPrintable(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } || text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return !(0x80...0x9F).contains(value) && value != 0x2028 && value != 0x2029 && value != 0xFFFE && value != 0xFFFF
        }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// A plain value's first byte: a letter, a digit or any non-ASCII character; never an indicator.
    private static func isPlainStart(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte >= 0x80
    }

    /// Bytes a plain value may hold that no YAML rule reads specially here (`: ` and ` #` cannot occur:
    /// neither `:` nor `#` is allowed).
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 || isNameByte(byte) { return true }
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "+"): return true
        default: return false
        }
    }
}
