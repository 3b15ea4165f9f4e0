/// Reads the YAML most content files are, a flat mapping of `name: value` lines, without a YAML
/// parser: composing ten thousand city records through Yams took an eighth of a 10,000-city build.
///
/// It accepts only text whose meaning it is sure of, and gives what Yams gives for it (a test compares
/// the two on every fixture file and on variations): each line `name: value`, the name a plain word,
/// the value plain (letters, digits, spaces and `-._/,()&'+` inside; no YAML indicator first) or in
/// double quotes without escapes; or a line `name:` followed by a block list of such values, one
/// `- value` line each, all indented alike (a declaration's signatories). Anything else (comments,
/// flow lists, nesting, single quotes, escapes, empty values, tabs, a name given twice) returns `nil`,
/// and Yams reads it.
enum FlatYAML {
    /// The mapping's pairs, or `nil` when the text is not that simple.
    static func pairs(_ yaml: String) -> [YAMLNode.Pair]? {
        var pairs: [YAMLNode.Pair] = []
        var names = Set<String>()
        var lineNumber = 0
        // A `name:` line whose list is being read: its key, its items and their indentation.
        var list: (key: YAMLNode, items: [YAMLNode], indent: Int, start: YAMLNode.Position?)?
        func endList() -> Bool {
            guard let open = list else { return true }
            list = nil
            guard let start = open.start, !open.items.isEmpty else { return false }
            pairs.append(.init(key: open.key, value: .sequence(open.items, at: start)))
            return true
        }
        for line in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.allSatisfy({ $0 == 0x20 }) { continue }
            // `list` is changed in place, never through a copy: a copy would make appending copy the items.
            if let indent = list?.indent, let item = Self.item(Substring(line), line: lineNumber, indent: indent) {
                if list?.start == nil {
                    list?.indent = item.indent
                    list?.start = .init(line: lineNumber, column: item.indent + 1)
                }
                list?.items.append(item.value)
                continue
            }
            guard endList() else { return nil }
            if let key = Self.listKey(Substring(line), line: lineNumber) {
                guard names.insert(key.scalarText ?? "").inserted else { return nil }
                list = (key, [], -1, nil)
                continue
            }
            guard let pair = Self.pair(Substring(line), line: lineNumber), names.insert(pair.key.scalarText ?? "").inserted else {
                return nil
            }
            pairs.append(pair)
        }
        guard endList() else { return nil }
        return pairs.isEmpty ? nil : pairs
    }

    /// The key of a line `name:` (nothing after the colon but spaces), which a block list follows.
    private static func listKey(_ line: Substring, line number: Int) -> YAMLNode? {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = bytes[bytes.startIndex..<colon]
        guard let first = name.first, isNameStart(first), name.allSatisfy(isNameByte),
              bytes[bytes.index(after: colon)...].allSatisfy({ $0 == 0x20 }) else { return nil }
        return .scalar(String(decoding: name, as: UTF8.self), isPlain: true, at: .init(line: number, column: 1))
    }

    /// A list item `- value` indented by `indent` spaces (any indentation for the first item, given
    /// as -1), with its indentation; `nil` for any other line.
    private static func item(_ line: Substring, line number: Int, indent: Int) -> (value: YAMLNode, indent: Int)? {
        let bytes = line.utf8
        let spaces = bytes.prefix { $0 == 0x20 }.count
        guard indent < 0 || spaces == indent else { return nil }
        let rest = bytes.dropFirst(spaces)
        guard rest.first == UInt8(ascii: "-"), rest.dropFirst().first == 0x20 else { return nil }
        // The value read as a pair's would be: `- ` stands where `name: ` does.
        guard case .scalar(let text, let isPlain, let position)? = Self.value(rest.dropFirst(), line: number, column: spaces + 2) else {
            return nil
        }
        return (.scalar(text, isPlain: isPlain, at: position), spaces)
    }

    private static func pair(_ line: Substring, line number: Int) -> YAMLNode.Pair? {
        let bytes = line.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = bytes[bytes.startIndex..<colon]
        guard let first = name.first, isNameStart(first), name.allSatisfy(isNameByte) else { return nil }
        let key = YAMLNode.scalar(String(decoding: name, as: UTF8.self), isPlain: true,
                                  at: .init(line: number, column: 1))
        // Columns count Unicode scalars, as libyaml's do; the name is ASCII.
        guard let value = Self.value(bytes[bytes.index(after: colon)...], line: number, column: name.count + 2) else { return nil }
        return .init(key: key, value: value)
    }

    /// The scalar in `bytes` (what follows a `:` or a `-`: a space, maybe more, then the value and
    /// maybe trailing spaces); `column` is that of the first of those bytes (from 1).
    private static func value(_ bytes: Substring.UTF8View.SubSequence, line number: Int, column: Int) -> YAMLNode? {
        var valueStart = bytes.startIndex
        guard valueStart < bytes.endIndex, bytes[valueStart] == 0x20 else { return nil }
        while valueStart < bytes.endIndex, bytes[valueStart] == 0x20 { valueStart = bytes.index(after: valueStart) }
        var valueEnd = bytes.endIndex
        while valueEnd > valueStart, bytes[bytes.index(before: valueEnd)] == 0x20 { valueEnd = bytes.index(before: valueEnd) }
        guard valueStart < valueEnd else { return nil }
        let value = bytes[valueStart..<valueEnd]
        let position = YAMLNode.Position(line: number, column: column + bytes[bytes.startIndex..<valueStart].count)
        if value.first == UInt8(ascii: "\"") {
            guard value.count >= 2, value.last == UInt8(ascii: "\"") else { return nil }
            let inner = value.dropFirst().dropLast()
            guard !inner.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0x7F }) else { return nil }
            let text = String(decoding: inner, as: UTF8.self)
            guard isPrintable(text) else { return nil }
            return .scalar(text, isPlain: false, at: position)
        }
        guard let head = value.first, isPlainStart(head), value.allSatisfy(isPlainByte) else { return nil }
        let text = String(decoding: value, as: UTF8.self)
        guard isPrintable(text) else { return nil }
        return .scalar(text, isPlain: true, at: position)
    }

    /// Whether libyaml takes every character of `text` as an ordinary printable one: not a C1 control,
    /// not U+FFFE or U+FFFF (which it refuses), not NEL or a Unicode line or paragraph separator (which
    /// YAML reads as line breaks), not a byte-order mark.
    private static func isPrintable(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } || text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            // U+FEFF too: libyaml drops it where a value starts, and a value holding one is left to Yams.
            return !(0x80...0x9F).contains(value) && value != 0x2028 && value != 0x2029 && value != 0xFFFE && value != 0xFFFF
                && value != 0xFEFF
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
