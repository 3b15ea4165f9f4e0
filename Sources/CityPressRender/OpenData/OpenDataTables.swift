import CityPressSite

/// Every open-data table of a site, made once per build from the resolved site.
package struct OpenDataTables: Sendable {
    /// The site-wide tables, in `OpenDataset.allCases` order.
    package let tables: [DataTable]
    /// Each declaration's own signatories (its rows of `signatories`), by declaration index.
    package let signatoriesByDeclaration: [DataTable]

    /// The tables of `site`. URLs are absolute when the site has a `base_url`, else relative to the site's root.
    package init(_ site: Site) {
        let base = site.config.baseURL ?? ""
        func url(_ route: Route) -> DataTable.Value { .text(base + route.path) }
        func slug(_ text: String) -> DataTable.Value { .text(text) }

        let declarationRows: [[DataTable.Value]] = site.declarations.map { declaration in
            [slug(declaration.slug), .text(declaration.title), .text(declaration.event), .text(declaration.venue),
             .text(declaration.location), .text(declaration.startDate.description),
             .optional(declaration.endDate?.description), .optional(declaration.adopted?.description),
             .optional(declaration.signatoriesAsOf?.description), .integer(declaration.commitments.count),
             .integer(declaration.signatories.count), url(DeclarationOutput.route(declaration.slug))]
        }
        let commitmentRows: [[DataTable.Value]] = site.declarations.flatMap { declaration in
            declaration.commitments.map { commitment in
                [slug(declaration.slug), .text(declaration.title), .integer(commitment.number),
                 .text(commitment.markdown), .text(commitment.plainText),
                 url(CommitmentOutput.route(declaration.slug, commitment.number))]
            }
        }
        let bySignatory: [[[DataTable.Value]]] = site.declarations.map { declaration in
            zip(declaration.signatories, declaration.endorsed).map { index, endorsed in
                let city = site.cities[index], country = site.countries[city.country]
                return [slug(declaration.slug), .text(declaration.title), slug(city.slug), .text(city.name),
                        .text(country.name), slug(country.slug), .optional(city.subdivision), .text(city.kind.rawValue),
                        .optional(endorsed?.description), url(CityOutput.route(city.slug))]
            }
        }
        let cityRows: [[DataTable.Value]] = site.cities.map { city in
            let country = site.countries[city.country]
            return [slug(city.slug), .text(city.name), .text(country.name), slug(country.slug), .optional(city.subdivision),
                    .text(city.kind.rawValue), .list(city.endorsements.map { slug(site.declarations[$0].slug) }),
                    url(CityOutput.route(city.slug))]
        }
        let countryRows: [[DataTable.Value]] = site.countries.map { country in
            [slug(country.slug), .text(country.name), .integer(country.cities.count), url(CountryOutput.route(country.slug))]
        }
        let actionRows: [[DataTable.Value]] = site.reports.flatMap { report in
            let declaration = site.declarations[report.declaration], city = site.cities[report.city]
            let reportURL = url(ReportOutput.route(declaration.slug, report.year, city.slug))
            return report.actions.map { action in
                [slug(declaration.slug), slug(city.slug), .text(city.name), .integer(report.year),
                 .text(report.published.description), .list(action.commitments.map(DataTable.Value.integer)),
                 .text(action.title), .text(action.markdown), .text(action.plainText), reportURL]
            }
        }
        let translationRows: [[DataTable.Value]] = site.translations.map { translation in
            let slug = site.declarations[translation.declaration].slug
            return [.text(slug), .text(translation.language), .text(translation.title), .text(translation.event),
                    .text(translation.venue), .text(translation.location), url(TranslationOutput.route(translation.language, slug))]
        }
        let translatedCommitmentRows: [[DataTable.Value]] = site.translations.flatMap { translation in
            let slug = site.declarations[translation.declaration].slug
            return translation.commitments.map { commitment -> [DataTable.Value] in
                [.text(slug), .text(translation.language), .integer(commitment.number),
                 .text(commitment.markdown), .text(commitment.plainText)]
            }
        }
        tables = OpenDataset.allCases.map { dataset in
            switch dataset {
            case .declarations: DataTable(dataset, rows: declarationRows)
            case .commitments: DataTable(dataset, rows: commitmentRows)
            case .signatories: DataTable(dataset, rows: bySignatory.flatMap { $0 })
            case .cities: DataTable(dataset, rows: cityRows)
            case .countries: DataTable(dataset, rows: countryRows)
            case .actions: DataTable(dataset, rows: actionRows)
            case .translations: DataTable(dataset, rows: translationRows)
            case .translatedCommitments: DataTable(dataset, rows: translatedCommitmentRows)
            }
        }
        signatoriesByDeclaration = bySignatory.map { DataTable(.signatories, rows: $0) }
    }

    /// The site-wide table of `dataset`.
    package func table(_ dataset: OpenDataset) -> DataTable {
        tables[OpenDataset.allCases.firstIndex(of: dataset) ?? 0]
    }
}
