import CityPressTemplates

/// An edit of page templates, and the outputs it can change: those whose kind's template reaches an
/// edited template through partials and parents (`{{>declaration-card}}`, `{{<layout}}`). Editing a
/// partial that two page kinds include then costs the preview (and a rebuild of the output folder)
/// those pages, not every page.
///
/// A template that many pages share as rendered text (the header, the footer, signatory lists and
/// entries, a city page's endorsements) changes the pages of the kinds that declare they include it
/// (`OutputKind.sharedFragments`); an interface table changed, every page may read differently and
/// `positions(in:templates:)` is `nil`.
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

    /// What templates an output is made with: its page template, the shared fragments its kind includes
    /// (`nil`: any of them), or none at all. Outputs of one kind share it.
    package struct Use: Hashable {
        var template: String?
        var fragments: [String]?
        var isWithoutTemplates: Bool

        package init(_ output: PlannedOutput) {
            template = output.template
            fragments = output.sharedFragments
            isWithoutTemplates = output.isMadeWithoutTemplates
        }
    }

    /// The templates whose edit can change an output made as `use` says, besides the interface tables,
    /// which every file with words reaches: those its page template reaches and those its kind's shared
    /// fragments reach (every fragment's for a kind that declares none); none for an output made without
    /// templates; `nil` (any template) for a kind that declares no page template.
    package static func templates(reaching use: Use, in templates: TemplateSet) -> Set<String>? {
        if use.isWithoutTemplates { return [] }
        guard let template = use.template else { return nil }
        return templates.templates(reachedFrom: [template])
            .union(templates.templates(reachedFrom: use.fragments.map(Set.init) ?? sharedFragments))
    }

    /// The positions of the `outputs` (rendered with `templates`, the edited set) this edit can change,
    /// in order: those whose template, or a shared fragment their kind includes, reaches an edited
    /// template; `nil` when an interface table changed (every page). An output made without templates is
    /// never among them; one whose kind declares no template always is.
    package func positions(in outputs: [PlannedOutput], templates: TemplateSet) -> [Int]? {
        guard !names.contains(where: Self.isInterfaceTable) else { return nil }
        var reaches: [Use: Bool] = [:]
        return outputs.indices.filter { position in
            let use = Use(outputs[position])
            if let known = reaches[use] { return known }
            let reaching = Self.templates(reaching: use, in: templates).map { !$0.isDisjoint(with: names) } ?? true
            reaches[use] = reaching
            return reaching
        }
    }

    /// Whether this edit changes how a signatory entry is rendered (a memo of entries then goes).
    package func changesSignatoryEntries(in templates: TemplateSet) -> Bool {
        !templates.templates(reachedFrom: [TemplateViews.signatoryEntry.template, TemplateViews.printSignatoryEntry.template])
            .isDisjoint(with: names) || names.contains(where: Self.isInterfaceTable)
    }
}
