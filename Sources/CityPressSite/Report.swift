import CityPressLoad

/// One city's implementation report for one declaration and one year.
public struct Report: Sendable, Hashable {
    /// One action and the commitments it implements: the record's own, shared, not copied.
    public typealias Action = ReportRecord.Action

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
