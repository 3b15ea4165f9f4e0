import CityPressSite

/// Something an output is made from, by slug, so that two builds of a site can be compared: after
/// an edit, only outputs that depend on what changed are rendered again (the preview's rebuilds).
///
/// Every output also depends on the templates, `site.yml` and the set of routes; a change to any of
/// those renders everything.
package enum Dependency: Hashable, Sendable {
    /// One city record: its name, kind, subdivision, country and the declarations it endorses.
    case city(String)
    /// One declaration: its text, facts and signatories.
    case declaration(String)
    /// What one declaration's signatory list shows of its cities: their names, kinds, subdivisions and
    /// countries. One key for the whole list, so that a page listing thousands of cities is one check.
    case signatoryList(String)
    /// One country: its name and its cities, in order.
    case country(String)
    /// One country's name alone (what pages listing a city under its country show).
    case countryName(String)
    /// Every city (lists and counts over all of them).
    case allCities
    /// Every declaration.
    case allDeclarations

    /// Whether an output that depends on this must be rendered again when `changes` changed.
    package func isAffected(by changes: SiteChanges) -> Bool {
        switch self {
        case .city(let slug): changes.cities.contains(slug)
        case .declaration(let slug): changes.declarations.contains(slug)
        case .signatoryList(let slug): changes.signatoryLists.contains(slug)
        case .country(let slug): changes.countries.contains(slug)
        case .countryName(let slug): changes.countryNames.contains(slug)
        case .allCities: !changes.cities.isEmpty || !changes.countries.isEmpty
        case .allDeclarations: !changes.declarations.isEmpty
        }
    }
}
