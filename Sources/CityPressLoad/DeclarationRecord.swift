import CityPressCore
import CityPressMarkdown

/// One `Content/declarations/<slug>.md` file: its front matter and its parsed body.
public struct DeclarationRecord: Sendable, Hashable {
    /// The file name without `.md`.
    public var slug: String
    /// The declaration's title (`The Hague Mayoral Declaration`).
    public var title: String
    /// The event it was adopted at.
    public var event: String
    /// The building or meeting.
    public var venue: String
    /// The city (and country) of the event.
    public var location: String
    /// First day of the event.
    public var startDate: CalendarDate
    /// Last day of the event, for events longer than a day.
    public var endDate: CalendarDate?
    /// The day the declaration was adopted, when the source states it.
    public var adopted: CalendarDate?
    /// The date of the signatory list; required when the list is not empty.
    public var signatoriesAsOf: CalendarDate?
    /// The endorsing cities (and when those that endorsed after the meeting did), in the order the source prints them.
    public var signatories: [SignatoryEntry]
    /// Drafts are built only with `--drafts`.
    public var isDraft: Bool
    /// The Markdown body, parsed.
    public var body: MarkdownDocument
    /// Where the body's one top-level ordered list starts (its commitments).
    public var commitmentsLocation: SourceLocation
    /// The file.
    public var source: SourceLocation
    /// Lines of the file before the body (front matter and its fences): body line 1 is file line this + 1.
    public var bodyLineOffset: Int = 0
    /// What `citypress new` wrote that is still there (`EVENT`, a line of the sample text), and where.
    public var placeholders: [PlaceholderUse] = []

    /// The date the declaration is filed under: adoption, else the first day of the event.
    public var date: CalendarDate { adopted ?? startDate }
}
