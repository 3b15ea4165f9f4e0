/// Turns diagnostics into the text a terminal (or the preview's error page) shows.
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour severities with ANSI escapes.
    public var useColor: Bool

    /// Creates a formatter.
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// The diagnostic as compiler-style lines: the header, the source line, a caret, then notes.
    public func format(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        let severity = diagnostic.severity.rawValue
        let coloured: String
        if useColor {
            let code = diagnostic.severity == .error ? "31" : "33"
            coloured = "\u{1B}[1;\(code)m\(severity):\u{1B}[0m"
        } else {
            coloured = "\(severity):"
        }
        let prefix = diagnostic.location.map { "\($0): " } ?? "citypress: "
        lines.append("\(prefix)\(coloured) \(diagnostic.message)")
        if let location = diagnostic.location, let text = location.lineText, location.line > 0 {
            lines.append(text)
            if location.column > 0 {
                lines.append(caretLine(under: text, column: location.column))
            }
        }
        for note in diagnostic.notes {
            lines.append("note: \(note)")
        }
        return lines.joined(separator: "\n")
    }

    /// All diagnostics, separated by line breaks, in display order.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedForDisplay().map { format($0) }.joined(separator: "\n")
    }

    /// Spaces (tabs kept as tabs, so the caret lines up) up to the column, then `^`.
    private func caretLine(under text: String, column: Int) -> String {
        var pad = ""
        for (index, scalar) in text.unicodeScalars.enumerated() where index < column - 1 {
            pad.append(scalar == "\t" ? "\t" : " ")
        }
        return pad + "^"
    }
}
