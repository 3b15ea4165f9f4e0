import CityPressCore
import CityPressLoad
import CityPressMarkdown

/// The resolved site: every record linked to the records it names, in display order.
///
/// Cross-references are indexes into the site's arrays, so the model is one immutable value
/// that every page reads and that can be shared across threads.
public struct Site: Sendable {
    /// `site.yml`, with command-line overrides applied.
    public let config: SiteConfig
    /// Published declarations, newest first (by date, then slug).
    public let declarations: [Declaration]
    /// Every city, A–Z by name (see `CollationKey`).
    public let cities: [City]
    /// Every country that has a city, A–Z by name.
    public let countries: [Country]

    /// Number of commitments across all declarations.
    public var commitmentCount: Int { declarations.reduce(0) { $0 + $1.commitments.count } }
}

/// A declaration with its commitments split out and its signatories resolved.
public struct Declaration: Sendable {
    public let slug: String
    public let title: String
    public let event: String
    public let venue: String
    public let location: String
    public let startDate: CalendarDate
    public let endDate: CalendarDate?
    public let adopted: CalendarDate?
    public let signatoriesAsOf: CalendarDate?
    /// HTML of the body before the commitments.
    public let preambleHTML: String
    /// The numbered commitments.
    public let commitments: [Commitment]
    /// HTML of the body after the commitments.
    public let closingHTML: String
    /// Indexes into `Site.cities`, in the order the source lists them.
    public let signatories: [Int]
    /// Whether the file is marked `draft: true` (built only with `--drafts`).
    public let isDraft: Bool
    /// Every link and image destination of the text, as written, where it is written.
    public let links: [Located<String>]

    /// The date the declaration is filed under: adoption, else the first day of the event.
    public var date: CalendarDate { adopted ?? startDate }
}

/// One numbered commitment of a declaration.
public struct Commitment: Sendable, Hashable {
    /// The number printed in the source (`3`), also the page address.
    public let number: Int
    /// The commitment's paragraphs as HTML.
    public let html: String
    /// The text without markup.
    public let plainText: String
}

/// A city (or region, or district) and what it endorsed.
public struct City: Sendable {
    public let slug: String
    public let name: String
    public let kind: CityKind
    public let subdivision: String?
    /// Its place in A–Z lists (also the letter it is filed under).
    public let sortKey: CollationKey
    /// Index into `Site.countries`.
    public let country: Int
    /// Indexes into `Site.declarations` of the declarations it endorsed, newest first.
    public let endorsements: [Int]
}

/// A country, made from the `country` names of city records.
public struct Country: Sendable {
    public let slug: String
    public let name: String
    /// Indexes into `Site.cities`, A–Z.
    public let cities: [Int]
}
