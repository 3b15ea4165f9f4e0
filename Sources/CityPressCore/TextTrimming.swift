// Trimming that every reader of source text needs, without Foundation's character sets.
extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}


extension Substring {
    /// The text without trailing spaces and tabs.
    package func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
