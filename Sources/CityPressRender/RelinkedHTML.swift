/// Body HTML (a commitment's or an action's) whose links are rewritten for the page it is on only
/// when a template prints it: a view can offer the text without every page that leaves it out paying
/// for the rewrite.
package struct RelinkedHTML: Sendable, Hashable, CustomStringConvertible {
    let body: String
    let links: Links
    let declarationSlug: String

    /// `body`, as it will read on a page with `links`, outside its declaration's page.
    package init(_ body: String, links: Links, declarationSlug: String) {
        self.body = body
        self.links = links
        self.declarationSlug = declarationSlug
    }

    /// The HTML with its links rewritten.
    package var text: String {
        BodyLinks.relinked(body, links: links, declarationSlug: declarationSlug, onDeclarationPage: false)
    }
    package var description: String { text }
}
