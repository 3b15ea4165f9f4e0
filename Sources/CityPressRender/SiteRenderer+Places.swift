import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// City and country pages and their indexes.
extension SiteRenderer {
    package func citiesIndexPage() -> CitiesIndexPage {
        let links = self.links(depth: 1)
        var letters: [LetterGroupView] = []
        var current: (letter: String, cities: [CityEntryView])?
        for city in site.cities {
            let letter = city.sortKey.initial
            let country = site.countries[city.country]
            let entry = CityEntryView(name: city.name, href: links.city(city.slug), countryName: country.name,
                                      countryHref: links.country(country.slug), detail: city.detail)
            if let open = current, open.letter == letter {
                current?.cities.append(entry)
            } else {
                if let open = current { letters.append(Self.group(open.letter, open.cities)) }
                current = (letter, [entry])
            }
        }
        if let open = current { letters.append(Self.group(open.letter, open.cities)) }
        return CitiesIndexPage(
            page: meta(links, path: "cities/", title: "Cities",
                       description: "\(Counted.places(site.cities.map(\.kind))) that endorse declarations of the \(site.config.network), A–Z.",
                       section: .cities, trail: [.init(label: "Cities", href: nil)]),
            letters: letters, cityCount: site.cities.count, placesText: Counted.places(site.cities.map(\.kind)))
    }

    private static func group(_ letter: String, _ cities: [CityEntryView]) -> LetterGroupView {
        LetterGroupView(letter: letter, anchor: letter == "#" ? "other" : "letter-\(letter.lowercased())", cities: cities)
    }

    /// A city page's entry for a declaration: the same on every city page, so rendered once.
    package func endorsementView(of declarationIndex: Int) -> EndorsementView {
        let declaration = site.declarations[declarationIndex]
        let links = self.links(depth: 2)
        return EndorsementView(
            title: declaration.title, href: links.declaration(declaration.slug),
            dateText: declaration.date.longForm, dateISO: declaration.date.description,
            commitments: declaration.commitments.map {
                NavLinkView(label: "\($0.number)", href: links.commitment(declaration.slug, $0.number))
            })
    }

    /// The page of city `index`; `endorsementsHTML` holds each declaration's rendered entry.
    package func cityPage(_ index: Int, endorsementsHTML: [String]) -> CityPage {
        let city = site.cities[index]
        let links = self.links(depth: 2)
        let country = site.countries[city.country]
        let endorsements = city.endorsements.map { endorsementsHTML.indices.contains($0) ? endorsementsHTML[$0] : "" }
        let place = [city.subdivision, country.name].compactMap { $0 }.joined(separator: ", ")
        let description = "\(city.name) (\(place)): \(city.kind.singular) endorsing "
            + "\(Counted.text(endorsements.count, "declaration", "declarations", zeroAsNo: true)) of the \(site.config.network)."
        return CityPage(
            page: meta(links, path: "cities/\(city.slug)/", title: city.name, description: description, section: .cities,
                       trail: [.init(label: "Cities", href: links.cities), .init(label: city.name, href: nil)]),
            name: city.name, kind: city.kind.label, subdivision: city.subdivision, countryName: country.name,
            countryHref: links.country(country.slug), endorsementsHTML: endorsements.joined(),
            hasEndorsements: !endorsements.isEmpty, endorsementCount: endorsements.count)
    }

    package func countriesIndexPage() -> CountriesIndexPage {
        let links = self.links(depth: 1)
        let countries = site.countries.map {
            CountryEntryView(name: $0.name, href: links.country($0.slug), cityCount: $0.cities.count,
                             placesText: Counted.places($0.cities.map { site.cities[$0].kind }))
        }
        return CountriesIndexPage(
            page: meta(links, path: "countries/", title: "Countries",
                       description: "\(Counted.text(countries.count, "country", "countries")) of the cities that endorse declarations of the \(site.config.network).",
                       section: .countries, trail: [.init(label: "Countries", href: nil)]),
            countries: countries, countryCount: countries.count,
            countriesText: Counted.text(countries.count, "country", "countries"))
    }

    package func countryPage(_ index: Int) -> CountryPage {
        let country = site.countries[index]
        let links = self.links(depth: 2)
        let cities = country.cities.map { cityIndex -> CountryCityView in
            let city = site.cities[cityIndex]
            return CountryCityView(name: city.name, href: links.city(city.slug), detail: city.detail,
                                   endorsementCount: city.endorsements.count,
                                   endorsementsText: "endorses " + Counted.text(city.endorsements.count, "declaration", "declarations", zeroAsNo: true))
        }
        return CountryPage(
            page: meta(links, path: "countries/\(country.slug)/", title: country.name,
                       description: "Cities in \(country.name) that endorse declarations of the \(site.config.network).",
                       section: .countries,
                       trail: [.init(label: "Countries", href: links.countries), .init(label: country.name, href: nil)]),
            name: country.name, cities: cities, cityCount: cities.count,
            placesText: Counted.places(country.cities.map { site.cities[$0].kind }))
    }
}
