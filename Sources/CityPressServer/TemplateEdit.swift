import CityPressRender
import CityPressTemplates

/// An edit of page templates, and the outputs it can change: those whose kind's template reaches an
/// edited template through partials and parents (`{{>declaration-card}}`, `{{<layout}}`). Editing a
/// partial that two page kinds include then costs the preview those pages, not every page.
///
/// It is all or nothing beyond that: when an edited template is one that many pages share as
/// rendered text (the header, the footer, signatory lists and entries, a city page's endorsements),
/// or an interface table changed, every page may read differently and `positions(in:templates:)` is `nil`.
struct TemplateEdit {
    /// The templates added, removed or changed, by name (`declaration-card`), interface tables as
    /// `i18n/<lang>.yml`.
    let names: Set<String>

    /// The edit from the templates `old` to `new` (`TemplateSet.texts`).
    init(from old: [String: String], to new: [String: String]) {
        names = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
    }

    /// The templates rendered into text that many outputs share, rather than as an output's own page.
    static let sharedFragments: Set<String> =
        Set(TemplateViews.entries.map(\.template)).subtracting(SiteOutputs.kinds.compactMap(\.template?.template))

    /// The positions of the `outputs` (rendered with `templates`, the edited set) this edit can change,
    /// in order; `nil` when it can change every page: an interface table or a template reached from a
    /// shared fragment changed. An output whose kind declares no template is always among them.
    func positions(in outputs: [PlannedOutput], templates: TemplateSet) -> [Int]? {
        guard !names.contains(where: { $0.hasPrefix("i18n/") }),
              templates.templates(reachedFrom: Self.sharedFragments).isDisjoint(with: names) else { return nil }
        var reaches: [String: Bool] = [:]
        return outputs.indices.filter { position in
            guard let template = outputs[position].template else { return true }
            if let known = reaches[template] { return known }
            let reached = !templates.templates(reachedFrom: [template]).isDisjoint(with: names)
            reaches[template] = reached
            return reached
        }
    }
}
