import CityPressCore
import CityPressLoad
import CityPressMarkdown

/// A declaration's text in another language: the original's facts, its own words. The original is
/// the authoritative text; pages label this one as a translation of it.
public struct Translation: Sendable {
    /// Index into `Site.declarations`.
    public let declaration: Int
    /// Its language (`fr`).
    public let language: String
    /// The title, event, venue and location, translated or the original's.
    public let title: String
    public let event: String
    public let venue: String
    public let location: String
    /// HTML of the body before the commitments.
    public let preambleHTML: String
    /// The commitments, numbered as the original's.
    public let commitments: [Commitment]
    /// HTML of the body after the commitments.
    public let closingHTML: String
    /// The file.
    public let source: SourceLocation
}

extension Translation {
    /// Whether `other` says the same in the same language (its declaration compared by the caller).
    func isSame(as other: Translation) -> Bool {
        language == other.language && title == other.title && event == other.event && venue == other.venue
            && location == other.location && preambleHTML == other.preambleHTML && closingHTML == other.closingHTML
            && commitments == other.commitments
    }
}

extension Declaration {
    /// The declaration as `translation` words it: the translation's texts, the original's facts.
    public func translated(by translation: Translation) -> Declaration {
        Declaration(slug: slug, title: translation.title, event: translation.event, venue: translation.venue,
                    location: translation.location, startDate: startDate, endDate: endDate, adopted: adopted,
                    signatoriesAsOf: signatoriesAsOf, preambleHTML: translation.preambleHTML,
                    commitments: translation.commitments, closingHTML: translation.closingHTML,
                    signatories: signatories, endorsed: endorsed, isDraft: isDraft, links: [])
    }
}

extension Site {
    /// The translations of declaration `index`, by language.
    public func translations(of index: Int) -> [Translation] {
        translations.filter { $0.declaration == index }
    }
}
