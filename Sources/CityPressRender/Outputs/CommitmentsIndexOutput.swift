import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `commitments/`: every commitment of every declaration.
package struct CommitmentsIndexOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("commitments", view: CommitmentsIndexPage.self, as: "the commitments index")
    /// Where its file goes.
    package static let route = Route("commitments/")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [.allDeclarations] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.commitmentsIndexPage(), template: Self.template.template, route: Self.route)
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func commitmentsIndexPage() -> CommitmentsIndexPage {
        let links = self.links(for: CommitmentsIndexOutput.route)
        let groups = site.declarations.indices.map { index in
            let (declaration, language) = shown(index)
            var group = CommitmentGroupView(
                title: declaration.title, href: declarationHref(index, links: links),
                dateText: interface.date(declaration.date), dateISO: declaration.date.description,
                commitments: declaration.commitments.map { commitment in
                    CommitmentItemView(number: commitment.number, anchor: "commitment-\(commitment.number)",
                                       html: BodyLinks.relinked(commitment.html, links: links, declarationSlug: declaration.slug,
                                                                onDeclarationPage: false),
                                       href: links.commitment(declaration.slug, commitment.number))
                })
            group.language = language
            return group
        }
        return CommitmentsIndexPage(
            page: meta(links, path: CommitmentsIndexOutput.route.path, title: text[.commitments],
                       description: interface.text(.commitmentsDescription, ("network", site.config.network)),
                       section: .commitments, trail: [.init(label: text[.commitments], href: nil)], inEveryLanguage: true),
            declarations: groups,
            summaryText: interface.text(.commitmentsFromDeclarations,
                                        ("commitments", Counted.text(site.commitmentCount, .countCommitments, in: interface)),
                                        ("declarations", Counted.text(site.declarations.count, .countDeclarations, in: interface))))
    }
}
