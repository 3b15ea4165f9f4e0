import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressRender
@testable import CityPressSite
@testable import CityPressTemplates

/// The fingerprints a rebuild of the output folder compares must change for every output the preview
/// would render again after the same edit (`SiteChanges`, `DependencyIndex`, `TemplateEdit`): one
/// declaration of what each output depends on, two ways of finding what an edit reaches.
@Suite struct OutputFingerprintsTests {
    /// The renderer of the fixture site before and after `edit` (of the content and templates folders).
    func renderers(_ edit: (_ content: URL, _ templates: URL) throws -> Void) throws -> (SiteRenderer, SiteRenderer) {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            func renderer() throws -> SiteRenderer {
                let (site, templateSet, _) = SiteBuild.prepare(BuildOptions(contentPath: content.path, templatesPath: templates.path))
                return SiteRenderer(site: try #require(site), templates: try #require(templateSet))
            }
            let before = try renderer()
            try edit(content, templates)
            return (before, try renderer())
        }
    }

    /// The files whose fingerprints differ between the two renderers (or that only one has).
    func changedFiles(_ before: SiteRenderer, _ after: SiteRenderer) -> Set<String> {
        let old = Dictionary(uniqueKeysWithValues: zip(before.outputs.map(\.route.file), OutputFingerprints(before).values))
        return Set(zip(after.outputs, OutputFingerprints(after).values).filter { old[$0.0.route.file] != $0.1 }.map(\.0.route.file))
    }

    @Test func theSameSiteHasTheSameFingerprints() throws {
        let (before, after) = try renderers { _, _ in }
        #expect(OutputFingerprints(before).values == OutputFingerprints(after).values)
        #expect(changedFiles(before, after).isEmpty)
    }

    @Test func everyOutputThePreviewRendersAgainHasANewFingerprint() throws {
        let edits: [(URL, URL) throws -> Void] = [
            { content, _ in try writeText("name: Poznań Miasto\ncountry: Poland\n", to: content.appendingPathComponent("cities/poznan.yml")) },
            { content, _ in try writeText("name: Aachen\ncountry: Poland\n", to: content.appendingPathComponent("cities/wroclaw.yml")) },
            { content, _ in try writeText("name: Łódź\ncountry: Poland\nkind: region\n", to: content.appendingPathComponent("cities/lodz.yml")) },
            { content, _ in
                let url = content.appendingPathComponent("declarations/second-accord.md")
                try writeText(try readText(url).replacingOccurrences(of: "1. To plant trees.", with: "1. To plant more trees."), to: url)
            },
            { content, _ in
                let url = content.appendingPathComponent("reports/2022/wroclaw-second-accord.md")
                try writeText(try readText(url) + "\nOne more line.\n", to: url)
            },
        ]
        for (number, edit) in edits.enumerated() {
            let (before, after) = try renderers(edit)
            let changes = try #require(SiteChanges.between(before.site, after.site), "edit \(number)")
            // As the preview does when a record moved in the A–Z order: what the edit reaches in either plan.
            let reached = Set(DependencyIndex(before.outputs).positions(affectedBy: changes).map { before.outputs[$0].route.file })
                .union(DependencyIndex(after.outputs).positions(affectedBy: changes).map { after.outputs[$0].route.file })
            let changed = changedFiles(before, after)
            #expect(!reached.isEmpty && reached.isSubset(of: changed), "edit \(number): \(reached.subtracting(changed).sorted())")
            #expect(changed.count < after.outputs.count, "edit \(number) changed every fingerprint")
        }
    }

    @Test func aTemplateEditChangesThePagesItReaches() throws {
        let (before, after) = try renderers { _, templates in
            let url = templates.appendingPathComponent("declaration-card.mustache")
            try writeText("<!-- card -->" + (try readText(url)), to: url)
        }
        let edit = TemplateEdit(from: before.templates.texts, to: after.templates.texts)
        let positions = try #require(edit.positions(in: after.outputs, templates: after.templates))
        // What the preview renders again is what a rebuild renders: never the files made without templates.
        #expect(!positions.contains { after.outputs[$0].isMadeWithoutTemplates })
        #expect(changedFiles(before, after) == Set(positions.map { after.outputs[$0].route.file }))
    }

    @Test func theHeaderChangesEveryPageAndAnInterfaceTableEveryFile() throws {
        for name in ["site-header.mustache", "i18n/en.yml"] {
            let (before, after) = try renderers { _, templates in
                let url = templates.appendingPathComponent(name)
                try writeText(try readText(url) + "\n", to: url)
            }
            // Files made without templates (data, the sitemap) change with an interface table only.
            let expected = name.hasPrefix("i18n/") ? after.outputs : after.outputs.filter { !$0.isMadeWithoutTemplates }
            #expect(expected.count > 50)
            #expect(changedFiles(before, after) == Set(expected.map(\.route.file)), "\(name)")
        }
    }
}
