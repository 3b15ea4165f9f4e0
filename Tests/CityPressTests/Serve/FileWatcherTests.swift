import Foundation
import Testing
@testable import CityPressServer

/// Re-stamping the paths the kernel reported must find what a whole new snapshot finds.
@Suite struct FileWatcherTests {
    @Test func updatingTouchedPathsEqualsANewSnapshot() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            let watcher = FileWatcher(folders: [content.path])
            let before = watcher.snapshot()
            func path(_ relative: String) -> String { content.path + "/" + relative }

            try writeText("name: Łódź\ncountry: Poland\nkind: region\n", to: URL(fileURLWithPath: path("cities/lodz.yml")))
            try writeText("name: Gdańsk\ncountry: Poland\n", to: URL(fileURLWithPath: path("cities/gdansk.yml")))
            try FileManager.default.removeItem(atPath: path("cities/poznan.yml"))
            try writeText("swap", to: URL(fileURLWithPath: path("cities/.lodz.yml.swp")))
            try writeText("backup", to: URL(fileURLWithPath: path("cities/lodz.yml~")))
            let touched: Set<String> = [path("cities/lodz.yml"), path("cities/gdansk.yml"), path("cities/poznan.yml"),
                                        path("cities/.lodz.yml.swp"), path("cities/lodz.yml~"),
                                        path("cities/never-existed.yml"), path("site.yml")]
            let after = watcher.snapshot()
            let (updated, changed) = try #require(watcher.updating(before, paths: touched))
            #expect(updated == after)
            #expect(changed == FileWatcher.changes(from: before, to: after))
            #expect(changed == [path("cities/gdansk.yml"), path("cities/lodz.yml"), path("cities/poznan.yml")])

            // A folder, or a path outside the watched folders, needs a whole snapshot.
            try FileManager.default.createDirectory(atPath: path("cities/more"), withIntermediateDirectories: false)
            #expect(watcher.updating(after, paths: [path("cities/more")]) == nil)
            #expect(watcher.updating(after, paths: [root.path + "/elsewhere.yml"]) == nil)
        }
    }
}
