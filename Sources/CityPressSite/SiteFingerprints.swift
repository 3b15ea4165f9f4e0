import CityPressCore
import CityPressLoad

/// A fingerprint of each record of a site, of everything a page can show of it: what the build
/// manifest records so that a later build, in a new process and without this site, can tell which
/// records read differently (the preview compares two sites in memory instead: `SiteChanges`).
///
/// Cross-references are fingerprinted by slug, not by index, as `SiteChanges` compares them: a city
/// renamed into another place in the A–Z order changes only itself. Every field of a record is taken,
/// derived ones aside (a city's sort key comes from its name and the site's language, which
/// `configuration` holds), so that a field added later cannot be forgotten here without a test noticing.
package struct SiteFingerprints: Sendable {
    /// By city index: its slug, name, kind, subdivision, country (by slug) and endorsements (by slug, with dates).
    package let cities: [UInt64]
    /// By declaration index: its text, facts and signatories (by slug, with dates).
    package let declarations: [UInt64]
    /// By declaration index: its text and facts alone.
    package let declarationTexts: [UInt64]
    /// By country index: its name and its cities (by slug, in order).
    package let countries: [UInt64]
    /// By country index: its name alone.
    package let countryNames: [UInt64]
    /// By report index: its place (declaration, year and city by slug), date, summary, actions and links.
    package let reports: [UInt64]
    /// `site.yml` (with the build's overrides) and every translation: a change to either can reach any page.
    package let configuration: UInt64

    /// The fingerprints of `site`'s records.
    package init(_ site: Site) {
        cities = site.cities.parallelMap { city in
            var print = Fingerprint()
            print.add(city.slug)
            print.add(city.name)
            print.add(city.kind.rawValue)
            print.add(city.subdivision)
            print.add(site.countries[city.country].slug)
            print.add(city.endorsements.count)
            for (declaration, date) in zip(city.endorsements, city.endorsementDates) {
                print.add(site.declarations[declaration].slug)
                Self.add(date, to: &print)
            }
            return print.value
        }
        // A declaration's text is taken once, and each declaration on its own core: twenty declarations of
        // thousands of signatories each were a tenth of what fingerprinting a large site took.
        let texts = site.declarations.indices.parallelMap { Self.text(of: site.declarations[$0]) }
        declarationTexts = texts.map(\.value)
        declarations = site.declarations.indices.parallelMap { index in
            let declaration = site.declarations[index]
            var print = texts[index]
            print.add(declaration.signatories.count)
            for (city, date) in zip(declaration.signatories, declaration.endorsed) {
                print.add(site.cities[city].slug)
                Self.add(date, to: &print)
            }
            return print.value
        }
        countries = site.countries.map { country in
            var print = Fingerprint()
            print.add(country.slug)
            print.add(country.name)
            print.add(country.cities.count)
            for city in country.cities { print.add(site.cities[city].slug) }
            return print.value
        }
        countryNames = site.countries.map { country in
            var print = Fingerprint()
            print.add(country.name)
            return print.value
        }
        reports = site.reports.map { report in
            var print = Fingerprint()
            print.add(site.declarations[report.declaration].slug)
            print.add(report.year)
            print.add(site.cities[report.city].slug)
            Self.add(report.published, to: &print)
            print.add(report.summaryHTML)
            print.add(report.actions.count)
            for action in report.actions {
                print.add(action.commitments.count)
                for commitment in action.commitments { print.add(commitment) }
                print.add(action.title)
                print.add(action.html)
                print.add(action.markdown)
                print.add(action.plainText)
            }
            Self.add(report.links, to: &print)
            return print.value
        }
        var configuration = Fingerprint()
        let config = site.config
        configuration.add(config.title)
        configuration.add(config.network)
        configuration.add(config.description)
        configuration.add(config.language)
        configuration.add(config.languages.count)
        for language in config.languages { configuration.add(language) }
        configuration.add(config.baseURL)
        configuration.add(config.allowsUnsafeHTML ? 1 : 0)
        configuration.add(site.translations.count)
        for translation in site.translations {
            configuration.add(site.declarations[translation.declaration].slug)
            configuration.add(translation.language)
            configuration.add(translation.title)
            configuration.add(translation.event)
            configuration.add(translation.venue)
            configuration.add(translation.location)
            configuration.add(translation.preambleHTML)
            Self.add(translation.commitments, to: &configuration)
            configuration.add(translation.closingHTML)
            configuration.add(translation.source.description)
        }
        self.configuration = configuration.value
    }

    /// A declaration's own fields: everything but its signatories.
    private static func text(of declaration: Declaration) -> Fingerprint {
        var print = Fingerprint()
        print.add(declaration.slug)
        print.add(declaration.title)
        print.add(declaration.event)
        print.add(declaration.venue)
        print.add(declaration.location)
        add(declaration.startDate, to: &print)
        add(declaration.endDate, to: &print)
        add(declaration.adopted, to: &print)
        add(declaration.signatoriesAsOf, to: &print)
        print.add(declaration.preambleHTML)
        add(declaration.commitments, to: &print)
        print.add(declaration.closingHTML)
        print.add(declaration.isDraft ? 1 : 0)
        add(declaration.links, to: &print)
        return print
    }

    private static func add(_ date: CalendarDate?, to print: inout Fingerprint) {
        guard let date else { return print.add(-1) }
        print.add(date.year * 10_000 + date.month * 100 + date.day)
    }

    private static func add(_ commitments: [Commitment], to print: inout Fingerprint) {
        print.add(commitments.count)
        for commitment in commitments {
            print.add(commitment.number)
            print.add(commitment.html)
            print.add(commitment.plainText)
            print.add(commitment.markdown)
        }
    }

    private static func add(_ links: [Located<String>], to print: inout Fingerprint) {
        print.add(links.count)
        for link in links {
            print.add(link.value)
            print.add(link.location.description)
        }
    }
}
