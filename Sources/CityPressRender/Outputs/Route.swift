import CityPressLoad
/// Where an output lives in the site: the address links use, and the file the build writes.
package struct Route: Hashable, Sendable, Comparable {
    /// The address below the site root, as links name it: `` (the home page), `cities/amsterdam/`,
    /// `404.html`, `sitemap.xml`. A page's address ends in `/`; its file is that folder's `index.html`.
    package let path: String

    /// A route to `path`.
    package init(_ path: String) {
        self.path = path
    }

    /// How many folders below the root the file is: how far relative links from it climb. (A
    /// folder's file is its `index.html`, in that folder: the path's slashes count.)
    package var depth: Int { path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

    /// The file written below the output folder: `cities/amsterdam/index.html`.
    package var file: String { isFolder ? path + "index.html" : path }

    /// Whether the address names a folder (whose file is its `index.html`).
    package var isFolder: Bool { path.isEmpty || path.hasSuffix("/") }

    package static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}
