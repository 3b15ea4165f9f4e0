import Foundation

/// HTML that many pages share, rendered once per build before the pages.
struct SharedFragments: Sendable {
    struct Signatories: Sendable {
        /// For pages two folders deep (the declaration page).
        let atDepth2: String
        /// For pages four folders deep (commitment pages).
        let atDepth4: String
    }

    /// By declaration index.
    let signatories: [Signatories]
    /// The declaration view every commitment page of a declaration shares, by declaration index.
    let commitmentDeclarationViews: [DeclarationView]
    /// A city page's entry for each declaration (its link, date and commitment links), by declaration index.
    let endorsements: [String]

    init(renderer: SiteRenderer) {
        let count = renderer.site.declarations.count
        let signatories = (0..<count).parallelMap { index in
            Signatories(atDepth2: renderer.signatoriesFragment(of: index, links: Links(depth: 2)),
                        atDepth4: renderer.signatoriesFragment(of: index, links: Links(depth: 4)))
        }
        self.signatories = signatories
        commitmentDeclarationViews = (0..<count).map { index in
            renderer.declarationView(index, links: Links(depth: 4), signatoriesHTML: signatories[index].atDepth4)
        }
        endorsements = (0..<count).map { renderer.templates.render(renderer.endorsementView(of: $0), with: "city-endorsement") }
    }
}

/// The first error several threads ran into.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var isSet: Bool { lock.withLock { stored != nil } }
    var error: Error? { lock.withLock { stored } }

    func record(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}
