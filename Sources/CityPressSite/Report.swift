import CityPressLoad

/// One city's implementation report for one declaration and one year.
public struct Report: Sendable, Hashable {
    /// One action and the commitments it implements.
    public struct Action: Sendable, Hashable {
        /// Commitment numbers of the report's declaration, as the heading names them.
        public let commitments: [Int]
        public let title: String
        /// Its text, as HTML.
        public let html: String
        /// Its text as written (Markdown).
        public let markdown: String
        /// Its text without markup.
        public let plainText: String

        /// An action.
        public init(commitments: [Int], title: String, html: String, markdown: String = "", plainText: String = "") {
            self.commitments = commitments
            self.title = title
            self.html = html
            self.markdown = markdown
            self.plainText = plainText
        }
    }

    /// Index into `Site.cities`.
    public let city: Int
    /// Index into `Site.declarations`.
    public let declaration: Int
    /// The year reported on.
    public let year: Int
    /// The day it was published.
    public let published: CalendarDate
    /// The text before the actions, as HTML (often empty).
    public let summaryHTML: String
    public let actions: [Action]
    /// Every link and image destination of its text, where it is written (checked by `BodyLinkCheck`).
    public let links: [Located<String>]

    /// The report's name among all reports: `<declaration slug>/<year>/<city slug>` (`Dependency`
    /// and `SiteChanges` name reports by it).
    public func key(in site: Site) -> String {
        "\(site.declarations[declaration].slug)/\(year)/\(site.cities[city].slug)"
    }

    /// The name of the update for `year` of the declaration `slug`, the reports it gathers: `<slug>/<year>`.
    public static func updateKey(of slug: String, year: Int) -> String { "\(slug)/\(year)" }
}
