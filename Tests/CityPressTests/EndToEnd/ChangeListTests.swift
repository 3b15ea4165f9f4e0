import Foundation
import Testing
import CityPressCore
@testable import CityPressWrite

/// `build --changes` lists exactly the files a deploy must upload or delete, and the output's marker is
/// a manifest of every file with its size and fingerprint.
@Suite struct ChangeListTests {
    struct Changes: Decodable, Equatable {
        var added: [String]
        var changed: [String]
        var removed: [String]
        var unchanged: Int
    }

    /// The files below `folder` (no folders), with their bytes.
    func files(of folder: URL) throws -> [String: Data] {
        try snapshot(of: folder).filter { !$0.key.hasSuffix("/") }
    }

    func changes(_ url: URL) throws -> Changes {
        try JSONDecoder().decode(Changes.self, from: Data(contentsOf: url))
    }

    @Test func listsWhatABuildAddedChangedAndRemoved() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let output = site.appendingPathComponent("Public"), list = root.appendingPathComponent("changes.json")
            let first = try runCityPress(["build", "--changes", list.path], in: site)
            #expect(first.status == 0, "\(first.stderr)")
            let built = try files(of: output).keys.filter { $0 != ".citypress-build" }.sorted()
            #expect(try changes(list) == Changes(added: built, changed: [], removed: [], unchanged: 0))
            #expect(first.stdout.contains("\(built.count) added, 0 changed, 0 removed)"))

            // Poznań renamed and a new city: exactly the files whose bytes differ are listed.
            let before = try files(of: output)
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            try writeText("name: Testville\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/testville.yml"))
            #expect(try runCityPress(["build", "--changes", list.path], in: site).status == 0)
            let after = try files(of: output)
            let second = try changes(list)
            // The city's page, and its versions in the fixture's French and Arabic trees.
            let testville = ["ar/cities/testville/index.html", "cities/testville/index.html", "fr/cities/testville/index.html"]
            #expect(second.added == testville)
            let differing = after.keys.filter { $0 != ".citypress-build" && before[$0] != nil && before[$0] != after[$0] }.sorted()
            #expect(second.changed == differing && differing.contains("cities/poznan/index.html"), "\(second.changed)")
            #expect(second.removed.isEmpty)
            #expect(second.unchanged == after.count - 1 - second.added.count - second.changed.count)

            // The city removed: its page is listed for deletion; standard output carries only the JSON.
            try FileManager.default.removeItem(at: site.appendingPathComponent("Content/cities/testville.yml"))
            let third = try runCityPress(["build", "--changes", "-"], in: site)
            #expect(third.status == 0)
            let removed = try JSONDecoder().decode(Changes.self, from: Data(third.stdout.utf8))
            #expect(removed.removed == testville && removed.added.isEmpty)
            #expect(third.stderr.contains("3 removed)"))

            // A folder in the output where the site has a file (put there by hand): the file is new, to upload,
            // and what was in the folder goes.
            try FileManager.default.removeItem(at: output.appendingPathComponent("robots.txt"))
            try writeText("x", to: output.appendingPathComponent("robots.txt/inside.txt"))
            let fourth = try runCityPress(["build", "--force", "--changes", "-"], in: site)
            #expect(fourth.status == 0, "\(fourth.stderr)")
            let replaced = try JSONDecoder().decode(Changes.self, from: Data(fourth.stdout.utf8))
            #expect(replaced.added == ["robots.txt"] && replaced.changed.isEmpty && replaced.removed == ["robots.txt/inside.txt"],
                    "\(replaced)")
        }
    }

    @Test func theMarkerIsAManifestOfEveryFile() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let output = site.appendingPathComponent("Public")
            #expect(try runCityPress(["build", "--incremental"], in: site).status == 0)
            let files = try self.files(of: output)
            let marker = try #require(files[".citypress-build"])
            let manifest = try #require(BuildManifest.parse([UInt8](marker)))
            #expect(Set(manifest.files.keys) == Set(files.keys).subtracting([".citypress-build"]))
            for (path, bytes) in files where path != ".citypress-build" {
                #expect(manifest.files[path]?.size == bytes.count && manifest.files[path]?.hash == ContentHash.hex(of: [UInt8](bytes)), "\(path)")
                // With --incremental, every rendered file says what it was made from; assets are copied.
                #expect((manifest.files[path]?.inputs == nil) == path.hasPrefix("assets/"), "\(path)")
            }
            // A folder with an older CityPress's marker (plain text) is still replaced.
            try writeText(OutputFolder.markerText, to: output.appendingPathComponent(".citypress-build"))
            // The old marker is linked into the staging folder and then replaced by the manifest: the old
            // output's file must not be written through that link.
            let oldMarker = root.appendingPathComponent("old-marker")
            #expect(link(output.appendingPathComponent(".citypress-build").path, oldMarker.path) == 0)
            #expect(try runCityPress(["build", "--incremental"], in: site).status == 0)
            #expect(try self.files(of: output) == files)
            #expect(try readText(oldMarker) == OutputFolder.markerText)
        }
    }

    /// A mistyped `--changes` path replaced a city record with the JSON (and inside the output it
    /// would have been published): such paths, and one whose folder does not exist, are refused
    /// before anything is built.
    @Test func theChangeListIsNeverWrittenIntoTheSitesFolders() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let city = try #require(FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/cities").path)
                .sorted().first)
            #expect(try runCityPress(["build"], in: site).status == 0)
            let before = try snapshot(of: site)
            for (path, message) in [("Content/cities/" + city, "refusing to write the change list to 'Content/cities/\(city)': it is inside 'Content', which the build reads"),
                                    ("Templates/x.json", "it is inside 'Templates', which the build reads"),
                                    ("Public/changes.json", "it is inside the output folder 'Public'"),
                                    ("missing/changes.json", "cannot write the change list to 'missing/changes.json': the folder"),
                                    ("Content", "it is inside 'Content'")] {
                let result = try runCityPress(["build", "--changes", path], in: site)
                #expect(result.status == 1)
                #expect(result.stderr.contains(message), "\(result.stderr)")
                #expect(!result.stdout.contains("Built"))
            }
            #expect(try snapshot(of: site) == before, "nothing was written or rebuilt")
        }
    }
}
