import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressCore
@testable import CityPressServer

/// Saves of existing reports that keep their city, declaration and year patch the last site
/// (`ReportPatch`) instead of resolving the content again; the preview must then serve what a full
/// build serves, diagnostics included, and anything else must fall back to a whole resolve.
@Suite struct PreviewReportPatchTests {
    /// A copy of the fixture site with a city no declaration lists (a warning the resolve gives, not
    /// the load), and a preview builder that has built it once.
    private func builtFixture(in root: URL) throws -> (content: URL, options: BuildOptions, builder: PreviewBuilder) {
        let (content, templates) = try copyFixtureSite(to: root)
        try writeText("name: Berlin\ncountry: Germany\n", to: content.appendingPathComponent("cities/berlin.yml"))
        let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
        let builder = PreviewBuilder(options: options)
        let first = builder.build()
        #expect(first.diagnostics.contains { $0.message.contains("'berlin' endorses no published declaration") })
        return (content, options, builder)
    }

    /// Saves `edit` of `file`, rebuilds with it and with a new builder; the two outcomes must be alike.
    private func save(_ file: URL, _ edit: (String) -> String, builder: PreviewBuilder, options: BuildOptions,
                      also others: [URL] = [], _ what: String) throws -> (rebuilt: PreviewBuilder.Outcome, patched: Bool) {
        try writeText(edit(try readText(file)), to: file)
        let before = builder.patchedBuildCount
        let rebuilt = builder.build(changed: [file.path] + others.map(\.path))
        let full = PreviewBuilder(options: options).build()
        let difference = PreviewRandomEditsTests.difference(rebuilt, full)
        #expect(difference == nil, "\(what): \(difference ?? "")")
        return (rebuilt, builder.patchedBuildCount > before)
    }

    @Test func aReportEditPatchesTheSiteAndEqualsAFullBuild() throws {
        try withTemporaryFolder { root in
            let (content, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let reworded = try save(file, { $0.replacingOccurrences(of: "4,012 native trees", with: "4,013 native trees") },
                                    builder: builder, options: options, "an action reworded")
            #expect(reworded.patched)
            #expect(reworded.rebuilt.diagnostics.contains { $0.message.contains("'berlin' endorses no published declaration") })
            // A warning of the report's own load comes and goes with it; the resolve's stay.
            let warned = try save(file, { $0.replacingOccurrences(of: "year: 2022\n", with: "year: 2022\nauthor: Ana\n") },
                                  builder: builder, options: options, "an unknown field")
            #expect(warned.patched)
            #expect(warned.rebuilt.diagnostics.contains { $0.message == "unknown field 'author' is ignored" })
            let unwarned = try save(file, { $0.replacingOccurrences(of: "author: Ana\n", with: "") },
                                    builder: builder, options: options, "the unknown field removed")
            #expect(unwarned.patched)
            #expect(!unwarned.rebuilt.diagnostics.contains { $0.message.contains("unknown field") })
            let commitments = try save(file, { $0.replacingOccurrences(of: "## Commitment 1:", with: "## Commitments 1 and 2:") },
                                       builder: builder, options: options, "a commitment added to an action")
            #expect(commitments.patched)
            guard case .built(let files) = commitments.rebuilt.content else { Issue.record("not built"); return }
            // The year's update and its print edition carry every action of the year: made when asked for.
            for update in ["declarations/second-accord/updates/2022/index.html", "declarations/second-accord/updates/2022/print/index.html"] {
                #expect(files.rendered[update] == nil && files.contains(update), "\(update)")
            }
            #expect(String(decoding: files.all["declarations/second-accord/updates/2022/lodz/index.html"] ?? [], as: UTF8.self)
                        .contains("4,013 native trees"))
        }
    }

