import CityPressLoad

/// What differs between two resolved sites of the same shape, by slug: the records whose pages may
/// read differently. Cross-references are compared by the slugs they point to, not by index, so a
/// city renamed into another place in the A–Z order changes only itself.
package struct SiteChanges: Sendable, Equatable {
    /// Cities whose name, kind, subdivision, country or endorsements differ.
    package var cities: Set<String> = []
    /// Declarations whose text, facts or signatories differ.
    package var declarations: Set<String> = []
    /// Countries whose name or cities differ.
    package var countries: Set<String> = []
    /// Countries whose name differs (a subset of `countries`): pages that only name a city's
    /// country need not change when another city joins or leaves it.
    package var countryNames: Set<String> = []
    /// Declarations whose signatory list shows a changed city or a renamed country, in either site.
    package var signatoryLists: Set<String> = []

    /// Whether nothing a page shows differs.
    package var isEmpty: Bool { cities.isEmpty && declarations.isEmpty && countries.isEmpty }

    /// The content kinds whose records `between` compares. An edit of a file of another kind (a kind
    /// added later, before it is compared here) must render everything: it would look like no change.
    package static let comparedKinds: [any ContentKind.Type] = [CityFile.self, DeclarationFile.self]

    /// The changes from `old` to `new`, or `nil` when the two differ in shape: another `site.yml`,
    /// or cities, declarations or countries added or removed.
    package static func between(_ old: Site, _ new: Site) -> SiteChanges? {
        guard old.config == new.config,
              old.cities.count == new.cities.count, old.declarations.count == new.declarations.count,
              old.countries.count == new.countries.count else { return nil }
        // Where each record of `new` was in `old`: mostly the same place, so slugs are compared in
        // place and a dictionary is made only for records that moved.
        guard let cities = indexes(of: new.cities.lazy.map(\.slug), in: old.cities.lazy.map(\.slug)),
              let declarations = indexes(of: new.declarations.lazy.map(\.slug), in: old.declarations.lazy.map(\.slug)),
              let countries = indexes(of: new.countries.lazy.map(\.slug), in: old.countries.lazy.map(\.slug))
        else { return nil }
        var changes = SiteChanges()
        for index in new.cities.indices {
            let city = new.cities[index], before = old.cities[cities[index]]
            if before.name != city.name || before.kind != city.kind || before.subdivision != city.subdivision
                || before.sortKey != city.sortKey || before.country != countries[city.country]
                || !before.endorsements.elementsEqual(city.endorsements.lazy.map { declarations[$0] }) {
                changes.cities.insert(city.slug)
            }
        }
        for index in new.declarations.indices {
            let declaration = new.declarations[index], before = old.declarations[declarations[index]]
            if !before.hasSameText(as: declaration)
                || !before.signatories.elementsEqual(declaration.signatories.lazy.map { cities[$0] }) {
                changes.declarations.insert(declaration.slug)
            }
        }
        for index in new.countries.indices {
            let country = new.countries[index], before = old.countries[countries[index]]
            if before.name != country.name {
                changes.countries.insert(country.slug)
                changes.countryNames.insert(country.slug)
            } else if !before.cities.elementsEqual(country.cities.lazy.map { cities[$0] }) {
                changes.countries.insert(country.slug)
            }
        }
        changes.signatoryLists = signatoryLists(in: old, changes).union(signatoryLists(in: new, changes))
        return changes
    }

    /// For each slug of `new`, its index in `old`; `nil` when a slug of `new` is not in `old` (the two
    /// have the same number of records, so then one was added and another removed).
    private static func indexes(of new: some Collection<String>, in old: some Collection<String>) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(new.count)
        var moved: [String: Int]?
        for (index, pair) in zip(new, old).enumerated() {
            if pair.0 == pair.1 { result.append(index); continue }
            if moved == nil {
                moved = Dictionary(old.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            guard let found = moved?[pair.0] else { return nil }
            result.append(found)
        }
        return result
    }

    /// The declarations of `site` that list a changed city, or a city of a renamed country.
    private static func signatoryLists(in site: Site, _ changes: SiteChanges) -> Set<String> {
        var lists: Set<String> = []
        for city in site.cities
        where changes.cities.contains(city.slug) || changes.countryNames.contains(site.countries[city.country].slug) {
            for declaration in city.endorsements { lists.insert(site.declarations[declaration].slug) }
        }
        return lists
    }
}

extension Declaration {
    /// Whether everything but the signatories (compared by slug elsewhere) is the same.
    fileprivate func hasSameText(as other: Declaration) -> Bool {
        title == other.title && event == other.event && venue == other.venue && location == other.location
            && startDate == other.startDate && endDate == other.endDate && adopted == other.adopted
            && signatoriesAsOf == other.signatoriesAsOf && preambleHTML == other.preambleHTML
            && commitments == other.commitments && closingHTML == other.closingHTML && isDraft == other.isDraft
            && links == other.links
    }
}
