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
        // Read through a pointer to the text's bytes, by offsets: ten thousand small files and lists of
        // thousands of items went through `String.UTF8View` indexes a fifth slower.
        var yaml = yaml
        return yaml.withUTF8 { pairs(bytes: $0) }
    }

    private static func pairs(bytes: UnsafeBufferPointer<UInt8>) -> [YAMLNode.Pair]? {
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
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = lineStart..<lineEnd
            lineStart = lineEnd + 1
            lineNumber += 1
            if bytes[line].allSatisfy({ $0 == 0x20 }) { continue }
            // `list` is changed in place, never through a copy: a copy would make appending copy the items.
            if let indent = list?.indent, let item = Self.item(bytes, line, line: lineNumber, indent: indent) {
                if list?.start == nil {
                    list?.indent = item.indent
                    list?.start = .init(line: lineNumber, column: item.indent + 1)
                }
                list?.items.append(item.value)
                continue
            }
            guard endList() else { return nil }
            if let key = Self.listKey(bytes, line, line: lineNumber) {
                guard names.insert(key.scalarText ?? "").inserted else { return nil }
                list = (key, [], -1, nil)
                continue
            }
            guard let pair = Self.pair(bytes, line, line: lineNumber), names.insert(pair.key.scalarText ?? "").inserted else {
                return nil
            }
            pairs.append(pair)
        }
        guard endList() else { return nil }
        return pairs.isEmpty ? nil : pairs
    }

    /// The text of `range` of `bytes`.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Where the name of a `name:` or `name: value` line ends (at its colon), if the line has one.
    private static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")), colon > line.lowerBound,
              isNameStart(bytes[line.lowerBound]), bytes[line.lowerBound..<colon].allSatisfy(isNameByte) else { return nil }
        return colon
    }

    /// The key of a line `name:` (nothing after the colon but spaces), which a block list follows.
    private static func listKey(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, line number: Int) -> YAMLNode? {
        guard let colon = nameEnd(bytes, line), bytes[(colon + 1)..<line.upperBound].allSatisfy({ $0 == 0x20 }) else { return nil }
        return .scalar(text(bytes, line.lowerBound..<colon), isPlain: true, at: .init(line: number, column: 1))
    }

    /// A list item `- value` indented by `indent` spaces (any indentation for the first item, given
    /// as -1), with its indentation; `nil` for any other line.
    private static func item(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, line number: Int,
                             indent: Int) -> (value: YAMLNode, indent: Int)? {
        var dash = line.lowerBound
        while dash < line.upperBound, bytes[dash] == 0x20 { dash += 1 }
        let spaces = dash - line.lowerBound
        guard indent < 0 || spaces == indent else { return nil }
        guard dash + 1 < line.upperBound, bytes[dash] == UInt8(ascii: "-"), bytes[dash + 1] == 0x20 else { return nil }
        // The value read as a pair's would be: `- ` stands where `name: ` does.
        guard case .scalar(let text, let isPlain, let position)? = Self.value(bytes, (dash + 1)..<line.upperBound,
                                                                             line: number, column: spaces + 2) else {
            return nil
        }
        return (.scalar(text, isPlain: isPlain, at: position), spaces)
    }

    private static func pair(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, line number: Int) -> YAMLNode.Pair? {
        guard let colon = nameEnd(bytes, line) else { return nil }
        let key = YAMLNode.scalar(text(bytes, line.lowerBound..<colon), isPlain: true, at: .init(line: number, column: 1))
        // Columns count Unicode scalars, as libyaml's do; the name is ASCII.
        guard let value = Self.value(bytes, (colon + 1)..<line.upperBound, line: number,
                                     column: colon - line.lowerBound + 2) else { return nil }
        return .init(key: key, value: value)
    }

    /// The scalar in `range` of `bytes` (what follows a `:` or a `-`: a space, maybe more, then the value
    /// and maybe trailing spaces); `column` is that of the first of those bytes (from 1).
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line number: Int, column: Int) -> YAMLNode? {
        guard range.lowerBound < range.upperBound, bytes[range.lowerBound] == 0x20 else { return nil }
        var valueStart = range.lowerBound
        while valueStart < range.upperBound, bytes[valueStart] == 0x20 { valueStart += 1 }
        var valueEnd = range.upperBound
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 { valueEnd -= 1 }
        guard valueStart < valueEnd else { return nil }
        let position = YAMLNode.Position(line: number, column: column + valueStart - range.lowerBound)
        if bytes[valueStart] == UInt8(ascii: "\"") {
            guard valueEnd - valueStart >= 2, bytes[valueEnd - 1] == UInt8(ascii: "\"") else { return nil }
            let inner = (valueStart + 1)..<(valueEnd - 1)
            guard !bytes[inner].contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0x7F }) else {
                return nil
            }
            let text = text(bytes, inner)
            guard isPrintable(text) else { return nil }
            return .scalar(text, isPlain: false, at: position)
        }
        guard isPlainStart(bytes[valueStart]), bytes[valueStart..<valueEnd].allSatisfy(isPlainByte) else { return nil }
        let text = text(bytes, valueStart..<valueEnd)
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
