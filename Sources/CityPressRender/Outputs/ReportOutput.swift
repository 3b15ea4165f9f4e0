import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `declarations/<slug>/updates/<year>/<city>/`: one city's implementation report, inside the
/// declaration's update for that year.
package struct ReportOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("report", view: ReportPage.self, as: "a report page",
                                                       optional: true)
    /// The report of the city `city` on the declaration `slug` for `year`.
    package static func route(_ slug: String, _ year: Int, _ city: String) -> Route {
        Route("declarations/\(slug)/updates/\(year)/\(city)/")
    }
    /// The `id` of the action at `position` (from 0) on its report's page: `action-1` for the first.
    package static func anchor(ofAction position: Int) -> String { "action-\(position + 1)" }

    package func items(in site: Site) -> [Int] { Array(site.reports.indices) }
    package func route(of index: Int, in site: Site) -> Route {
        let report = site.reports[index]
        return Self.route(site.declarations[report.declaration].slug, report.year, site.cities[report.city].slug)
    }
    package func dependencies(of index: Int, in site: Site) -> [Dependency] {
        let report = site.reports[index]
        return [.report(report.key(in: site)), .city(site.cities[report.city].slug),
                .declaration(site.declarations[report.declaration].slug)]
    }
    package func render(_ index: Int, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.reportPage(index), template: Self.template.template,
                     route: route(of: index, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func reportPage(_ index: Int) -> ReportPage {
        let report = site.reports[index]
        let declaration = site.declarations[report.declaration], city = site.cities[report.city]
        let route = ReportOutput.route(declaration.slug, report.year, city.slug)
        let links = self.links(for: route)
        let title = interface.text(.reportTitle, ("city", city.name), ("title", declaration.title), ("year", String(report.year)))
        return ReportPage(
            page: meta(links, path: route.path, title: title,
                       description: interface.text(.reportDescription, ("city", city.name), ("year", String(report.year)), ("title", declaration.title)),
                       section: .declarations,
                       trail: [.init(label: text[.declarations], href: links.declarations),
                               .init(label: declaration.title, href: links.declaration(declaration.slug)),
                               .init(label: interface.text(.yearUpdate, ("year", String(report.year))), href: links.to(UpdateOutput.route(declaration.slug, report.year))),
                               .init(label: city.name, href: nil)]),
            cityName: city.name, cityHref: links.city(city.slug), declarationTitle: declaration.title,
            declarationHref: links.declaration(declaration.slug), year: report.year,
            publishedText: interface.date(report.published), publishedISO: report.published.description,
            summaryHTML: report.summaryHTML.isEmpty ? nil
                : BodyLinks.relinked(report.summaryHTML, links: links, declarationSlug: declaration.slug, onDeclarationPage: false),
            actions: report.actions.enumerated().map { position, action in
                ReportActionView(
                    anchor: ReportOutput.anchor(ofAction: position), title: action.title,
                    html: BodyLinks.relinked(action.html, links: links, declarationSlug: declaration.slug, onDeclarationPage: false),
                    commitments: action.commitments.map {
                        NavLinkView(label: interface.text(.commitmentNumber, ("number", String($0))), href: links.commitment(declaration.slug, $0))
                    })
            },
            updateHref: links.to(UpdateOutput.route(declaration.slug, report.year)))
    }
}
