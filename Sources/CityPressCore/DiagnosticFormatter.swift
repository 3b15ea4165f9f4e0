/// Turns diagnostics into the text a terminal (or the preview's error page) shows.
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour severities with ANSI escapes.
    public var useColor: Bool

    /// How the program running the library words each remedy (`pass --force to replace it`);
    /// remedies missing here get their `defaultAdvice`.
    public var remedies: [Remedy: String]

    /// Creates a formatter.
    public init(useColor: Bool = false, remedies: [Remedy: String] = [:]) {
        self.useColor = useColor
        self.remedies = remedies
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
        if let remedy = diagnostic.remedy {
            lines.append("note: \(remedies[remedy] ?? remedy.defaultAdvice)")
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
