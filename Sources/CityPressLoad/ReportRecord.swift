import CityPressCore
import CityPressMarkdown

/// One `Content/reports/…/*.md` file: a city's annual account of what it did to implement one
/// declaration, action by action, each action naming the commitments it implements.
public struct ReportRecord: Sendable, Hashable {
    /// One action of a report: `## Commitments 2 and 5: A youth council in every district`, then its text.
    ///
    /// The site's reports share these (`Report.Action`): 34,000 reports' actions are not copied again.
    public struct Action: Sendable, Hashable {
        /// The commitment numbers the heading names.
        public private(set) var commitments: [Int]
        /// Where each of `commitments` is written.
        public private(set) var commitmentLocations: [SourceLocation]
        /// The heading's text after the colon.
        public var title: String
        /// The action's text (everything up to the next action), as HTML.
        public var html: String
        /// The heading.
        public var location: SourceLocation
        /// The action's text as written (Markdown, the heading left out), for open data.
        public var markdown = ""
        /// The action's text without markup, whitespace collapsed, for open data.
        public var plainText = ""

        /// An action naming `commitments`, each where it is written.
        public init(commitments: [Located<Int>], title: String, html: String, location: SourceLocation,
                    markdown: String = "", plainText: String = "") {
            self.commitments = commitments.map(\.value)
            commitmentLocations = commitments.map(\.location)
            self.title = title
            self.html = html
            self.location = location
            self.markdown = markdown
            self.plainText = plainText
        }

        /// Whether a reader sees the same action in both (where it is written aside).
        public func reads(as other: Action) -> Bool {
            commitments == other.commitments && title == other.title && html == other.html
                && markdown == other.markdown && plainText == other.plainText
        }
    }

    /// The reporting city's slug.
    public var city: Located<String>
    /// The slug of the declaration reported on.
    public var declaration: Located<String>
    /// The year the report covers.
    public var year: Located<Int>
    /// The day the report was published.
    public var published: Located<CalendarDate>
    /// The text before the first action, as HTML (empty when there is none).
    public var summaryHTML: String
    /// The actions, in the order written.
    public var actions: [Action]
    /// Every link and image destination of its text, where it is written.
    public var links: [Located<String>]
    /// The file.
    public var source: SourceLocation
}
