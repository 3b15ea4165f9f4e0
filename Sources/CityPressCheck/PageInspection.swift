import CityPressCore

/// What reading one page found: its own problems, and what the whole-site checks need from it.
package struct PageInspection: Sendable {
    /// A problem at a byte offset of the page.
    package struct Problem: Sendable {
        package var offset: Int
        package var message: String
        package var notes: [String] = []
        /// What the front end can offer (a base URL, for root-relative links that miss).
        package var remedy: Remedy?
    }

    /// A link to a fragment of another page, checked once every page has been read.
    package struct FragmentLink: Sendable {
        /// The output index entry of the page linked to.
        package var target: Int
        package var fragment: String
        /// The link as written, for the message.
        package var link: String
        package var offset: Int
    }

    /// An http or https link to check with `--external`.
    package struct ExternalLink: Sendable {
        package var url: String
        package var offset: Int
    }

    package var problems: [Problem] = []
    /// What `#fragment` links to this page may name: its ids and the names of its `<a name>`.
    package var anchors: Set<String> = []
    package var fragmentLinks: [FragmentLink] = []
    package var externalLinks: [ExternalLink] = []
}
