import Foundation
import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// HTML that many pages share, rendered once per build before the pages.
package struct SharedFragments: Sendable {
    package struct Signatories: Sendable {
        /// For pages two folders deep (the declaration page).
        package let atDepth2: String
        /// For pages four folders deep (commitment pages).
        package let atDepth4: String
        /// For the print edition (names only).
        package let forPrint: String
    }

    /// By declaration index; `nil` for a declaration left out (`signatories(of:in:)` makes its own then).
    private let made: [Signatories?]
    /// The declaration view every commitment page of a declaration shares, by declaration index.
    package let commitmentDeclarationViews: [Int: DeclarationView]
    /// A city page's entry for each declaration (its link, date and commitment links), by declaration index.
    package internal(set) var endorsements: [String]
    /// The same entries in each site language's tree (`languages:`), by language.
    package let endorsementsInLanguages: [String: [String]]

    /// Each city's entries in signatory lists, which the fragments are made of.
    package let entries: SignatoryEntries

    /// The fragments of every declaration, or only of `declarations` (the others' signatory lists are
    /// made when asked for: `signatories(of:in:)`), made of `entries` (rendered here when not given).
    package init(renderer: SiteRenderer, declarations: Set<Int>? = nil, entries given: SignatoryEntries? = nil) {
        let count = renderer.site.declarations.count
        let wanted = declarations ?? Set(0..<count)
        let entries = given ?? declarations.map { SignatoryEntries(renderer: renderer, signing: $0) } ?? SignatoryEntries(renderer: renderer)
        self.entries = entries
        let made = (0..<count).parallelMap { index in
            wanted.contains(index) ? Self.signatories(of: index, renderer: renderer, entries: entries) : nil
        }
        self.made = made
        var views: [Int: DeclarationView] = [:]
        for index in wanted.sorted() {
            guard let signatories = made[index] else { continue }
            views[index] = renderer.declarationView(index, links: renderer.links(depth: CommitmentOutput.depth), signatoriesHTML: signatories.atDepth4)
        }
        commitmentDeclarationViews = views
        endorsements = (0..<count).map { index in
            renderer.templates.render(renderer.endorsementView(of: index), with: TemplateViews.cityEndorsement.template)
        }
        var inLanguages: [String: [String]] = [:]
        for language in renderer.site.config.languages {
            let speaker = renderer.speaking(language)
            inLanguages[language] = (0..<count).map { index in
                speaker.templates.render(speaker.endorsementView(of: index), with: TemplateViews.cityEndorsement.template)
            }
        }
        endorsementsInLanguages = inLanguages
    }

    /// The signatory lists of the declaration `index` of `renderer`'s site (the renderer these fragments
    /// were made with): made with the fragments, or now for a declaration left out (the preview's
    /// pages rendered when asked for need one declaration's, not every declaration's).
    package func signatories(of index: Int, in renderer: SiteRenderer) -> Signatories {
        if let made = made[index] { return made }
        // Entries made for the other declarations' signatories alone may lack some of this one's.
        let entries = entries.isComplete ? entries : SignatoryEntries(renderer: renderer, signing: [index])
        return Self.signatories(of: index, renderer: renderer, entries: entries)
    }

    private static func signatories(of index: Int, renderer: SiteRenderer, entries: SignatoryEntries) -> Signatories {
        let web = renderer.signatoriesFragment(of: index, entries: entries.web)
        return Signatories(atDepth2: web, atDepth4: SiteRenderer.relinked(web, toDepth: CommitmentOutput.depth),
                           forPrint: renderer.signatoriesFragment(of: index, entries: entries.print,
                                                                  template: TemplateViews.printSignatories.template))
    }
}

/// Counts finished pages and reports every 1 % (and the last one).
package final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let stride: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    package init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.stride = max(1, total / 100)
        self.report = report
    }

    package func step() {
        guard let report else { return }
        let now = lock.withLock { () -> Int in done += 1; return done }
        if now % stride == 0 || now == total { report(now, total) }
    }
}

/// The first error several threads ran into.
package final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    package init() {}

    package var isSet: Bool { lock.withLock { stored != nil } }
    package var error: Error? { lock.withLock { stored } }

    package func record(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}
