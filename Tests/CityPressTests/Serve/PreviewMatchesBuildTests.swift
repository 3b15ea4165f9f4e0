import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressServer

/// The preview serves what `citypress build` writes, files rendered only when asked for included: the
/// other preview tests compare one preview build with another, which would agree on a mistake both
/// share (a late file rendered with fragments its context lacks).
@Suite struct PreviewMatchesBuildTests {
    /// Every file `outcome` serves, the late ones rendered now, against the files a build of `options`
    /// writes into `output` (its marker aside).
    private func differences(_ outcome: PreviewBuilder.Outcome, _ options: BuildOptions, output: URL) throws -> [String] {
        guard case .built(let files) = outcome.content else { return ["the preview did not build"] }
        var built = options
        built.outputPath = output.path
        let report = SiteBuild.run(built)
        guard report.succeeded else { return ["the build failed: \(report.diagnostics)"] }
        let written = try snapshot(of: output).filter { !$0.key.hasSuffix("/") && $0.key != ".citypress-build" }
        let served = files.all
        let paths = Set(written.keys).union(served.keys)
        return paths.filter { path in served[path].map { Data($0) } != written[path] }.sorted()
    }

    @Test func everyFileEqualsTheBuildsBeforeAndAfterEdits() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
            let builder = PreviewBuilder(options: options)
            let first = try differences(builder.build(), options, output: root.appendingPathComponent("First"))
            #expect(first.isEmpty, "after the first build: \(first)")
            #expect(builder.fullRenderCount == 1)

            let city = content.appendingPathComponent("cities/wroclaw.yml")
            try writeText(try readText(city).replacingOccurrences(of: "name: Wroclaw\n", with: "name: Wroclaw City\n"), to: city)
            let afterCity = try differences(builder.build(changed: [city.path]), options, output: root.appendingPathComponent("City"))
            #expect(afterCity.isEmpty, "after a city edit: \(afterCity)")

            let report = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            try writeText(try readText(report).replacingOccurrences(of: "4,012 native trees", with: "4,013 native trees"), to: report)
            let afterReport = try differences(builder.build(changed: [report.path]), options, output: root.appendingPathComponent("Report"))
            #expect(afterReport.isEmpty, "after a report edit: \(afterReport)")
            #expect(builder.fullRenderCount == 1, "the edits took the quick paths")
            #expect(builder.patchedBuildCount == 1)
        }
    }

    /// Pages an edit reaches too many of (here: more than one of a template) are made when asked for,
    /// from the build they belong to, also when a later edit comes before anyone asked.
    @Test func deferredPagesEqualTheBuildsAcrossEdits() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
            let builder = PreviewBuilder(options: options, compactionSlack: 32 << 20, deferralLimit: 1)
            _ = builder.build()
            let declaration = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(declaration).replacingOccurrences(of: "title: Second Accord", with: "title: Second Accord Renamed"),
                          to: declaration)
            let retitled = builder.build(changed: [declaration.path])
            guard case .built(let files) = retitled.content else { Issue.record("not built"); return }
            // Its title is on each signatory's page: those are deferred, and not served from the last build.
            #expect(files.deferred.contains("cities/lodz/index.html") && files.deferred.contains("cities/wroclaw/index.html"),
                    "\(files.deferred.sorted())")
            #expect(files.rendered["cities/lodz/index.html"] == nil && files.contains("cities/lodz/index.html"))

            let city = content.appendingPathComponent("cities/poznan.yml")
            try writeText(try readText(city).replacingOccurrences(of: "name: Poznań\n", with: "name: Poznań City\n"), to: city)
            let afterCity = builder.build(changed: [city.path])
            guard case .built(let later) = afterCity.content else { Issue.record("not built"); return }
            #expect(later.deferred.contains("cities/lodz/index.html"), "still deferred: \(later.deferred.sorted())")
            let differences = try differences(afterCity, options, output: root.appendingPathComponent("Built"))
            #expect(differences.isEmpty, "\(differences)")
            #expect(builder.fullRenderCount == 1, "the edits took the quick paths")
        }
    }
}
