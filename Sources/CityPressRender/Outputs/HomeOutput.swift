import CityPressLoad
import CityPressSite
import CityPressTemplates

/// The home page: the network's declarations and its totals.
package struct HomeOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("home", view: HomePage.self, as: "the home page")
    /// Where its file goes.
    package static let route = Route("")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [.allDeclarations, .allCities] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.homePage(), template: Self.template.template, route: Self.route)
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func homePage() -> HomePage {
        let links = self.links(for: HomeOutput.route)
        let summaries = site.declarations.indices.map { summary(of: $0, links: links, headingLevel: 3) }
        return HomePage(
            page: meta(links, path: HomeOutput.route.path, title: nil, section: .home, trail: [], inEveryLanguage: true),
            description: site.config.description, declarations: summaries, hasDeclarations: !summaries.isEmpty,
            totals: [(TextKey.totalDeclarations, site.declarations.count), (.totalCommitments, site.commitmentCount),
                     (.totalCities, site.cities.count), (.totalCountries, site.countries.count)].map { key, count in
                TotalView(label: interface.count(key, count), count: count)
            })
    }
}
