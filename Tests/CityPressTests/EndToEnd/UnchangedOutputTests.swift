import Foundation
import Testing

/// A rebuild replaces the output folder, but every file whose bytes did not change is the same file
/// (inode and modification time), so a deploy that compares size and time uploads only what changed.
@Suite struct UnchangedOutputTests {
    @Test func aRebuildKeepsUnchangedFilesAndReplacesChangedOnes() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let output = site.appendingPathComponent("Public")
            #expect(try runCityPress(["build"], in: site).status == 0)
            let before = try snapshot(of: output), stampsBefore = stamps(of: output)

            // Poznań renamed: its page, its country's, the lists and the declarations naming it change.
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            let rebuilt = try runCityPress(["build"], in: site)
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
            let after = try snapshot(of: output), stampsAfter = stamps(of: output)

            // The same bytes as a build into a fresh folder.
            #expect(try runCityPress(["build", "--output", "Fresh"], in: site).status == 0)
            #expect(after == (try snapshot(of: site.appendingPathComponent("Fresh"))))

            let unchanged = before.keys.filter { after[$0] == before[$0] }
            let changed = after.keys.filter { before[$0] != nil && after[$0] != before[$0] }
            #expect(unchanged.count > 10 && changed.contains("cities/poznan/index.html"), "\(changed.sorted())")
            for path in unchanged where path != ".citypress-build" {  // the marker is written anew
                #expect(stampsAfter[path] == stampsBefore[path], "\(path) was written again")
            }
            for path in changed {
                #expect(stampsAfter[path]?.first != stampsBefore[path]?.first, "\(path) changed in place")
            }
        }
    }
}
