import CityPressLoad

/// What differs between two resolved sites of the same shape, by slug: the records whose pages may
/// read differently. Cross-references are compared by the slugs they point to, not by index, so a
/// city renamed into another place in the A–Z order changes only itself.
package struct SiteChanges: Sendable, Equatable {
    /// Cities whose name, kind, subdivision, country or endorsements differ.
    package var cities: Set<String> = []
    /// Declarations whose text, facts or signatories differ.
    package var declarations: Set<String> = []
    /// Declarations whose text or facts differ (a subset of `declarations`): pages that show a
    /// declaration's title, date and commitments but not its signatories need not change otherwise.
    package var declarationEntries: Set<String> = []
    /// Countries whose name or cities differ.
    package var countries: Set<String> = []
    /// Countries whose name differs (a subset of `countries`): pages that only name a city's
    /// country need not change when another city joins or leaves it.
    package var countryNames: Set<String> = []
    /// Declarations whose signatory list shows a changed city or a renamed country, in either site.
    package var signatoryLists: Set<String> = []
    /// Reports whose text or date differs, by `Report.key(in:)`.
    package var reports: Set<String> = []
    /// Declarations with a changed report.
    package var reportDeclarations: Set<String> = []
    /// Cities with a changed report.
    package var reportCities: Set<String> = []
    /// The updates (declaration and year, by `Report.updateKey(of:year:)`) with a changed report.
    package var reportUpdates: Set<String> = []
    /// The commitments (by `Commitment.key(of:_:)`) named by an action of a changed report, before or after.
    package var reportCommitments: Set<String> = []
    /// For each city of the newer site, its index in the older one (the same index unless the edit
    /// moved it in the A–Z order), or `nil` when it changed; empty for changes not made by `between`.
    package private(set) var formerIndexesOfUnchangedCities: [Int?] = []

    /// Two change sets are equal when they name the same records.
    package static func == (lhs: SiteChanges, rhs: SiteChanges) -> Bool {
        lhs.cities == rhs.cities && lhs.declarations == rhs.declarations && lhs.declarationEntries == rhs.declarationEntries
            && lhs.countries == rhs.countries
            && lhs.countryNames == rhs.countryNames && lhs.signatoryLists == rhs.signatoryLists
            && lhs.reports == rhs.reports && lhs.reportUpdates == rhs.reportUpdates
            && lhs.reportCommitments == rhs.reportCommitments
    }

    /// Whether nothing a page shows differs.
    package var isEmpty: Bool { cities.isEmpty && declarations.isEmpty && countries.isEmpty && reports.isEmpty }

    /// The content kinds whose records `between` compares. An edit of a file of another kind (a kind
    /// added later, before it is compared here) must render everything: it would look like no change.
    package static let comparedKinds: [any ContentKind.Type] = [CityFile.self, DeclarationFile.self, ReportFile.self]

    /// The changes from `old` to `new`, or `nil` when the two differ in shape: another `site.yml`,
    /// or cities, declarations, countries or reports added or removed (a report moved to another year
    /// or city is one removed and one added). Pages listing a declaration's updates (years and counts,
    /// `Dependency.updateList`) rely on that: no change named here alters them.
    package static func between(_ old: Site, _ new: Site) -> SiteChanges? {
        guard old.config == new.config,
              old.cities.count == new.cities.count, old.declarations.count == new.declarations.count,
              old.countries.count == new.countries.count else { return nil }
        // Where each record of `new` was in `old`: mostly the same place, so slugs are compared in
        // place and a dictionary is made only for records that moved.
        guard let cities = indexes(new.cities.count, { new.cities[$0].slug == old.cities[$0].slug },
                                   slugs: { old.cities.map(\.slug) }, slug: { new.cities[$0].slug }),
              let declarations = indexes(new.declarations.count, { new.declarations[$0].slug == old.declarations[$0].slug },
                                         slugs: { old.declarations.map(\.slug) }, slug: { new.declarations[$0].slug }),
              let countries = indexes(new.countries.count, { new.countries[$0].slug == old.countries[$0].slug },
                                      slugs: { old.countries.map(\.slug) }, slug: { new.countries[$0].slug })
        else { return nil }
        // Translations are few: any change to them rebuilds everything.
        guard old.translations.count == new.translations.count,
              zip(old.translations, new.translations).allSatisfy({ before, after in
                  before.isSame(as: after) && old.declarations[before.declaration].slug == new.declarations[after.declaration].slug
              })
        else { return nil }
        var changes = SiteChanges()
        changes.formerIndexesOfUnchangedCities = cities
        let changedCities = new.cities.indices.filter {
            !old.cities[cities[$0]].isSame(as: new.cities[$0], countries: countries, declarations: declarations)
        }
        for index in changedCities {
            changes.cities.insert(new.cities[index].slug)
            changes.formerIndexesOfUnchangedCities[index] = nil
        }
        for index in new.declarations.indices {
            let before = old.declarations[declarations[index]]
            if !before.hasSameText(as: new.declarations[index]) {
                changes.declarations.insert(new.declarations[index].slug)
                changes.declarationEntries.insert(new.declarations[index].slug)
            } else if !before.signatories.elementsEqual(new.declarations[index].signatories.lazy.map { cities[$0] })
                        || before.endorsed != new.declarations[index].endorsed {
                changes.declarations.insert(new.declarations[index].slug)
            }
        }
        var renamedCountries: [Int] = []
        for index in new.countries.indices {
            let before = countries[index]
            if old.countries[before].name != new.countries[index].name {
                changes.countries.insert(new.countries[index].slug)
                changes.countryNames.insert(new.countries[index].slug)
                renamedCountries.append(index)
            } else if !old.countries[before].cities.elementsEqual(new.countries[index].cities.lazy.map { cities[$0] }) {
                changes.countries.insert(new.countries[index].slug)
            }
        }
        // Reports are in site order (declaration, year, city A–Z): mostly in the same places, unless a
        // city moved in the A–Z order; then they are found by declaration, year and city.
        guard old.reports.count == new.reports.count else { return nil }
        var moved: [ReportIdentity: Int]?
        for (position, report) in new.reports.enumerated() {
            let identity = ReportIdentity(declaration: declarations[report.declaration], year: report.year,
                                          city: cities[report.city])
            var place = position
            if ReportIdentity(old.reports[position]) != identity {
                if moved == nil {
                    moved = Dictionary(old.reports.enumerated().map { (ReportIdentity($1), $0) }, uniquingKeysWith: { first, _ in first })
                }
                guard let found = moved?[identity] else { return nil }
                place = found
            }
            let before = old.reports[place]
            // An unchanged report's actions are the same array as before (its record is kept between builds),
            // which `==` tells at once; actions compared one by one are read in place, not copied.
            let sameActions = before.actions == report.actions
                || before.actions.count == report.actions.count
                && before.actions.indices.allSatisfy { before.actions[$0].reads(as: report.actions[$0]) }
            if before.published != report.published || before.summaryHTML != report.summaryHTML
                || !sameActions || before.links != report.links {
                changes.reports.insert(report.key(in: new))
                changes.reportDeclarations.insert(new.declarations[report.declaration].slug)
                changes.reportCities.insert(new.cities[report.city].slug)
                let slug = new.declarations[report.declaration].slug
                changes.reportUpdates.insert(Report.updateKey(of: slug, year: report.year))
                // A commitment's page shows the actions naming it (title, text, position in the report):
                // only actions that differ change it, unless actions were added or removed (positions move).
                let changedActions = before.actions.count == report.actions.count
                    ? zip(before.actions, report.actions).filter { !$0.reads(as: $1) }.flatMap { [$0, $1] }
                    : before.actions + report.actions
                for number in Set(changedActions.flatMap(\.commitments)) {
                    changes.reportCommitments.insert(Commitment.key(of: slug, number))
                }
            }
        }
        // The declarations that list a changed city, or a city of a renamed country, in either site.
        func addLists(of city: Int, in site: Site) {
            for declaration in site.cities[city].endorsements {
                changes.signatoryLists.insert(site.declarations[declaration].slug)
            }
        }
        for index in changedCities {
            addLists(of: index, in: new)
            addLists(of: cities[index], in: old)
        }
        for index in renamedCountries {
            for city in new.countries[index].cities { addLists(of: city, in: new) }
            for city in old.countries[countries[index]].cities { addLists(of: city, in: old) }
        }
        return changes
    }

    /// For each of `count` records of the new site, its index in the old one (which has as many):
    /// the same index when `isInPlace(index)` (the slugs there are equal), else looked up among the old `slugs()`, made
    /// only then. `nil` when a new `slug(index)` is not in the old site (one added, another removed).
    private static func indexes(_ count: Int, _ isInPlace: (Int) -> Bool, slugs: () -> [String],
                                slug: (Int) -> String) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(count)
        var moved: [String: Int]?
        for index in 0..<count {
            if isInPlace(index) { result.append(index); continue }
            if moved == nil {
                moved = Dictionary(slugs().enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            guard let found = moved?[slug(index)] else { return nil }
            result.append(found)
        }
        return result
    }
}

/// A report's place among the records of its site: its declaration, year and city.
private struct ReportIdentity: Hashable {
    let declaration: Int
    let year: Int
    let city: Int

    init(declaration: Int, year: Int, city: Int) {
        self.declaration = declaration
        self.year = year
        self.city = city
    }

    init(_ report: Report) {
        self.init(declaration: report.declaration, year: report.year, city: report.city)
    }
}

extension City {
    /// Whether `other` (the same city in the newer site) shows the same: `countries` and
    /// `declarations` give each newer index's place in this city's site.
    fileprivate func isSame(as other: City, countries: [Int], declarations: [Int]) -> Bool {
        guard country == countries[other.country], kind == other.kind, endorsements.count == other.endorsements.count,
              name == other.name, subdivision == other.subdivision, sortKey == other.sortKey,
              endorsementDates == other.endorsementDates else { return false }
        for position in endorsements.indices where endorsements[position] != declarations[other.endorsements[position]] {
            return false
        }
        return true
    }
}

extension Declaration {
    /// Whether everything but the signatories and their endorsement dates (compared by slug elsewhere) is the same.
    fileprivate func hasSameText(as other: Declaration) -> Bool {
        title == other.title && event == other.event && venue == other.venue && location == other.location
            && startDate == other.startDate && endDate == other.endDate && adopted == other.adopted
            && signatoriesAsOf == other.signatoriesAsOf && preambleHTML == other.preambleHTML
            && commitments == other.commitments && closingHTML == other.closingHTML && isDraft == other.isDraft
            && links == other.links
    }
}
