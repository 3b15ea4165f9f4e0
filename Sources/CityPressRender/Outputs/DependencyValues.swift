import CityPressCore
import CityPressLoad
import CityPressSite

/// The fingerprint of what each `Dependency` of one site names, looked up by slug: what
/// `OutputFingerprints` is made of. A key the site lacks has a value of its own (a slug's absence).
struct DependencyValues: Sendable {
    let records: SiteFingerprints
    private let cities: [String: UInt64]
    private let declarations: [String: UInt64]
    private let declarationEntries: [String: UInt64]
    private let signatoryLists: [String: UInt64]
    private let countries: [String: UInt64]
    private let countryNames: [String: UInt64]
    private let reports: [String: UInt64]
    private let declarationReports: [String: UInt64]
    private let cityReports: [String: UInt64]
    private let updateReports: [String: UInt64]
    private let commitmentReports: [String: UInt64]
    private let updateLists: [String: UInt64]
    private let allCities: UInt64
    private let allDeclarations: UInt64

    init(_ site: Site) {
        let records = SiteFingerprints(site)
        self.records = records
        func keyed(_ slugs: [String], _ values: [UInt64]) -> [String: UInt64] {
            Dictionary(zip(slugs, values), uniquingKeysWith: { first, _ in first })
        }
        cities = keyed(site.cities.map(\.slug), records.cities)
        declarations = keyed(site.declarations.map(\.slug), records.declarations)
        declarationEntries = keyed(site.declarations.map(\.slug), records.declarationTexts)
        countries = keyed(site.countries.map(\.slug), records.countries)
        countryNames = keyed(site.countries.map(\.slug), records.countryNames)
        // What a signatory list shows of each city: its entry (the city's own fields) and its country's name.
        signatoryLists = keyed(site.declarations.map(\.slug), site.declarations.indices.parallelMap { index in
            let declaration = site.declarations[index]
            var print = Fingerprint()
            print.add(declaration.signatories.count)
            for city in declaration.signatories {
                print.add(records.cities[city])
                print.add(records.countryNames[site.cities[city].country])
            }
            return print.value
        })
        reports = keyed(site.reports.map { $0.key(in: site) }, records.reports)
        var byDeclaration: [String: Fingerprint] = [:], byCity: [String: Fingerprint] = [:]
        var byUpdate: [String: Fingerprint] = [:], byCommitment: [String: Fingerprint] = [:]
        var years: [String: Fingerprint] = [:]
        for (index, report) in site.reports.enumerated() {
            let slug = site.declarations[report.declaration].slug
            byDeclaration[slug, default: Fingerprint()].add(records.reports[index])
            byCity[site.cities[report.city].slug, default: Fingerprint()].add(records.reports[index])
            byUpdate[Report.updateKey(of: slug, year: report.year), default: Fingerprint()].add(records.reports[index])
            for number in Set(report.actions.flatMap(\.commitments)).sorted() {
                byCommitment[Commitment.key(of: slug, number), default: Fingerprint()].add(records.reports[index])
            }
            // One entry per report, in site order (years newest first): the years and their counts.
            years[slug, default: Fingerprint()].add(report.year)
        }
        declarationReports = byDeclaration.mapValues(\.value)
        cityReports = byCity.mapValues(\.value)
        updateReports = byUpdate.mapValues(\.value)
        commitmentReports = byCommitment.mapValues(\.value)
        updateLists = years.mapValues(\.value)
        var everyCity = Fingerprint()
        everyCity.add(records.cities.count)
        for value in records.cities { everyCity.add(value) }
        everyCity.add(records.countries.count)
        for value in records.countries { everyCity.add(value) }
        allCities = everyCity.value
        var everyDeclaration = Fingerprint()
        everyDeclaration.add(records.declarations.count)
        for value in records.declarations { everyDeclaration.add(value) }
        allDeclarations = everyDeclaration.value
    }

    /// The number each kind of dependency is written as, before its slug, so that the same slug under two
    /// kinds (a city and a country both named `georgia`) gives two fingerprints. The numbers are in every
    /// fingerprint a manifest stores: renumbering changes them all (the next `--incremental` build renders
    /// everything once), so a new kind takes the next free number and none is reused.
    private enum Tag: Int {
        case city = 1, declaration = 2, signatoryList = 3, country = 4, countryName = 5, report = 6,
             declarationReports = 7, cityReports = 8, allCities = 9, allDeclarations = 10, declarationEntry = 11,
             updateReports = 12, commitmentReports = 13, updateList = 14
    }

    /// Adds `dependency`, by kind and slug, and the fingerprint of what it names to `print`.
    func add(_ dependency: Dependency, to print: inout Fingerprint) {
        let (tag, slug, table): (Tag, String, [String: UInt64]?) = switch dependency {
        case .city(let slug): (.city, slug, cities)
        case .declaration(let slug): (.declaration, slug, declarations)
        case .signatoryList(let slug): (.signatoryList, slug, signatoryLists)
        case .country(let slug): (.country, slug, countries)
        case .countryName(let slug): (.countryName, slug, countryNames)
        case .report(let key): (.report, key, reports)
        case .declarationReports(let slug): (.declarationReports, slug, declarationReports)
        case .cityReports(let slug): (.cityReports, slug, cityReports)
        case .declarationEntry(let slug): (.declarationEntry, slug, declarationEntries)
        case .updateReports(let key): (.updateReports, key, updateReports)
        case .commitmentReports(let key): (.commitmentReports, key, commitmentReports)
        case .updateList(let slug): (.updateList, slug, updateLists)
        case .allCities: (.allCities, "", nil)
        case .allDeclarations: (.allDeclarations, "", nil)
        }
        print.add(tag.rawValue)
        print.add(slug)
        switch dependency {
        case .allCities: print.add(allCities)
        case .allDeclarations: print.add(allDeclarations)
        default:
            // An absent key (a city without reports) is told apart from any fingerprint by a mark.
            if let value = table?[slug] { print.add(value) } else { print.add(Optional<String>.none) }
        }
    }
}
