/// What kind of place a signatory is.
public enum CityKind: String, Sendable, Hashable, CaseIterable {
    case city, region, district

    /// The word shown on pages (`City`).
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One `Content/cities/<slug>.yml` file.
public struct CityRecord: Sendable, Hashable {
    /// The file name without `.yml`.
    public let slug: String
    /// The name as the source writes it (`Poznań`, `Dusseldorf`).
    public let name: String
    /// The country's name (`The Netherlands`); the country's slug is made from it.
    public let country: Located<String>
    /// State, province or region within the country, when given.
    public let subdivision: String?
    /// City, region or district.
    public let kind: CityKind
    /// The file.
    public let source: SourceLocation
    /// The city's place in A–Z lists, made when the file is read (folding names is the costly part
    /// of sorting, and a preview rebuild reads only the files that changed).
    public let sortKey: CollationKey
    /// The slug of `country`: its page address.
    public let countrySlug: String

    /// A record; its sort key and country slug are made from `name`, `slug` and `country`.
    public init(slug: String, name: String, country: Located<String>, subdivision: String?, kind: CityKind,
                source: SourceLocation) {
        self.slug = slug
        self.name = name
        self.country = country
        self.subdivision = subdivision
        self.kind = kind
        self.source = source
        self.sortKey = CollationKey(name, tieBreaker: slug)
        self.countrySlug = Slug.make(from: country.value)
    }
}
