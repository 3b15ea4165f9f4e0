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
        var cursor = ExcerptCursor()
        return format(diagnostic, cursor: &cursor)
    }

    /// Where the last excerpt of a long line started: diagnostics in display order on one long line
    /// have growing columns, so each excerpt is found by walking on from the last, not from the start.
    struct ExcerptCursor {
        var text: String?
        var index: String.UnicodeScalarView.Index?
        var scalars = 0
    }

    private func format(_ diagnostic: Diagnostic, cursor: inout ExcerptCursor) -> String {
        var lines: [String] = []
        let severity = diagnostic.severity.rawValue
        let coloured: String
        if useColor {
            let code = diagnostic.severity == .error ? "31" : "33"
            coloured = "\u{1B}[1;\(code)m\(severity):\u{1B}[0m"
        } else {
            coloured = "\(severity):"
        }
        // A path or a message may quote a file's name or text: nothing in them reaches the terminal as a control.
        let prefix = Self.printable(diagnostic.location.map { "\($0): " } ?? "citypress: ")
        lines.append("\(prefix)\(coloured) \(Self.printable(diagnostic.message))")
        if let location = diagnostic.location, let text = location.lineText, location.line > 0 {
            let (excerpt, column) = Self.excerpt(of: text, around: location.column - location.lineTextOffset, cursor: &cursor)
            let shown = Self.printable(excerpt)
            lines.append(shown)
            if location.column > 0 {
                lines.append(caretLine(under: shown, column: column))
            }
        }
        for note in diagnostic.notes {
            lines.append("note: \(Self.printable(note))")
        }
        if let remedy = diagnostic.remedy {
            lines.append("note: \(remedies[remedy] ?? remedy.defaultAdvice)")
        }
        return lines.joined(separator: "\n")
    }

    /// All diagnostics, separated by line breaks, in display order.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var cursor = ExcerptCursor()
        return diagnostics.sortedForDisplay().map { format($0, cursor: &cursor) }.joined(separator: "\n")
    }

    /// `text` with the control characters a terminal would act on (an escape sequence in a page or a
    /// record could retitle or recolour it, a carriage return overwrite the line) shown as `�`: one
    /// scalar for one, so the caret still lines up. Tabs stay.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { shown.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(shown)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Spaces (tabs kept as tabs, so the caret lines up) up to the column, then `^`: as many as the
    /// terminal gives each character's cells (two for `世`, none for a combining accent).
    private func caretLine(under text: String, column: Int) -> String {
        var pad = ""
        for scalar in text.unicodeScalars.prefix(max(0, column - 1)) {
            if scalar == "\t" {
                pad.append("\t")
            } else {
                pad.append(String(repeating: " ", count: Self.cells(of: scalar)))
            }
        }
        return pad + "^"
    }

    /// The cells a terminal gives `scalar`: 0 for a combining mark or a joiner, 2 for East Asian wide and
    /// fullwidth characters and emoji shown as such, 1 otherwise (as `wcwidth` does).
    static func cells(of scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Lines longer than this many scalars are quoted in part.
    static let longestQuotedLine = 200

    /// The part of a long source line around `column`, cut at `…` marks, and the column in it: a
    /// minified file quoted whole under each of its errors would make reports quadratic in its length
    /// (20,000 errors on one 400 KB line: 8 GB).
    /// (`SourceText` quotes long lines in part already; this is for lines made elsewhere.)
    static func excerpt(of text: String, around column: Int, cursor: inout ExcerptCursor) -> (text: String, column: Int) {
        // Most lines: no scalar counted (a line of 200 scalars has at least 200 bytes).
        guard text.utf8.count > longestQuotedLine else { return (text, column) }
        // Walked, not copied: a line is quoted under each of its errors.
        let scalars = text.unicodeScalars
        let first = max(0, column - 1 - longestQuotedLine / 2)
        var from = (index: scalars.startIndex, scalars: 0)
        if let index = cursor.index, cursor.scalars <= first, cursor.text == text { from = (index, cursor.scalars) }
        guard let start = scalars.index(from.index, offsetBy: first - from.scalars, limitedBy: scalars.endIndex) else {
            return (text, column)
        }
        cursor = ExcerptCursor(text: text, index: start, scalars: first)
        let end = scalars.index(start, offsetBy: longestQuotedLine, limitedBy: scalars.endIndex) ?? scalars.endIndex
        guard first > 0 || end != scalars.endIndex else { return (text, column) }
        var shown = String.UnicodeScalarView()
        if first > 0 { shown.append("…") }
        shown.append(contentsOf: scalars[start..<end])
        if end != scalars.endIndex { shown.append("…") }
        return (String(shown), column - first + (first > 0 ? 1 : 0))
    }
}
