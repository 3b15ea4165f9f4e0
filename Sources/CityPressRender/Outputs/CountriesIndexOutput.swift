import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `countries/`: every country with its number of cities.
package struct CountriesIndexOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("countries", view: CountriesIndexPage.self, as: "the countries index")
    /// Where its file goes.
    package static let route = Route("countries/")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [.allCities] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.countriesIndexPage(), template: Self.template.template, route: Self.route)
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func countriesIndexPage() -> CountriesIndexPage {
        let links = self.links(for: CountriesIndexOutput.route)
        // In the default order (`Site.countries`), or the page's language's where it differs.
        let countries = (placeOrder?.countries ?? Array(site.countries.indices)).map { site.countries[$0] }.map {
            CountryEntryView(name: $0.name, href: links.country($0.slug),
                             placesText: Counted.places($0.cities.map { site.cities[$0].kind }, in: interface))
        }
        return CountriesIndexPage(
            page: meta(links, path: CountriesIndexOutput.route.path, title: text[.countries],
                       description: interface.text(.countriesDescription, ("countries", Counted.text(countries.count, .countCountries, in: interface)),
                                                ("network", site.config.network)),
                       section: .countries, trail: [.init(label: text[.countries], href: nil)], inEveryLanguage: true),
            countries: countries,
            countriesText: Counted.text(countries.count, .countCountries, in: interface),
            download: download(interface.text(.downloadCountries), routes: { OpenDataOutput.route(.countries, $0) }, links: links))
    }
}
