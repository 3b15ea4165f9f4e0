import CityPressCore
import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `search/`: a search box over the search index (`search-index.js`), run in the browser by
/// `assets/search.js`; without JavaScript the page points to the indexes instead.
package struct SearchOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("search", view: SearchPage.self, as: "the search page")
    /// Where its file goes.
    package static let route = Route("search/")

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    // The page shows nothing of the content: the index it loads does.
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { [] }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.searchPage(), template: Self.template.template, route: Self.route)
    }
    // A search box has nothing for a search engine to index; the sitemap lists the publication's pages.
    package var isListedInSitemap: Bool { false }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives.
    package func searchPage() -> SearchPage {
        let links = self.links(for: SearchOutput.route)
        return SearchPage(
            page: meta(links, path: SearchOutput.route.path, title: text[.search],
                       description: interface.text(.searchDescription, ("network", site.config.network)),
                       section: .search, trail: [.init(label: text[.search], href: nil)], inEveryLanguage: true),
            indexHref: links.inTree(SearchIndexOutput.route), root: links.root, pageSuffix: links.page,
            declarationsHref: links.declarations, commitmentsHref: links.commitments, citiesHref: links.cities,
            countriesHref: links.countries,
            browseHTML: interface.text(.searchBrowse, ("declarations", link(links.declarations, .declarationsLower)),
                                       ("commitments", link(links.commitments, .commitmentsLower)),
                                       ("cities", link(links.cities, .citiesLower)), ("countries", link(links.countries, .countriesLower))),
            scriptText: ScriptText.json(in: interface))
    }

    /// `<a href="…">declarations</a>`: a link in a sentence of the interface, its text escaped.
    private func link(_ href: String, _ key: TextKey) -> String {
        "<a href=\"\(MarkupEscaping.escape(href))\">\(MarkupEscaping.escape(text[key]))</a>"
    }
}
