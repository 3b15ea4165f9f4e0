import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `declarations/<slug>/commitments/<n>/`: one commitment on its own page, with its neighbours.
package struct CommitmentOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("commitment", view: CommitmentPage.self, as: "a commitment page")
    /// A commitment: its declaration's index and its position among the declaration's commitments.
    package struct Item: Sendable {
        let declaration: Int
        let position: Int
    }

    /// The page of commitment `number` of the declaration `slug`.
    package static func route(_ slug: String, _ number: Int) -> Route {
        Route("declarations/\(slug)/commitments/\(number)/")
    }
    /// How deep every commitment page is.
    package static let depth = route("x", 1).depth

    package func items(in site: Site) -> [Item] {
        site.declarations.indices.flatMap { index in
            site.declarations[index].commitments.indices.map { Item(declaration: index, position: $0) }
        }
    }
    package func route(of item: Item, in site: Site) -> Route {
        let declaration = site.declarations[item.declaration]
        return Self.route(declaration.slug, declaration.commitments[item.position].number)
    }
    // The page repeats the declaration's text and signatory list.
    package func dependencies(of item: Item, in site: Site) -> [Dependency] {
        let declaration = site.declarations[item.declaration]
        // With the actions that name this commitment, not every report on the declaration.
        return declaration.pageDependencies(in: site)
            + [.commitmentReports(Commitment.key(of: declaration.slug, declaration.commitments[item.position].number))]
    }
    // Each page repeats its declaration's signatory list and, with reports, every action naming its
    // commitment (some 650 at 10,000 cities): a city's edit reaches all of its declarations' pages.
    package var isRenderedWhenAskedInPreview: Bool { true }
    package func render(_ item: Item, in context: RenderContext) -> [UInt8] {
        let renderer = context.renderer, index = item.declaration
        let declaration = context.fragments.commitmentDeclarationViews[index]
            ?? renderer.declarationView(index, links: renderer.links(depth: route(of: item, in: context.site).depth),
                                        signatoriesHTML: context.fragments.signatories(of: index, in: renderer).atDepth4)
        let page = renderer.commitmentPage(index, position: item.position, declaration: declaration)
        return context.page(page, template: Self.template.template, route: route(of: item, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome + TemplateViews.signatoryList }
}

extension SiteRenderer {
    /// The view its template receives.
    package func commitmentPage(_ index: Int, position: Int, declaration view: DeclarationView) -> CommitmentPage {
        let declaration = site.declarations[index]
        let commitment = declaration.commitments[position]
        let slug = declaration.slug
        let route = CommitmentOutput.route(slug, commitment.number)
        let links = self.links(for: route)
        let title = interface.text(.commitmentOfDeclaration, ("number", String(commitment.number)), ("title", declaration.title))
        func neighbour(_ at: Int) -> NavLinkView? {
            guard declaration.commitments.indices.contains(at) else { return nil }
            let number = declaration.commitments[at].number
            return NavLinkView(label: interface.text(.commitmentNumber, ("number", String(number))), href: links.commitment(slug, number))
        }
        let actions = cityActions(reportIndex.actions(of: index, commitment: commitment.number), of: index, links: links)
        return CommitmentPage(
            page: meta(links, path: route.path, title: title,
                       description: commitment.plainText.excerpt(), section: .declarations,
                       trail: [.init(label: text[.declarations], href: links.declarations),
                               .init(label: declaration.title, href: links.declaration(slug)),
                               .init(label: interface.text(.commitmentNumber, ("number", String(commitment.number))), href: nil)]),
            declaration: view, number: commitment.number,
            html: BodyLinks.relinked(commitment.html, links: links, declarationSlug: slug, onDeclarationPage: false),
            declarationAnchorHref: links.declaration(slug) + "#commitment-\(commitment.number)",
            previous: neighbour(position - 1), next: neighbour(position + 1),
            actions: actions, hasActions: !actions.isEmpty,
            actionsText: interface.text(.actionsReportedByCities, ("actions", Counted.text(actions.count, .countActions, in: interface)),
                                        ("cities", Counted.text(Set(actions.map(\.cityHref)).count, .countCities, in: interface))))
    }
}
