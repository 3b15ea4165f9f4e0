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
        let oldCities = Dictionary(old.cities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let oldDeclarations = Dictionary(old.declarations.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let oldCountries = Dictionary(old.countries.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var changes = SiteChanges()
        for city in new.cities {
            guard let index = oldCities[city.slug] else { return nil }
            let before = old.cities[index]
            if before.name != city.name || before.kind != city.kind || before.subdivision != city.subdivision
                || before.sortKey != city.sortKey
                || old.countries[before.country].slug != new.countries[city.country].slug
                || !before.endorsements.lazy.map({ old.declarations[$0].slug }).elementsEqual(city.endorsements.lazy.map { new.declarations[$0].slug }) {
                changes.cities.insert(city.slug)
            }
        }
        for declaration in new.declarations {
            guard let index = oldDeclarations[declaration.slug] else { return nil }
            let before = old.declarations[index]
            if !before.hasSameText(as: declaration)
                || !before.signatories.lazy.map({ old.cities[$0].slug }).elementsEqual(declaration.signatories.lazy.map { new.cities[$0].slug }) {
                changes.declarations.insert(declaration.slug)
            }
        }
        for country in new.countries {
            guard let index = oldCountries[country.slug] else { return nil }
            let before = old.countries[index]
            if before.name != country.name {
                changes.countries.insert(country.slug)
                changes.countryNames.insert(country.slug)
            } else if !before.cities.lazy.map({ old.cities[$0].slug }).elementsEqual(country.cities.lazy.map { new.cities[$0].slug }) {
                changes.countries.insert(country.slug)
            }
        }
        changes.signatoryLists = signatoryLists(in: old, changes).union(signatoryLists(in: new, changes))
        return changes
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
