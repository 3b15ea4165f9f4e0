/// One phrase of an interface table, parsed once when the table is read: literal text and `{name}`
/// placeholders, in one form or in one form per plural category. Pages fill placeholders by walking
/// the parts; no phrase is parsed or looked up by its key's string while pages render.
public struct Phrase: Sendable, Hashable {
    /// A piece of a phrase: text as it is, or a placeholder that CityPress fills.
    public enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// Forms by `PluralCategory` (in `allCases` order); one form, repeated, for a phrase without forms.
    let forms: [[Part]]
    /// Whether the phrase has forms by number.
    public let isPlural: Bool

    /// A phrase without forms: `text` with its `{name}` placeholders.
    public init(_ text: String) {
        let parts = Self.parts(of: text)
        forms = Array(repeating: parts, count: PluralCategory.allCases.count)
        isPlural = false
    }

    /// A phrase with a text per plural category; a missing category takes `other`'s text (or the
    /// first given, when `other` is missing too).
    public init(forms texts: [PluralCategory: String]) {
        let fallback = texts[.other] ?? PluralCategory.allCases.lazy.compactMap { texts[$0] }.first ?? ""
        forms = PluralCategory.allCases.map { Self.parts(of: texts[$0] ?? fallback) }
        isPlural = true
    }

    /// The parts of `text`: `{name}` (letters only) is a placeholder; any other brace is text.
    static func parts(of text: String) -> [Part] {
        var parts: [Part] = [], literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "{", let close = text[index...].firstIndex(of: "}") {
                let name = text[text.index(after: index)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                    parts.append(.placeholder(String(name)))
                    index = text.index(after: close)
                    continue
                }
            }
            literal.append(text[index])
            index = text.index(after: index)
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// The form for `category`, its placeholders filled from `values` (name, text); a placeholder
    /// without a value is left as written, so a mistake shows on the page rather than vanishing.
    public func text(_ category: PluralCategory = .other, _ values: [(String, String)] = []) -> String {
        let parts = forms[Self.index(of: category)]
        if parts.count == 1, case .literal(let text) = parts[0] { return text }
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .placeholder(let name):
                result += values.first { $0.0 == name }?.1 ?? "{\(name)}"
            }
        }
        return result
    }

    /// The parts of the form for `category`.
    public func parts(_ category: PluralCategory) -> [Part] { forms[Self.index(of: category)] }

    /// Whether every form is empty or only spaces.
    public var isEmpty: Bool {
        forms.allSatisfy { form in
            form.allSatisfy { if case .literal(let text) = $0 { text.allSatisfy(\.isWhitespace) } else { false } }
        }
    }

    /// The placeholders the phrase's forms use.
    public var placeholders: Set<String> {
        var names: Set<String> = []
        for form in forms { for case .placeholder(let name) in form { names.insert(name) } }
        return names
    }

    private static func index(of category: PluralCategory) -> Int {
        switch category {
        case .zero: 0
        case .one: 1
        case .two: 2
        case .few: 3
        case .many: 4
        case .other: 5
        }
    }
}
