import CityPressTemplates

/// An edit of page templates, and the outputs it can change: those whose kind's template reaches an
/// edited template through partials and parents (`{{>declaration-card}}`, `{{<layout}}`). Editing a
/// partial that two page kinds include then costs the preview (and a rebuild of the output folder)
/// those pages, not every page.
///
/// It is all or nothing beyond that: when an edited template is one that many pages share as
/// rendered text (the header, the footer, signatory lists and entries, a city page's endorsements),
/// or an interface table changed, every page may read differently and `positions(in:templates:)` is `nil`.
package struct TemplateEdit {
    /// The templates added, removed or changed, by name (`declaration-card`), interface tables as
    /// `i18n/<lang>.yml`.
    package let names: Set<String>

    /// The edit from the templates `old` to `new` (`TemplateSet.texts`).
    package init(from old: [String: String], to new: [String: String]) {
        names = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
    }

    /// The templates rendered into text that many outputs share, rather than as an output's own page.
    package static let sharedFragments: Set<String> =
        Set(TemplateViews.entries.map(\.template)).subtracting(SiteOutputs.kinds.compactMap(\.template?.template))

    /// Whether `name` (a key of `TemplateSet.texts`) is an interface table, which every page reads.
    package static func isInterfaceTable(_ name: String) -> Bool { name.hasPrefix("i18n/") }

    /// The templates whose edit can change an output of a kind rendered with `template`
    /// (`PlannedOutput.template`), besides the shared fragments' and the interface tables, which reach
    /// every page: those `template` reaches. `nil` for a kind that declares none: any edit may change it.
    package static func templates(reaching template: String?, in templates: TemplateSet) -> Set<String>? {
        template.map { templates.templates(reachedFrom: [$0]) }
    }

    /// The positions of the `outputs` (rendered with `templates`, the edited set) this edit can change,
    /// in order; `nil` when it can change every page: an interface table or a template reached from a
    /// shared fragment changed. An output whose kind declares no template is always among them.
    package func positions(in outputs: [PlannedOutput], templates: TemplateSet) -> [Int]? {
        guard !names.contains(where: Self.isInterfaceTable),
              templates.templates(reachedFrom: Self.sharedFragments).isDisjoint(with: names) else { return nil }
        var reaches: [String: Bool] = [:]
        return outputs.indices.filter { position in
            guard let template = outputs[position].template else { return true }
            if let known = reaches[template] { return known }
            let reaching = Self.templates(reaching: template, in: templates).map { !$0.isDisjoint(with: names) } ?? true
            reaches[template] = reaching
            return reaching
        }
    }
}
