import CityPressCore

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
    /// Slugs of declaration files that exist but could not be read (already reported): who signed them
    /// is unknown, so no city can be said to endorse nothing, and their reports and translations are
    /// left out without a second error each.
    public var unreadableDeclarationSlugs: Set<String> = []
    /// The signatories of each declaration file with errors whose front matter could be read, in file
    /// order: the resolve stage reports their unknown and repeated cities with the files' other errors.
    public var signatoriesOfUnreadableDeclarations: [[SignatoryEntry]] = []
    /// Whether a declaration file exists that could not be read.
    public var hasUnreadableDeclarations: Bool { !unreadableDeclarationSlugs.isEmpty }
    /// Files in `cities/` that were skipped for their extension (`budavar.yaml`), by the slug their
    /// name starts with, as paths to show: a declaration naming that slug is told to rename the file.
    public var skippedCityFiles: [String: String] = [:]
    /// The records of kinds without a property of their own, by kind: each is a `[Kind.Record]`.
    private var otherRecords: [ObjectIdentifier: any Sendable] = [:]

    /// Content with these records and none of other kinds.
    package init(config: SiteConfig?, cities: [CityRecord], declarations: [DeclarationRecord],
                 unreadableCitySlugs: Set<String> = [], skippedCityFiles: [String: String] = [:]) {
        self.config = config
        self.cities = cities
        self.declarations = declarations
        self.unreadableCitySlugs = unreadableCitySlugs
        self.skippedCityFiles = skippedCityFiles
    }

    /// Every record of `kind`, in file order (by path below its folder); what the kind's
    /// own property holds, for kinds that have one (`CityFile`: `cities`).
    package func records<Kind: ContentKind>(of kind: Kind.Type) -> [Kind.Record] {
        Kind.records(in: self)
    }

    /// The records a kind without a property of its own collected (`ContentKind.collect(_:into:)`).
    package func storedRecords<Kind: ContentKind>(of kind: Kind.Type) -> [Kind.Record] {
        otherRecords[ObjectIdentifier(kind)] as? [Kind.Record] ?? []
    }

    /// Keeps `records` for `storedRecords(of:)`.
    package mutating func setRecords<Kind: ContentKind>(_ records: [Kind.Record], of kind: Kind.Type) {
        otherRecords[ObjectIdentifier(kind)] = records
    }
}
