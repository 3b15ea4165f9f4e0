import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `countries/<slug>/`: a country's cities.
package struct CountryOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("country", view: CountryPage.self, as: "a country page")
    /// The page of the country `slug`.
    package static func route(_ slug: String) -> Route { Route(folder + slug + "/") }
    /// The folder every country page is in.
    package static let folder = "countries/"

    package func items(in site: Site) -> [Int] { Array(site.countries.indices) }
    package func route(of index: Int, in site: Site) -> Route { Self.route(site.countries[index].slug) }
    // Each city's name, detail and number of endorsements.
    package func dependencies(of index: Int, in site: Site) -> [Dependency] {
        let country = site.countries[index]
        return [.country(country.slug)] + country.cities.map { .city(site.cities[$0].slug) }
    }
    package func render(_ index: Int, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.countryPage(index), template: Self.template.template, route: route(of: index, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func countryPage(_ index: Int) -> CountryPage {
        let country = site.countries[index]
        let route = CountryOutput.route(country.slug)
        let links = self.links(for: route)
        let order = placeOrder.map { order in country.cities.sorted { order.rank[$0] < order.rank[$1] } } ?? country.cities
        let cities = order.map { cityIndex -> CountryCityView in
            let city = site.cities[cityIndex]
            return CountryCityView(name: city.name, href: links.city(city.slug), detail: city.detail(in: interface),
                                   endorsementsText: interface.text(.endorsesDeclarations, ("declarations", Counted.text(city.endorsements.count, .countDeclarations, none: .noDeclarations, in: interface))))
        }
        return CountryPage(
            page: meta(links, path: route.path, title: country.name,
                       description: interface.text(.countryDescription, ("country", country.name), ("network", site.config.network)),
                       section: .countries,
                       trail: [.init(label: text[.countries], href: links.countries), .init(label: country.name, href: nil)], inEveryLanguage: true),
            name: country.name, cities: cities,
            placesText: Counted.places(country.cities.map { site.cities[$0].kind }, in: interface))
    }
}
