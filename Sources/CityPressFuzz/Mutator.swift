/// Mutates the bytes of a content file or template: byte flips, insertions, deletions, repeats and
/// splices, and above all tokens of the formats involved (front matter fences, YAML indicators,
/// Mustache tags, Markdown markers), so that most cases still get past the first parser.
public struct Mutator: Sendable {
    /// Pieces of YAML, Markdown, Mustache and text that parsers treat specially.
    static let tokens: [[UInt8]] = [
        "---\n", "\n---\n", "---", ": ", ":", "- ", "\n  - ", "\n- ", "  ", "\t", "\n", "\r\n", "\r", "#", "# ",
        "&a ", "*a", "<<: *a\n", "!!binary ", "!!int ", "!tag ", "? ", "|\n  ", ">-\n  ", "'", "\"", "\\", "[", "]",
        "{", "}", ",", "~", "null", "true", "0x", "1e999", "-1", "99999999999999999999", "2022-02-30", "0000-00-00",
        "9999-12-31", "2021-13-01", "%YAML 1.2\n", "...\n", "{city: ", "endorsed: ", "signatories:\n", "title: ",
        "draft: true\n", "city: ", "slug: ", "country: ", "kind: ", "base_url: ", "language: ",
        "{{", "}}", "{{#", "{{/", "{{^", "{{>", "{{{", "}}}", "{{&", "{{!", "{{=<% %>=}}", "{{=| |=}}", "{{.}}",
        "{{#title}}", "{{/title}}", "{{> layout}}", "{{> site-header}}", "{{title}}", "{{#pages}}", "{{/pages}}",
        "{{$main}}", "{{/main}}", "{{$main}}{{/main}}", "{{<layout}}", "{{/layout}}", "{{{name}}}", "{{{html}}}",
        "1. ", "2. ", "99999999999. ", "* ", "> ", "```", "    ", "[x](", ")", "](#commitment-1)", "](/cities/",
        "](/declarations/", "<script>", "</html>", "<!--", "-->", "&amp;", "&#0;", "&#x110000;",
        "\u{0}", "\u{FEFF}", "\u{202E}", "é", "Ł", "𝔘", "\u{301}", "\u{FFFD}", aliasBomb,
    ].map { Array($0.utf8) }

    /// Nine lines of YAML, each aliasing the line before nine times: 9⁹ values once expanded (a new
    /// user's test hung the build with these before anchors were refused).
    static let aliasBomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + (1...9).map { level in
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }.joined()

    /// Bytes that are not UTF-8 on their own.
    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// Other files of the corpus, for splices.
    public var corpus: [[UInt8]]

    public init(corpus: [[UInt8]]) {
        self.corpus = corpus
    }

    /// `input` with 1 to 6 mutations, capped at 256 KiB.
    public func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            mutateOnce(&bytes, using: &generator)
        }
        return bytes.count > 262_144 ? Array(bytes.prefix(262_144)) : bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
        let token = Self.tokens.randomElement(using: &generator) ?? []
        switch Int.random(in: 0..<11, using: &generator) {
        case 0 where !bytes.isEmpty:  // flip a bit
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &generator)
        case 1:  // a random byte
            bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        case 2 where !bytes.isEmpty:  // delete a range
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
            bytes.removeSubrange(min(position, end)..<end)
        case 3 where !bytes.isEmpty:  // duplicate a range
            let end = min(bytes.count, position + Int.random(in: 1...128, using: &generator))
            bytes.insert(contentsOf: bytes[min(position, end)..<end], at: min(position, end))
        case 4:  // a token repeated many times: deep nesting, long lines
            let count = [2, 10, 100, 1_000, 10_000].randomElement(using: &generator) ?? 2
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: count).joined()), at: position)
        case 5 where !bytes.isEmpty:  // replace a range by a token
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
            bytes.replaceSubrange(min(position, end)..<end, with: token)
        case 6:  // splice a piece of another file
            guard let other = corpus.randomElement(using: &generator), !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &generator)
            let end = min(other.count, start + Int.random(in: 1...512, using: &generator))
            bytes.insert(contentsOf: other[start..<end], at: position)
        case 7:  // bytes that are not UTF-8
            bytes.insert(contentsOf: Self.invalidUTF8.randomElement(using: &generator) ?? [], at: position)
        case 8 where !bytes.isEmpty:  // swap two lines
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard lines.count > 1 else { return }
            lines.swapAt(Int.random(in: 0..<lines.count, using: &generator), Int.random(in: 0..<lines.count, using: &generator))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 9 where bytes.count > 1:  // cut the file short
            bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &generator)...)
        default:  // a token
            bytes.insert(contentsOf: token, at: position)
        }
    }
}
