import CityPressLoad
import CityPressSite

/// The day each page's content last changed, from the content's own dates (a declaration's date and
/// signatory list, endorsements, reports' publication), never from the build: the sitemap's `lastmod`.
/// Found in one pass over the site; a page not found here (an index, the home page) shows everything,
/// so it has the newest date of all.
package struct ContentDates: Sendable {
    private var dates: [Route: CalendarDate] = [:]
    /// The newest content date of the site.
    package private(set) var newest: CalendarDate?

    /// The dates of `site`'s pages.
    package init(_ site: Site) {
        func note(_ route: Route, _ date: CalendarDate) {
            if let known = dates[route], known >= date { return }
            dates[route] = date
        }
        var byDeclaration: [CalendarDate] = []
        var byCity: [Int: CalendarDate] = [:]
        for declaration in site.declarations {
            var latest = max(declaration.date, declaration.signatoriesAsOf ?? declaration.date)
            for (city, endorsed) in zip(declaration.signatories, declaration.endorsed) {
                let day = endorsed ?? declaration.date
                latest = max(latest, day)
                byCity[city] = max(byCity[city] ?? day, day)
            }
            byDeclaration.append(latest)
        }
        for report in site.reports {
            let slug = site.declarations[report.declaration].slug, citySlug = site.cities[report.city].slug
            note(ReportOutput.route(slug, report.year, citySlug), report.published)
            note(UpdateOutput.route(slug, report.year), report.published)
            note(UpdatePrintOutput.route(slug, report.year), report.published)
            byDeclaration[report.declaration] = max(byDeclaration[report.declaration], report.published)
            byCity[report.city] = max(byCity[report.city] ?? report.published, report.published)
        }
        for (index, declaration) in site.declarations.enumerated() {
            let latest = byDeclaration[index]
            note(DeclarationOutput.route(declaration.slug), latest)
            note(PrintOutput.route(declaration.slug), latest)
            for commitment in declaration.commitments { note(CommitmentOutput.route(declaration.slug, commitment.number), latest) }
            for translation in site.translations(of: index) {
                note(TranslationOutput.route(translation.language, declaration.slug), latest)
                note(TranslationOutput.printRoute(translation.language, declaration.slug), latest)
            }
            newest = max(newest ?? latest, latest)
        }
        for (index, city) in site.cities.enumerated() {
            guard let day = byCity[index] else { continue }
            note(CityOutput.route(city.slug), day)
        }
        for country in site.countries {
            guard let day = country.cities.compactMap({ byCity[$0] }).max() else { continue }
            note(CountryOutput.route(country.slug), day)
        }
        // A city's or a country's page in a site language's tree changes with the original.
        guard !site.config.languages.isEmpty else { return }
        let places = dates.filter { $0.key.path.hasPrefix(CitiesIndexOutput.route.path) || $0.key.path.hasPrefix(CountriesIndexOutput.route.path) }
        for language in site.config.languages {
            for (route, day) in places { dates[route.inTree(language)] = day }
        }
    }

    /// The day `route`'s content last changed; the site's newest date for pages of the whole site.
    package func lastModified(_ route: Route) -> CalendarDate? { dates[route] ?? newest }
}
