import CityPressCore

/// The interface of one language, resolved once per build from its tables: every phrase by key (an
/// array indexed by `TextKey`), its plural rule, its month names and date patterns. What pages ask it
/// for (`count(.countCities, 3)`, `date(d)`) is an array index and a walk over a phrase's parts.
public struct Interface: Sendable, Hashable {
    /// The BCP 47 tag of the language (`fr`, `en-GB`): the site's or the version's.
    public let language: String
    /// Its name in itself (`Français`).
    public let name: String
    public let direction: TextDirection
    public let pluralRule: PluralRule
    /// How it writes thousands in counts.
    public let numbers: NumberGrouping
    /// Phrases by `TextKey.rawValue`.
    private let phrases: [Phrase]
    /// Each phrase's `other` form as text, by `TextKey.rawValue`: what templates print.
    public let texts: [String]
    private let months: [String]
    private let monthsInDates: [String]
    private let firstDay: String?
    private let datePatterns: [Phrase]
    /// Each table's `language_names`, in the order of `tables`, and the table each phrase came from
    /// (by `TextKey.rawValue`; -1 for none): a phrase names a language as its own table does, so that a
    /// French phrase says "anglais" and an English one, standing in for a missing French phrase, "English".
    private let languageNames: [[String: String]]
    private let phraseTables: [Int]

    /// The interface made of `tables`, the most specific last (English's built-in table first, then
    /// the language's built-in table, then the site's own files): each key from the last table that has it.
    public init(language: String, tables: [InterfaceTable]) {
        self.language = language
        func last<T>(_ field: (InterfaceTable) -> T?) -> T? { tables.reversed().lazy.compactMap(field).first }
        name = last(\.name) ?? language
        direction = last(\.direction) ?? .leftToRight
        pluralRule = PluralRule(language: language)
        numbers = NumberGrouping(language: language)
        let months = last(\.months) ?? Self.englishMonths
        self.months = months
        monthsInDates = last(\.monthsGenitive) ?? months
        firstDay = last(\.firstDay)
        datePatterns = InterfaceTable.DatePattern.allCases.map { pattern in
            last { $0.datePatterns[pattern] } ?? Phrase(Self.englishDatePattern(pattern))
        }
        let phraseTables = TextKey.allCases.map { key in tables.lastIndex { $0.texts[key] != nil } ?? -1 }
        let phrases = zip(TextKey.allCases, phraseTables).map { key, table in table >= 0 ? tables[table].texts[key] ?? Phrase("") : Phrase("") }
        self.phrases = phrases
        self.phraseTables = phraseTables
        languageNames = tables.map(\.languageNames)
        texts = phrases.map { $0.text() }
    }

    /// The name of the language `tag` (`en-GB`) as `key`'s phrase writes it (`anglais` in a French phrase),
    /// from the `language_names` of the table the phrase came from; `nil` when that table has none for it.
    public func languageName(_ tag: String, in key: TextKey) -> String? {
        let table = phraseTables[key.rawValue]
        guard languageNames.indices.contains(table) else { return nil }
        let names = languageNames[table], lowered = tag.lowercased()
        return names[lowered] ?? lowered.split(separator: "-").first.flatMap { names[String($0)] }
    }

    /// The phrase of `key` with its placeholders filled.
    public func text(_ key: TextKey, _ values: (String, String)...) -> String {
        phrases[key.rawValue].text(.other, values)
    }

    /// The phrase of `key` in the form for `count`, `{count}` being the number.
    public func count(_ key: TextKey, _ count: Int, _ values: (String, String)...) -> String {
        phrases[key.rawValue].text(pluralRule.category(count), [("count", numbers.text(count))] + values)
    }

    /// The forms of `key`'s phrase by plural category, placeholders left as written (`{count} results`),
    /// for a script that chooses the form itself; one form, `other`, for a phrase without forms.
    public func forms(_ key: TextKey) -> [(category: PluralCategory, text: String)] {
        let phrase = phrases[key.rawValue]
        guard phrase.isPlural else { return [(.other, phrase.text(.other))] }
        return PluralCategory.allCases.map { ($0, phrase.text($0)) }
    }

    /// The parts of `key`'s phrase (its `other` form), for text made of more than words (CSS counters).
    public func parts(_ key: TextKey) -> [Phrase.Part] {
        phrases[key.rawValue].forms.last ?? []  // `other` is the last category
    }

    /// `items` joined as the language lists them: `a, b and c`.
    public func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: text(.listSeparator)) + text(.listLastSeparator) + last
    }

    /// `date` written out: `15 November 2022`, `1er mai 2024`, `15 listopada 2022`.
    public func date(_ date: CalendarDate) -> String {
        datePatterns[0].text(.other, [("day", day(date.day)), ("month", monthsInDates[date.month - 1]), ("year", String(date.year))])
    }

    /// A span of days: `15–16 November 2022`, `30 September – 2 October 2023`.
    public func span(from start: CalendarDate, to end: CalendarDate?) -> String {
        guard let end, end != start else { return date(start) }
        if start.year == end.year && start.month == end.month {
            return datePatterns[2].text(.other, [("from", day(start.day)), ("to", day(end.day)),
                                                  ("month", monthsInDates[end.month - 1]), ("year", String(end.year))])
        }
        let from = start.year == end.year
            ? datePatterns[1].text(.other, [("day", day(start.day)), ("month", monthsInDates[start.month - 1])])
            : date(start)
        return datePatterns[3].text(.other, [("from", from), ("to", date(end))])
    }

    /// The month `number` (1 for January) as a name standing alone.
    public func month(_ number: Int) -> String {
        months.indices.contains(number - 1) ? months[number - 1] : String(number)
    }

    private func day(_ day: Int) -> String {
        if day == 1, let firstDay { return firstDay }
        return String(day)
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    static func englishDatePattern(_ pattern: InterfaceTable.DatePattern) -> String {
        switch pattern {
        case .date: "{day} {month} {year}"
        case .dayMonth: "{day} {month}"
        case .sameMonth: "{from}–{to} {month} {year}"
        case .span: "{from} – {to}"
        }
    }
}
