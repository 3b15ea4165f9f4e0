import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressRender
@testable import CityPressSite

/// The preview keeps the last build's index of reports when the edited site's reports are the same
/// ones, in the same places, naming the same commitments; any other change makes a new index.
@Suite struct ReportIndexTests {
    /// The fixture site, then the site after each edit of a copy of its content.
    func sites(_ edits: [(URL) throws -> Void]) throws -> [Site] {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            var sites: [Site] = []
            for edit in [{ _ in }] + edits {
                try edit(content)
                sites.append(try #require(SiteBuild.prepare(BuildOptions(contentPath: content.path,
                                                                         templatesPath: TestPaths.templates.path)).0))
            }
            return sites
        }
    }

    func replacing(_ old: String, with new: String, in report: String) -> (URL) throws -> Void {
        { content in
            let url = content.appendingPathComponent(report)
            try writeText(try readText(url).replacingOccurrences(of: old, with: new), to: url)
        }
    }

    @Test func anIndexIsKeptOnlyWhileItsReportsNameTheSameCommitments() throws {
        let report = "reports/2022/lodz-second-accord.md"
        let sites = try sites([
            replacing("4,012 native trees", with: "4,013 native trees", in: report),
            replacing("## Commitments 1 and 2: The urban canopy", with: "## Commitment 2: The urban canopy", in: report),
            { try FileManager.default.removeItem(at: $0.appendingPathComponent("reports/2022/wroclaw-second-accord.md")) },
        ])
        #expect(ReportIndex.namesTheSameCommitments(sites[0].reports, sites[0].reports))
        #expect(ReportIndex.namesTheSameCommitments(sites[0].reports, sites[1].reports), "an action's text alone changed")
        #expect(!ReportIndex.namesTheSameCommitments(sites[1].reports, sites[2].reports), "an action names other commitments")
        #expect(!ReportIndex.namesTheSameCommitments(sites[2].reports, sites[3].reports), "a report removed")

        // The index kept is the one handed over (here, to tell it apart, another site's); the one made
        // anew lists what the new site's actions name.
        let other = ReportIndex(sites[3])
        let kept = ReportIndex(sites[1], reusing: (other, sites[0]))
        #expect(kept.byDeclaration == other.byDeclaration && kept.byDeclaration != ReportIndex(sites[1]).byDeclaration)
        let first = ReportIndex(sites[1])
        let declaration = try #require(sites[2].declarations.firstIndex { $0.slug == "second-accord" })
        let remade = ReportIndex(sites[2], reusing: (first, sites[1]))
        #expect(remade.actions(of: declaration, commitment: 1).count
                == first.actions(of: declaration, commitment: 1).count - 1)
    }
}
