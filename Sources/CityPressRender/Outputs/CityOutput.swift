import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `cities/<slug>/`: a city, its country and the declarations it endorsed.
package struct CityOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("city", view: CityPage.self, as: "a city page")
    /// The page of the city `slug`.
    package static func route(_ slug: String) -> Route { Route(folder + slug + "/") }
    /// The folder every city page is in.
    package static let folder = "cities/"
    /// How deep every city page is (each declaration's entry is made for it).
    package static let depth = route("x").depth

    package func items(in site: Site) -> [Int] { Array(site.cities.indices) }
    package func route(of index: Int, in site: Site) -> Route { Self.route(site.cities[index].slug) }
    package func dependencies(of index: Int, in site: Site) -> [Dependency] {
        let city = site.cities[index]
        return [.city(city.slug), .countryName(site.countries[city.country].slug), .cityReports(city.slug)]
            + city.endorsements.map { .declarationEntry(site.declarations[$0].slug) }
    }
    package func render(_ index: Int, in context: RenderContext) -> [UInt8] {
        let page = context.renderer.cityPage(index, endorsementsHTML: context.fragments.endorsements)
        return context.page(page, template: Self.template.template, route: route(of: index, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome + [TemplateViews.cityEndorsement] }
}

extension SiteRenderer {
    /// The page of city `index`; `endorsementsHTML` holds each declaration's rendered entry.
    package func cityPage(_ index: Int, endorsementsHTML: [String]) -> CityPage {
        let city = site.cities[index]
        let route = CityOutput.route(city.slug)
        let links = self.links(for: route)
        let country = site.countries[city.country]
        // The entries of declarations endorsed at the meeting are shared by every city; a later date is the city's own.
        let endorsements = zip(city.endorsements, city.endorsementDates).map { index, date in
            if let date {
                return templates.render(endorsementView(of: index, endorsed: date), with: TemplateViews.cityEndorsement.template)
            }
            return endorsementsHTML.indices.contains(index) ? endorsementsHTML[index] : ""
        }
        let place = [city.subdivision, country.name].compactMap { $0 }.joined(separator: ", ")
        let description = interface.text(.cityDescription, ("city", city.name), ("place", place),
                                         ("kind", interface.text(city.kind.labelKey).lowercased()),
                                         ("declarations", Counted.text(endorsements.count, .countDeclarations, none: .noDeclarations, in: interface)),
                                         ("network", site.config.network))
        // Its reports, by declaration: which commitments they name, and one link per year.
        let mine = reportIndex.byCity[index] ?? []
        let reports = Array(Set(mine.map { site.reports[$0].declaration })).sorted().map { declarationIndex in
            let declaration = site.declarations[declarationIndex]
            let ofDeclaration = mine.filter { site.reports[$0].declaration == declarationIndex }
            let numbers = Set(ofDeclaration.flatMap { site.reports[$0].actions.flatMap(\.commitments) }).sorted()
            let (shownDeclaration, language) = shown(declarationIndex)
            return CityReportsView(
                declarationTitle: shownDeclaration.title, language: language, declarationHref: declarationHref(declarationIndex, links: links),
                commitmentsText: Counted.commitments(numbers, in: interface),
                reports: ofDeclaration.map { position in
                    let report = site.reports[position]
                    return UpdateLinkView(year: report.year, href: links.to(ReportOutput.route(declaration.slug, report.year, city.slug)),
                                          label: interface.text(.yearReport, ("year", String(report.year))),
                                          reportsText: interface.text(.publishedOn, ("date", interface.date(report.published))))
                })
        }
        return CityPage(
            page: meta(links, path: route.path, title: city.name, description: description, section: .cities,
                       trail: [.init(label: text[.cities], href: links.cities), .init(label: city.name, href: nil)], inEveryLanguage: true),
            name: city.name, kind: interface.text(city.kind.labelKey), subdivision: city.subdivision, countryName: country.name,
            countryHref: links.country(country.slug), endorsementsHTML: endorsements.joined(),
            hasEndorsements: !endorsements.isEmpty, reports: reports, hasReports: !reports.isEmpty)
    }
}
