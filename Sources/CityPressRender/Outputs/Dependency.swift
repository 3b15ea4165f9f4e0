import CityPressLoad
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
    /// What a city page shows of a declaration the city endorses: its title, date and commitments, not
    /// its signatories (a signatory added or removed then redoes that city's page alone, not every
    /// signatory's).
    case declarationEntry(String)
    /// What one declaration's signatory list shows of its cities: their names, kinds, subdivisions and
    /// countries. One key for the whole list, so that a page listing thousands of cities is one check.
    case signatoryList(String)
    /// One country: its name and its cities, in order.
    case country(String)
    /// One country's name alone (what pages listing a city under its country show).
    case countryName(String)
    /// One report, by `Report.key(in:)`: its date, summary and actions.
    case report(String)
    /// Every report on one declaration (the pages that gather them all: open data, the search index).
    case declarationReports(String)
    /// Every report on one declaration for one year, by `Report.updateKey(in:)`: that year's update.
    case updateReports(String)
    /// Every report with an action naming one commitment, by `Commitment.key(of:)`: the commitment's page.
    case commitmentReports(String)
    /// The years a declaration has reports for and how many each: its page lists its updates. (Only a
    /// report added or removed changes it, which the preview renders whole; builds that keep unchanged
    /// pages compare it.)
    case updateList(String)
    /// Every report of one city (its page lists them).
    case cityReports(String)
    /// Every city (lists and counts over all of them).
    case allCities
    /// Every declaration.
    case allDeclarations

    /// Every dependency `changes` touches: an output with any of them must be rendered again. (Keys
    /// that no output has, such as a city's when only declarations changed, are simply not found.)
    package static func keys(affectedBy changes: SiteChanges) -> [Dependency] {
        var keys = changes.cities.map(Dependency.city) + changes.declarations.map(Dependency.declaration)
            + changes.declarationEntries.map(Dependency.declarationEntry)
            + changes.signatoryLists.map(Dependency.signatoryList) + changes.countries.map(Dependency.country)
            + changes.countryNames.map(Dependency.countryName) + changes.reports.map(Dependency.report)
            + changes.reportDeclarations.map(Dependency.declarationReports) + changes.reportCities.map(Dependency.cityReports)
            + changes.reportUpdates.map(Dependency.updateReports) + changes.reportCommitments.map(Dependency.commitmentReports)
        if !changes.cities.isEmpty || !changes.countries.isEmpty { keys.append(.allCities) }
        if !changes.declarations.isEmpty { keys.append(.allDeclarations) }
        return keys
    }
}
