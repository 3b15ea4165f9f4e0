/// Relative links from one page to the others, so the site works at a domain root,
/// under any subpath and from a local folder.
struct Links: Sendable {
    /// The way back to the site root from the page: `./`, `../`, `../../` …
    let root: String

    /// Links for a page whose folder is `depth` levels below the root.
    init(depth: Int) {
        root = depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// Links that start from a fixed prefix (absolute URLs, for the 404 page served at any address).
    init(absoluteRoot: String) {
        root = absoluteRoot
    }

    var home: String { root }
    var declarations: String { root + "declarations/" }
    var cities: String { root + "cities/" }
    var countries: String { root + "countries/" }
    var commitments: String { root + "commitments/" }
    func declaration(_ slug: String) -> String { root + "declarations/\(slug)/" }
    func print(_ slug: String) -> String { root + "declarations/\(slug)/print/" }
    func commitment(_ slug: String, _ number: Int) -> String { root + "declarations/\(slug)/commitments/\(number)/" }
    func city(_ slug: String) -> String { root + "cities/\(slug)/" }
    func country(_ slug: String) -> String { root + "countries/\(slug)/" }
    func asset(_ name: String) -> String { root + "assets/\(name)" }
}