    @Test func aReportMovedToAnotherYearFallsBack() throws {
        try withTemporaryFolder { root in
            let (content, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let moved = try save(file, { $0.replacingOccurrences(of: "year: 2022", with: "year: 2024") },
                                 builder: builder, options: options, "the year changed")
            #expect(!moved.patched)
            guard case .built(let files) = moved.rebuilt.content else { Issue.record("not built"); return }
            #expect(files.all["declarations/second-accord/updates/2024/lodz/index.html"] != nil)
            #expect(files.all["declarations/second-accord/updates/2022/lodz/index.html"] == nil)
            // Moved onto the year of the city's other report: two reports of one year, which only a whole resolve sees.
            let onto = try save(file, { $0.replacingOccurrences(of: "year: 2024", with: "year: 2023") },
                                builder: builder, options: options, "moved onto another report")
            #expect(!onto.patched)
            #expect(onto.rebuilt.diagnostics.contains { $0.severity == .error && $0.message.contains("a second report of 'lodz'") })
        }
    }

    @Test func aCommitmentTheDeclarationLacksIsTheFullBuildsError() throws {
        try withTemporaryFolder { root in
            let (content, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let broken = try save(file, { $0.replacingOccurrences(of: "## Commitment 1:", with: "## Commitment 9:") },
                                  builder: builder, options: options, "commitment 9")
            #expect(!broken.patched)
            let errors = broken.rebuilt.diagnostics.filter { $0.severity == .error }.map(\.description)
            #expect(errors.count == 1)
            #expect(errors.first?.hasSuffix(":11:15: error: 'second-accord' has no commitment 9 (it has 1–2)") == true, "\(errors)")
            #expect(errors.first?.hasPrefix(file.path) == true || errors.first?.contains("reports/2022/lodz-second-accord.md:") == true)
            guard case .failed = broken.rebuilt.content else { Issue.record("built despite the error"); return }
            let fixed = try save(file, { $0.replacingOccurrences(of: "## Commitment 9:", with: "## Commitment 1:") },
                                 builder: builder, options: options, "commitment 9 fixed")
            #expect(!fixed.rebuilt.diagnostics.containsErrors)
            // The last build failed: there is no site to patch.
            #expect(!fixed.patched)
            let again = try save(file, { $0.replacingOccurrences(of: "## Commitment 1:", with: "## Commitment 2:") },
                                 builder: builder, options: options, "then another edit")
            #expect(again.patched)
        }
    }

    /// Link problems of reports are errors: a link broken by an edit is the full build's error, and
    /// once it is fixed the site builds again without it.
    @Test func aBrokenLinkFallsBackAndItsFixLosesTheError() throws {
        try withTemporaryFolder { root in
            let (content, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let broken = try save(file, { $0.replacingOccurrences(of: "(/cities/lodz/)", with: "(/cities/lodzz/)") },
                                  builder: builder, options: options, "a link to no city")
            #expect(!broken.patched)
            #expect(broken.rebuilt.diagnostics.contains { $0.severity == .error && $0.message.contains("unknown city 'lodzz'") })
            let fixed = try save(file, { $0.replacingOccurrences(of: "(/cities/lodzz/)", with: "(/cities/lodz/)") },
                                 builder: builder, options: options, "the link fixed")
            #expect(!fixed.rebuilt.diagnostics.contains { $0.message.contains("lodzz") })
            let relinked = try save(file, { $0.replacingOccurrences(of: "(/cities/lodz/)", with: "(/cities/wroclaw/)") },
                                    builder: builder, options: options, "a link to another city")
            #expect(relinked.patched)
            let broken2 = try save(file, { $0.replacingOccurrences(of: "(/cities/wroclaw/)", with: "(cities/wroclaw/)") },
                                   builder: builder, options: options, "a relative link")
            #expect(!broken2.patched)
            #expect(broken2.rebuilt.diagnostics.contains { $0.severity == .error && $0.message.contains("relative link") })
        }
    }

    @Test func aReportSavedWithACityFallsBack() throws {
        try withTemporaryFolder { root in
            let (content, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let city = content.appendingPathComponent("cities/lodz.yml")
            try writeText("name: Łódź City\ncountry: Poland\n", to: city)
            let both = try save(file, { $0.replacingOccurrences(of: "4,012 native trees", with: "4,014 native trees") },
                                builder: builder, options: options, also: [city], "a report and its city")
            #expect(!both.patched)
            guard case .built(let files) = both.rebuilt.content else { Issue.record("not built"); return }
            let page = String(decoding: files.all["declarations/second-accord/updates/2022/lodz/index.html"] ?? [], as: UTF8.self)
            #expect(page.contains("4,014 native trees") && page.contains("Łódź City"))
        }
    }
}
