// Trimming that every reader of source text needs, without Foundation's character sets.
extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    package func trimmingWhitespace() -> String {
        // Most values start and end with a visible ASCII character: nothing to trim, nothing to copy.
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }

    /// An ASCII byte that is not white space (`isWhitespace` of every other ASCII scalar).
    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}


extension Substring {
    /// The text without trailing spaces and tabs.
    package func trimmingTrailingSpaces() -> Substring {
        // By bytes, which is by characters when what is left ends in ASCII: only after some non-ASCII
        // scalars (a prepended mark, U+0600) does a space belong to the character before it.
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == UInt8(ascii: " ") || utf8[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        guard end != utf8.endIndex, end > utf8.startIndex, utf8[utf8.index(before: end)] >= 0x80 else { return self[startIndex..<end] }
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
