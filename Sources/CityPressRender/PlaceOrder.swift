import CityPressLoad
import CityPressSite

/// Cities and countries A–Z in one language's order (`LanguageCollation`), where it differs from the
/// site's (`Site.cities` and `Site.countries` are in the default order).
package struct PlaceOrder: Sendable {
    /// City indexes, in the language's order.
    package let cities: [Int]
    /// The letter each city is filed under, by city index.
    package let initials: [String]
    /// Each city's place in `cities`, by city index.
    package let rank: [Int]
    /// Country indexes, in the language's order.
    package let countries: [Int]

    init(_ site: Site, _ collation: LanguageCollation) {
        let keys = site.cities.map { collation.key($0.name, tieBreaker: $0.slug) }
        cities = keys.indices.sorted { keys[$0] < keys[$1] }
        initials = keys.map(\.initial)
        var rank = [Int](repeating: 0, count: keys.count)
        for (position, city) in cities.enumerated() { rank[city] = position }
        self.rank = rank
        let countryKeys = site.countries.map { collation.key($0.name, tieBreaker: $0.slug) }
        countries = countryKeys.indices.sorted { countryKeys[$0] < countryKeys[$1] }
    }
}
