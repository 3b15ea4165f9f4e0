import CityPressCore

/// Which way a language is written: `dir="rtl"` on pages in Arabic or Hebrew.
public enum TextDirection: String, Sendable, Hashable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}

/// One `Templates/i18n/<lang>.yml` file as read: every field optional, since a site's file overrides
/// the built-in table of its language key by key, and a built-in table other than English's may
/// leave keys to English.
public struct InterfaceTable: Sendable, Hashable {
    /// Where the table came from (`Templates/i18n/fr.yml`), for diagnostics.
    public let path: String
    public var language: String?
    /// The language's name in itself (`Français`), for the language switcher.
    public var name: String?
    public var direction: TextDirection?
    /// Month names, January first, as a date's month is written after a day (`November`).
    public var months: [String]?
    /// Month names in the genitive, where the language writes a date so (Polish `15 listopada 2022`).
    public var monthsGenitive: [String]?
    /// The day 1 of a month, where the language writes it apart (French `1er`).
    public var firstDay: String?
    /// `language_names:` other languages' names as a sentence of this language writes them, by BCP 47
    /// tag (`en: anglais`), for phrases that name a language ("Seul le texte en anglais fait foi").
    public var languageNames: [String: String] = [:]
    /// `dates:` patterns by name (`date`, `day_month`, `same_month`, `span`).
    public var datePatterns: [DatePattern: Phrase] = [:]
    /// `text:` phrases by key.
    public var texts: [TextKey: Phrase] = [:]
    /// Where each key of `texts` is written, for diagnostics about it.
    public var locations: [TextKey: SourceLocation] = [:]

    /// An empty table read from `path`.
    public init(path: String) { self.path = path }

    /// The patterns a table writes dates with.
    public enum DatePattern: String, Sendable, Hashable, CaseIterable {
        /// `{day} {month} {year}`.
        case date
        /// `{day} {month}`: the start of a span across months of one year.
        case dayMonth = "day_month"
        /// `{from}–{to} {month} {year}`: a span within one month.
        case sameMonth = "same_month"
        /// `{from} – {to}`: any other span, each end a date or a day and month.
        case span
    }
}
