import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `cities/`: every city A–Z, grouped by initial.
package struct CitiesIndexOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("cities", view: CitiesIndexPage.self, as: "the cities index")
    /// Where its file goes.
    package static let route = Route("cities/")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [.allCities] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.citiesIndexPage(), template: Self.template.template, route: Self.route)
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    // It lists every city (10,000 at the benchmark's size) and every city's edit reaches it.
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func citiesIndexPage() -> CitiesIndexPage {
        let links = self.links(for: CitiesIndexOutput.route)
        var letters: [LetterGroupView] = []
        var current: (letter: String, cities: [CityEntryView])?
        // In the default order (`Site.cities`), or the page's language's where it differs.
        for index in placeOrder?.cities ?? Array(site.cities.indices) {
            let city = site.cities[index]
            let letter = placeOrder?.initials[index] ?? city.sortKey.initial
            let country = site.countries[city.country]
            let entry = CityEntryView(name: city.name, href: links.city(city.slug), countryName: country.name,
                                      countryHref: links.country(country.slug), detail: city.detail(in: interface),
                                      searchKey: city.name.utf8.contains { $0 >= 0x80 } ? city.sortKey.folded : nil)
            if let open = current, open.letter == letter {
                current?.cities.append(entry)
            } else {
                if let open = current { letters.append(Self.group(open.letter, open.cities)) }
                current = (letter, [entry])
            }
        }
        if let open = current { letters.append(Self.group(open.letter, open.cities)) }
        let places = Counted.places(site.cities.lazy.map(\.kind), in: interface)
        return CitiesIndexPage(
            page: meta(links, path: CitiesIndexOutput.route.path, title: text[.cities],
                       description: interface.text(.citiesDescription, ("places", places), ("network", site.config.network)),
                       section: .cities, trail: [.init(label: text[.cities], href: nil)], inEveryLanguage: true),
            letters: letters, placesText: places,
            download: download(interface.text(.downloadCities), routes: { OpenDataOutput.route(.cities, $0) }, links: links),
            scriptText: ScriptText.json(in: interface))
    }

    private static func group(_ letter: String, _ cities: [CityEntryView]) -> LetterGroupView {
        LetterGroupView(letter: letter, anchor: letter == "#" ? "other" : "letter-\(letter.lowercased())", cities: cities)
    }
}
