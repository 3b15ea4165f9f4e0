import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `declarations/<slug>/updates/<year>/`: a declaration's implementation update for a year: every
/// action its signatories reported, by commitment, and who has reported.
package struct UpdateOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("update", view: UpdatePage.self, as: "an implementation update",
                                                       optional: true)
    /// One declaration's update for one year.
    package struct Item: Sendable {
        let declaration: Int
        let year: Int
    }

    /// The update of the declaration `slug` for `year`.
    package static func route(_ slug: String, _ year: Int) -> Route { Route("declarations/\(slug)/updates/\(year)/") }

    package func items(in site: Site) -> [Item] {
        var items: [Item] = []
        for report in site.reports where items.last.map({ $0.declaration != report.declaration || $0.year != report.year }) ?? true {
            items.append(Item(declaration: report.declaration, year: report.year))
        }
        return items
    }
    package func route(of item: Item, in site: Site) -> Route {
        Self.route(site.declarations[item.declaration].slug, item.year)
    }
    package func dependencies(of item: Item, in site: Site) -> [Dependency] {
        let slug = site.declarations[item.declaration].slug
        return [.updateReports(Report.updateKey(of: slug, year: item.year)), .declaration(slug), .signatoryList(slug)]
    }
    package func render(_ item: Item, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.updatePage(item.declaration, year: item.year), template: Self.template.template,
                     route: route(of: item, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives; `route` is where the page is (the update's print edition
    /// holds this view too, with links from its own folder).
    package func updatePage(_ index: Int, year: Int, at route: Route? = nil) -> UpdatePage {
        let declaration = site.declarations[index]
        let route = route ?? UpdateOutput.route(declaration.slug, year)
        let links = self.links(for: route)
        let reports = reportIndex.byDeclaration[index].filter { site.reports[$0].year == year }
        let reporting = Set(reports.map { site.reports[$0].city })
        // Expected to report for the year: every signatory that had endorsed by its end.
        let expected = zip(declaration.signatories, declaration.endorsed)
            .filter { $0.1.map { $0.year <= year } ?? true }.map(\.0).sorted()
        let notYet = expected.filter { !reporting.contains($0) }
        let share = expected.isEmpty ? 0 : Int((Double(reporting.count) * 100 / Double(expected.count)).rounded())
        return UpdatePage(
            page: meta(links, path: route.path, title: interface.text(.updateTitle, ("title", declaration.title), ("year", String(year))),
                       description: interface.text(.updateDescription, ("title", declaration.title), ("year", String(year))),
                       section: .declarations,
                       trail: [.init(label: text[.declarations], href: links.declarations),
                               .init(label: declaration.title, href: links.declaration(declaration.slug)),
                               .init(label: interface.text(.yearUpdate, ("year", String(year))), href: nil)]),
            declarationTitle: declaration.title, declarationHref: links.declaration(declaration.slug), year: year,
            printHref: links.to(UpdatePrintOutput.route(declaration.slug, year)),
            printText: interface.text(.printEditionOfUpdate, ("year", String(year))),
            pdfs: pdfPapers.map { paper in
                // Beside the update's page, where `build --pdf` writes them.
                PDFLinkView(label: interface.text(paper.linkLabel),
                            href: links.to(UpdateOutput.route(declaration.slug, year)) + paper.fileName(for: "\(declaration.slug)-update-\(year)"))
            },
            commitments: declaration.commitments.map { commitment in
                let actions = cityActions(reportIndex.actions(of: index, commitment: commitment.number)
                    .filter { site.reports[$0.report].year == year }, of: index, links: links)
                return UpdateCommitmentView(
                    number: commitment.number,
                    html: BodyLinks.relinked(commitment.html, links: links, declarationSlug: declaration.slug, onDeclarationPage: false),
                    href: links.commitment(declaration.slug, commitment.number), actions: actions, hasActions: !actions.isEmpty)
            },
            statusText: interface.text(.reportingStatus, ("reported", String(reporting.count)),
                                       ("signatories", Counted.text(expected.count, .countSignatories, in: interface)),
                                       ("year", String(year)), ("share", String(share))),
            reported: reports.map { report in
                let city = site.cities[site.reports[report].city]
                return CityLinkView(name: city.name, href: links.to(ReportOutput.route(declaration.slug, year, city.slug)),
                                    detail: city.detail(in: interface))
            },
            // Each is a signatory: the page depends on the declaration's signatory list, which holds every field of theirs.
            notYetReported: notYet.map { CityLinkView(name: site.cities[$0].name, href: links.city(site.cities[$0].slug),
                                                      detail: site.cities[$0].detail(in: interface)) },
            hasNotYetReported: !notYet.isEmpty)
    }

    /// The actions `references` point to (all on the declaration `index`), in their order, linked from
    /// a page with `links`.
    package func cityActions(_ references: [ReportIndex.ActionReference], of index: Int, links: Links) -> [CityActionView] {
        let slug = site.declarations[index].slug
        var reportHref = "", lastReport = -1
        return references.map { reference in
            let report = site.reports[reference.report], city = site.cities[report.city]
            if reference.report != lastReport {
                reportHref = links.to(ReportOutput.route(slug, report.year, city.slug))
                lastReport = reference.report
            }
            let action = report.actions[reference.action]
            return CityActionView(cityName: city.name, cityHref: links.city(city.slug), year: report.year,
                                  href: reportHref + "#" + ReportOutput.anchor(ofAction: reference.action), title: action.title,
                                  html: RelinkedHTML(action.html, links: links, declarationSlug: slug))
        }
    }
}
