import CityPressSite

/// Every open-data table of a site, each written row by row straight from the resolved site.
package struct OpenDataTables: Sendable {
    /// The site-wide tables, in `OpenDataset.allCases` order.
    package let tables: [DataTable]
    /// Each declaration's own signatories (its rows of `signatories`), by declaration index.
    package let signatoriesByDeclaration: [DataTable]

    /// The tables of `site`. URLs are absolute when the site has a `base_url`, else relative to the site's root.
    package init(_ site: Site) {
        let base = site.config.baseURL ?? ""
        // The closures hold these arrays, not the whole site: a row copies nothing of it.
        let cities = site.cities, countries = site.countries, declarations = site.declarations
        let reports = site.reports, translations = site.translations
        let commitments = RowGroups(declarations.map(\.commitments.count))
        // A signatory's row needs its date too: the two lists have the same length, and a row is made
        // only for a position both have.
        let signatoryCounts = declarations.map { min($0.signatories.count, $0.endorsed.count) }
        let signatories = RowGroups(signatoryCounts)
        let actions = RowGroups(reports.map(\.actions.count))
        let translatedCommitments = RowGroups(translations.map(\.commitments.count))

        /// A city's own cells, the same in the signatories and the cities: slug, name, country's name and
        /// slug, subdivision, kind.
        @Sendable func cityCells(_ index: Int, to cells: inout DataRowWriter) {
            let city = cities[index], country = countries[city.country]
            cells.text(city.slug)
            cells.text(city.name)
            cells.text(country.name)
            cells.text(country.slug)
            cells.optionalText(city.subdivision)
            cells.text(city.kind.rawValue)
        }

        /// The row of the signatory at `position` of declaration `index`. Most cells are the same on many
        /// rows: a declaration's on every row of its signatories, a city's on the row of every declaration
        /// it endorsed; each is written once (keys: 2 per city, then the declarations').
        @Sendable func signatory(_ position: Int, ofDeclaration index: Int, to cells: inout DataRowWriter) {
            let cityIndex = declarations[index].signatories[position]
            cells.reused(2 * cities.count + index) { cells in
                cells.text(declarations[index].slug)
                cells.text(declarations[index].title)
            }
            cells.reused(2 * cityIndex) { cityCells(cityIndex, to: &$0) }
            cells.optionalDate(declarations[index].endorsed[position])
            cells.reused(2 * cityIndex + 1) { cells in cells.url(CityOutput.route(cities[cityIndex].slug)) }
        }

        func table(_ dataset: OpenDataset) -> DataTable {
            switch dataset {
            case .declarations:
                DataTable(dataset, rowCount: declarations.count, base: base) { row, cells in
                    let declaration = declarations[row]
                    cells.text(declaration.slug)
                    cells.text(declaration.title)
                    cells.text(declaration.event)
                    cells.text(declaration.venue)
                    cells.text(declaration.location)
                    cells.date(declaration.startDate)
                    cells.optionalDate(declaration.endDate)
                    cells.optionalDate(declaration.adopted)
                    cells.optionalDate(declaration.signatoriesAsOf)
                    cells.integer(declaration.commitments.count)
                    cells.integer(declaration.signatories.count)
                    cells.url(DeclarationOutput.route(declaration.slug))
                }
            case .commitments:
                DataTable(dataset, rowCount: commitments.rowCount, base: base) { row, cells in
                    let (group, position) = commitments.locate(row)
                    let declaration = declarations[group], commitment = declaration.commitments[position]
                    cells.text(declaration.slug)
                    cells.text(declaration.title)
                    cells.integer(commitment.number)
                    cells.text(commitment.markdown)
                    cells.text(commitment.plainText)
                    cells.url(CommitmentOutput.route(declaration.slug, commitment.number))
                }
            case .signatories:
                DataTable(dataset, rowCount: signatories.rowCount, base: base) { row, cells in
                    let (group, position) = signatories.locate(row)
                    signatory(position, ofDeclaration: group, to: &cells)
                }
            case .cities:
                DataTable(dataset, rowCount: cities.count, base: base) { row, cells in
                    cityCells(row, to: &cells)
                    cells.texts(cities[row].endorsements.lazy.map { declarations[$0].slug })
                    cells.url(CityOutput.route(cities[row].slug))
                }
            case .countries:
                DataTable(dataset, rowCount: countries.count, base: base) { row, cells in
                    let country = countries[row]
                    cells.text(country.slug)
                    cells.text(country.name)
                    cells.integer(country.cities.count)
                    cells.url(CountryOutput.route(country.slug))
                }
            case .actions:
                DataTable(dataset, rowCount: actions.rowCount, base: base) { row, cells in
                    let (group, position) = actions.locate(row)
                    let report = reports[group], action = report.actions[position]
                    let declaration = declarations[report.declaration], city = cities[report.city]
                    cells.text(declaration.slug)
                    cells.text(city.slug)
                    cells.text(city.name)
                    cells.integer(report.year)
                    cells.date(report.published)
                    cells.integers(action.commitments)
                    cells.text(action.title)
                    cells.text(action.markdown)
                    cells.text(action.plainText)
                    cells.url(ReportOutput.route(declaration.slug, report.year, city.slug))
                }
            case .translations:
                DataTable(dataset, rowCount: translations.count, base: base) { row, cells in
                    let translation = translations[row]
                    let slug = declarations[translation.declaration].slug
                    cells.text(slug)
                    cells.text(translation.language)
                    cells.text(translation.title)
                    cells.text(translation.event)
                    cells.text(translation.venue)
                    cells.text(translation.location)
                    cells.url(TranslationOutput.route(translation.language, slug))
                }
            case .translatedCommitments:
                DataTable(dataset, rowCount: translatedCommitments.rowCount, base: base) { row, cells in
                    let (group, position) = translatedCommitments.locate(row)
                    let translation = translations[group], commitment = translation.commitments[position]
                    cells.text(declarations[translation.declaration].slug)
                    cells.text(translation.language)
                    cells.integer(commitment.number)
                    cells.text(commitment.markdown)
                    cells.text(commitment.plainText)
                }
            }
        }
        tables = OpenDataset.allCases.map(table)
        signatoriesByDeclaration = declarations.indices.map { index in
            DataTable(.signatories, rowCount: signatoryCounts[index], base: base) { row, cells in
                signatory(row, ofDeclaration: index, to: &cells)
            }
        }
    }

    /// The site-wide table of `dataset`.
    package func table(_ dataset: OpenDataset) -> DataTable {
        tables[OpenDataset.allCases.firstIndex(of: dataset) ?? 0]
    }
}

/// The rows of a table made of groups one after another (each declaration's commitments, each report's
/// actions): which group a row is in, and where in it.
struct RowGroups: Sendable {
    /// Where each group's rows start, and the row after the last.
    private let starts: [Int]

    init(_ counts: [Int]) {
        var starts = [0]
        starts.reserveCapacity(counts.count + 1)
        for count in counts { starts.append(starts[starts.count - 1] + count) }
        self.starts = starts
    }

    var rowCount: Int { starts[starts.count - 1] }

    /// The group of `row` (in `0..<rowCount`) and its position in it.
    func locate(_ row: Int) -> (group: Int, position: Int) {
        // The last group starting at or before `row` that is not empty.
        var low = 0, high = starts.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= row { low = middle } else { high = middle }
        }
        return (low, row - starts[low])
    }
}
