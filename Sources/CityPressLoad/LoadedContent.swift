import CityPressCore
import CityPressMarkdown

/// Everything the load stage read: the typed records of one content folder.
public struct LoadedContent: Sendable {
    /// `site.yml`, when it could be read.
    public var config: SiteConfig?
    /// Every city record, ordered by slug.
    public var cities: [CityRecord]
    /// Every declaration record (drafts included), ordered by slug.
    public var declarations: [DeclarationRecord]
    /// Slugs of city files that exist but could not be read (already reported), so that
    /// declarations naming them are not reported a second time.
    public var unreadableCitySlugs: Set<String> = []
    /// Files in `cities/` that were skipped for their extension (`budavar.yaml`), by the slug their
    /// name starts with, as paths to show: a declaration naming that slug is told to rename the file.
    public var skippedCityFiles: [String: String] = [:]
}
