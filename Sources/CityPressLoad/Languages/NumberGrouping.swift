/// How a language writes a whole number's thousands (`3,000` in English, `3 000` in French), from
/// CLDR's number symbols with Latin digits: the group separator, and the fewest digits before the first
/// one (Polish writes `3000` but `30 000`). A language not listed writes numbers without separators,
/// which is never wrong where `,` or `.` would be read as a decimal point.
public struct NumberGrouping: Sendable, Hashable {
    let separator: String?
    let minimumDigits: Int

    /// The grouping of the language tagged `language` (its primary subtag decides).
    public init(language: String) {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        switch primary {
        case "en", "ar": (separator, minimumDigits) = (",", 4)
        case "fr": (separator, minimumDigits) = ("\u{202F}", 4)
        case "de": (separator, minimumDigits) = (".", 4)
        case "pl": (separator, minimumDigits) = ("\u{00A0}", 5)
        default: (separator, minimumDigits) = (nil, 0)
        }
    }

    /// `count` as the language writes it.
    public func text(_ count: Int) -> String {
        let digits = String(count.magnitude)
        guard let separator, digits.count >= minimumDigits else { return String(count) }
        var grouped = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        return (count < 0 ? "-" : "") + grouped
    }
}
