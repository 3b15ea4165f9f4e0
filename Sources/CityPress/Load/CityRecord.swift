/// What kind of place a signatory is.
public enum CityKind: String, Sendable, Hashable, CaseIterable {
    case city, region, district

    /// The word shown on pages (`City`).
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One `Content/cities/<slug>.yml` file.
public struct CityRecord: Sendable, Hashable {
    /// The file name without `.yml`.
    public var slug: String
    /// The name as the source writes it (`Poznań`, `Dusseldorf`).
    public var name: String
    /// The country's name (`The Netherlands`); the country's slug is made from it.
    public var country: Located<String>
    /// State, province or region within the country, when given.
    public var subdivision: String?
    /// City, region or district.
    public var kind: CityKind
    /// The file.
    public var source: SourceLocation
}
