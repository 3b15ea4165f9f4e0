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
    /// Implementation reports, by declaration (in `declarations` order), newest year first, then by city A–Z.
    public let reports: [Report]
    /// Translations of published declarations, by declaration (in `declarations` order), then language.
    public internal(set) var translations: [Translation] = []

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
    /// When each of `signatories` (same positions) endorsed, for those that did after the meeting.
    public let endorsed: [CalendarDate?]
    /// Whether the file is marked `draft: true` (built only with `--drafts`).
    public let isDraft: Bool
    /// Every link and image destination of the text, as written, where it is written.
    public let links: [Located<String>]

    /// The date the declaration is filed under: adoption, else the first day of the event.
    public var date: CalendarDate { adopted ?? startDate }
    /// How many signatories endorsed at the meeting.
    public var endorsedAtTheMeeting: Int { endorsed.lazy.filter { $0 == nil }.count }
}

/// One numbered commitment of a declaration.
public struct Commitment: Sendable, Hashable {
    /// The number printed in the source (`3`), also the page address.
    public let number: Int
    /// The commitment's paragraphs as HTML.
    public let html: String
    /// The text without markup.
    public let plainText: String
    /// The text as CommonMark (as libcmark writes it back; the open data's `text_markdown`).
    public let markdown: String

    /// A commitment.
    public init(number: Int, html: String, plainText: String, markdown: String = "") {
        self.number = number
        self.html = html
        self.plainText = plainText
        self.markdown = markdown
    }

    /// The name of commitment `number` of the declaration `slug` among all commitments: `<slug>#<number>`.
    public static func key(of slug: String, _ number: Int) -> String { "\(slug)#\(number)" }
}

/// A city (or region, or district) and what it endorsed.
///
/// Its fields live in one shared box: pages and comparisons read ten thousand cities on every
/// preview rebuild, and a copy is then one reference count, not eight.
public struct City: Sendable {
    private final class Fields: Sendable {
        let slug: String
        let name: String
        let kind: CityKind
        let subdivision: String?
        let sortKey: CollationKey
        let country: Int
        let endorsements: [Int]
        let endorsementDates: [CalendarDate?]

        init(slug: String, name: String, kind: CityKind, subdivision: String?, sortKey: CollationKey, country: Int,
             endorsements: [Int], endorsementDates: [CalendarDate?]) {
            self.slug = slug
            self.name = name
            self.kind = kind
            self.subdivision = subdivision
            self.sortKey = sortKey
            self.country = country
            self.endorsements = endorsements
            self.endorsementDates = endorsementDates
        }
    }

    private let fields: Fields

    public var slug: String { fields.slug }
    public var name: String { fields.name }
    public var kind: CityKind { fields.kind }
    public var subdivision: String? { fields.subdivision }
    /// Its place in A–Z lists (also the letter it is filed under).
    public var sortKey: CollationKey { fields.sortKey }
    /// Index into `Site.countries`.
    public var country: Int { fields.country }
    /// Indexes into `Site.declarations` of the declarations it endorsed, newest first.
    public var endorsements: [Int] { fields.endorsements }
    /// When it endorsed each of `endorsements` (same positions), where it did after the meeting.
    public var endorsementDates: [CalendarDate?] { fields.endorsementDates }

    /// A city.
    public init(slug: String, name: String, kind: CityKind, subdivision: String?, sortKey: CollationKey, country: Int,
                endorsements: [Int], endorsementDates: [CalendarDate?]) {
        fields = Fields(slug: slug, name: name, kind: kind, subdivision: subdivision, sortKey: sortKey,
                        country: country, endorsements: endorsements, endorsementDates: endorsementDates)
    }
}

/// A country, made from the `country` names of city records.
public struct Country: Sendable {
    public let slug: String
    public let name: String
    /// Indexes into `Site.cities`, A–Z.
    public let cities: [Int]
}
