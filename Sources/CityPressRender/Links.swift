import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// Relative links from one page to the others, so the site works at a domain root,
/// under any subpath and (with `LinkStyle.indexFiles`) from a local folder.
package struct Links: Sendable, Hashable {
    /// The way back to the site root from the page: `./`, `../`, `../../` …
    package let root: String
    /// What follows a page's folder in a link: nothing, or `index.html`.
    package let page: String
    /// The language tree the page is in (`fr/`), where links to the pages every site language has
    /// (home, indexes, cities, countries) stay; empty in the site's own language.
    package let tree: String

    /// Links for a page whose folder is `depth` levels below the root, in the language tree `tree`.
    package init(depth: Int, style: LinkStyle = .folders, tree: String = "") {
        root = depth == 0 ? "./" : String(repeating: "../", count: depth)
        page = style == .indexFiles ? "index.html" : ""
        self.tree = tree
    }

    /// Links that start from a fixed prefix (absolute URLs, for the 404 page served at any address).
    package init(absoluteRoot: String) {
        root = absoluteRoot
        page = ""
        tree = ""
    }

    package var home: String { inTree(HomeOutput.route) }
    package var declarations: String { inTree(DeclarationsIndexOutput.route) }
    package var cities: String { inTree(CitiesIndexOutput.route) }
    package var countries: String { inTree(CountriesIndexOutput.route) }
    package var commitments: String { inTree(CommitmentsIndexOutput.route) }
    package func declaration(_ slug: String) -> String { to(DeclarationOutput.route(slug)) }
    /// The declaration's folder, where its PDFs sit beside its page.
    package func declarationFolder(_ slug: String) -> String { root + DeclarationOutput.route(slug).path }
    package func print(_ slug: String) -> String { to(PrintOutput.route(slug)) }
    package func commitment(_ slug: String, _ number: Int) -> String { to(CommitmentOutput.route(slug, number)) }
    package func city(_ slug: String) -> String { pageLink(in: CityOutput.folder, slug) }
    package func country(_ slug: String) -> String { pageLink(in: CountryOutput.folder, slug) }
    package func asset(_ name: String) -> String { root + "assets/\(name)" }

    /// The output at `route` in this page's language tree (a page every site language has).
    package func inTree(_ route: Route) -> String { tree.isEmpty ? to(route) : to(Route(tree + route.path)) }

    /// The page `slug` in `folder` of this page's language tree: what `inTree(Route(folder + slug + "/"))`
    /// gives, made as one string (lists of ten thousand cities link each city and its country).
    private func pageLink(in folder: String, _ slug: String) -> String {
        var link = ""
        link.reserveCapacity(root.utf8.count + tree.utf8.count + folder.utf8.count + slug.utf8.count + 1 + page.utf8.count)
        link += root
        link += tree
        link += folder
        link += slug
        link += "/"
        link += page
        return link
    }

    /// The output at `route`, from this page.
    package func to(_ route: Route) -> String { route.isFolder ? root + route.path + page : root + route.path }

    /// A site path (`cities/amsterdam/`, `declarations/x/#commitment-2`, `assets/logo.png`) from this page.
    package func path(_ sitePath: String) -> String {
        guard !page.isEmpty else { return root + sitePath }
        let end = sitePath.firstIndex { $0 == "#" || $0 == "?" } ?? sitePath.endIndex
        let path = sitePath[..<end]
        guard path.isEmpty || path.hasSuffix("/") else { return root + sitePath }
        return root + path + page + sitePath[end...]
    }
}
