import CityPressCore
import CityPressMarkdown

/// One `Content/translations/<lang>/<slug>.md` file: a declaration's text in another language.
/// The original's facts (dates, signatories) are its own; the translation may give its words for the
/// title, event, venue and location, and must give its commitments (as many as the original's).
public struct TranslationRecord: Sendable, Hashable {
    /// The language (`fr`), from the folder's name, where the folder is named.
    public var language: Located<String>
    /// The slug of the declaration it translates: the file name without `.md`.
    public var slug: String
    public var title: String?
    public var event: String?
    public var venue: String?
    public var location: String?
    /// The Markdown body, parsed.
    public var body: MarkdownDocument
    /// Where the body's one top-level ordered list starts (its commitments).
    public var commitmentsLocation: SourceLocation
    /// The file.
    public var source: SourceLocation
    /// Lines of the file before the body.
    public var bodyLineOffset: Int
}
