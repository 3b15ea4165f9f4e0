import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// Each city's entry in signatory lists, by city index, rendered once per build with links from
/// pages two folders deep. The preview keeps them between builds (in its `RenderMemo`), so that
/// after a city edit only the edited cities' entries are rendered again.
package struct SignatoryEntries: Sendable {
    /// The cities' slugs, in the order of the site the entries were rendered for.
    package let slugs: [String]
    /// `signatory-entry`: for web pages.
    package let web: [String]
    /// `print-signatory-entry`: for the print edition (names only).
    package let print: [String]

    /// Whether every city's entries are rendered (not only those of some declarations' signatories):
    /// only such entries may be kept for a later build.
    package let isComplete: Bool

    /// Every city's entries. (Rendering one is cheaper than looking it up in a `RenderMemo`.)
    package init(renderer: SiteRenderer) {
        slugs = renderer.site.cities.map(\.slug)
        web = renderer.signatoryEntries(template: TemplateViews.signatoryEntry.template)
        print = renderer.signatoryEntries(template: TemplateViews.printSignatoryEntry.template)
        isComplete = true
    }

    /// The entries of the cities that sign `declarations` (indexes), the others left empty: enough for
    /// those declarations' lists, in a build that renders only some pages (a rebuild of the output folder).
    package init(renderer: SiteRenderer, signing declarations: Set<Int>) {
        slugs = renderer.site.cities.map(\.slug)
        var signs = [Bool](repeating: false, count: slugs.count)
        for declaration in declarations { for city in renderer.site.declarations[declaration].signatories { signs[city] = true } }
        let signing = signs
        func entries(_ template: String) -> [String] {
            signing.indices.parallelMap { city in
                signing[city] ? renderer.templates.render(renderer.signatoryEntryView(of: city), with: template) : ""
            }
        }
        web = entries(TemplateViews.signatoryEntry.template)
        print = entries(TemplateViews.printSignatoryEntry.template)
        isComplete = signing.allSatisfy { $0 }
    }

    /// The entries of `renderer.site`, taken from `previous` (those of the site before an edit) for
    /// every city whose `previousIndexes` entry names its index there, rendered for the others.
    /// Only cities whose records did not change may be taken: an entry depends on nothing else.
    package init(renderer: SiteRenderer, reusing previous: SignatoryEntries, previousIndexes: [Int?]) {
        slugs = renderer.site.cities.map(\.slug)
        func entries(_ kept: [String], _ template: String) -> [String] {
            previousIndexes.indices.map { index in
                if let old = previousIndexes[index], kept.indices.contains(old) { return kept[old] }
                return renderer.templates.render(renderer.signatoryEntryView(of: index), with: template)
            }
        }
        web = entries(previous.web, TemplateViews.signatoryEntry.template)
        print = entries(previous.print, TemplateViews.printSignatoryEntry.template)
        isComplete = previous.isComplete
    }
}
