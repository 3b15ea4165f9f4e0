import CityPressCore

/// What kind of place a signatory is.
public enum CityKind: String, Sendable, Hashable, CaseIterable {
    case city, region, district

    /// The word shown on pages (`City`).
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// One `Content/cities/<slug>.yml` file.
///
/// A record is immutable and its fields live in one shared box: records are copied often (every
/// load, every resolve, across threads), and a copy is then one reference count, not ten.
public struct CityRecord: Sendable, Hashable, CustomStringConvertible {
    private final class Fields: Sendable {
        let slug: String
        let name: String
        let country: Located<String>
        let subdivision: String?
        let kind: CityKind
        let source: SourceLocation
        let sortKey: CollationKey
        let countrySlug: String

        init(slug: String, name: String, country: Located<String>, subdivision: String?, kind: CityKind,
             source: SourceLocation, sortKey: CollationKey? = nil, countrySlug: String? = nil) {
            self.slug = slug
            self.name = name
            self.country = country
            self.subdivision = subdivision
            self.kind = kind
            self.source = source
            self.sortKey = sortKey ?? CollationKey(name, tieBreaker: slug)
            self.countrySlug = countrySlug ?? Slug.make(from: country.value)
        }
    }

    private let fields: Fields

    /// The file name without `.yml`.
    public var slug: String { fields.slug }
    /// The name as the source writes it (`Poznań`, `Dusseldorf`).
    public var name: String { fields.name }
    /// The country's name (`The Netherlands`); the country's slug is made from it.
    public var country: Located<String> { fields.country }
    /// The country's name alone (reading it does not copy its source location).
    public var countryName: String { fields.country.value }
    /// State, province or region within the country, when given.
    public var subdivision: String? { fields.subdivision }
    /// City, region or district.
    public var kind: CityKind { fields.kind }
    /// The file.
    public var source: SourceLocation { fields.source }
    /// The city's place in A–Z lists, made when the file is read (folding names is the costly part
    /// of sorting, and a preview rebuild reads only the files that changed).
    public var sortKey: CollationKey { fields.sortKey }
    /// The slug of `country`: its page address.
    public var countrySlug: String { fields.countrySlug }

    /// A record; its sort key and country slug are made from `name`, `slug` and `country`.
    public init(slug: String, name: String, country: Located<String>, subdivision: String?, kind: CityKind,
                source: SourceLocation) {
        fields = Fields(slug: slug, name: name, country: country, subdivision: subdivision, kind: kind, source: source)
    }

    /// A record whose sort key and country slug were made before (`StoredRecords` keeps them): they are
    /// what the other initializer makes from `name`, `slug` and `country`.
    package init(slug: String, name: String, country: Located<String>, subdivision: String?, kind: CityKind,
                 source: SourceLocation, sortKey: CollationKey, countrySlug: String) {
        fields = Fields(slug: slug, name: name, country: country, subdivision: subdivision, kind: kind, source: source,
                        sortKey: sortKey, countrySlug: countrySlug)
    }

    public static func == (lhs: CityRecord, rhs: CityRecord) -> Bool {
        lhs.fields === rhs.fields
            || (lhs.slug == rhs.slug && lhs.name == rhs.name && lhs.country == rhs.country
                && lhs.subdivision == rhs.subdivision && lhs.kind == rhs.kind && lhs.source == rhs.source)
    }

    /// `lodz: Łódź, Poland (city)`, as test failures show a record.
    public var description: String {
        "\(slug): \(name)\(subdivision.map { ", " + $0 } ?? ""), \(country.value) (\(kind.rawValue))"
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(slug)
        hasher.combine(name)
        hasher.combine(country)
        hasher.combine(subdivision)
        hasher.combine(kind)
        hasher.combine(source)
    }
}
