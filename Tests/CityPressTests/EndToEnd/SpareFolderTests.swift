import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The spare an `--incremental` build leaves beside the output (the output it replaced), in which the next
/// one stages: trusted for nothing but being CityPress's folder. Whatever is in it, the output is what a
/// build into a fresh folder writes, and nothing outside it is touched.
@Suite struct SpareFolderTests {
    /// A fixture site built twice with `--incremental` (so that a spare is beside `Public`), with its
    /// build arguments and environment.
    func siteWithSpare(in root: URL) throws -> (site: URL, environment: [String: String]) {
        let site = try makeFixtureSite(in: root)
        let environment = ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
        for _ in 0..<2 {
            let build = try runCityPress(["build", "--incremental"], in: site, environment: environment)
            #expect(build.status == 0, "\(build.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".Public.citypress-spare/index.html").path))
        return (site, environment)
    }

    /// Builds `site` with `--incremental` and into a fresh folder, and expects the same files; returns how
    /// many outputs the first build kept.
    @discardableResult
    func expectBuildLikeAFreshOne(_ site: URL, _ environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let build = try runCityPress(["build", "--incremental"], in: site, environment: environment)
        #expect(build.status == 0, "\(build.stderr)", sourceLocation: sourceLocation)
        let fresh = try runCityPress(["build", "--incremental", "--output", "Fresh"], in: site, environment: environment)
        #expect(fresh.status == 0, "\(fresh.stderr)", sourceLocation: sourceLocation)
        let built = try snapshot(of: site.appendingPathComponent("Public")), expected = try snapshot(of: site.appendingPathComponent("Fresh"))
        #expect(built.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        #expect(built == expected, sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: site.appendingPathComponent("Fresh"))
        return build.stdout.firstMatch(of: /(\d+) kept/).flatMap { Int($0.1) } ?? 0
    }

    /// The spare is the output the last build replaced: the pages neither build changed are the same files
    /// in both (one inode, two links), so it costs the disk only the pages that changed.
    @Test func theSpareSharesTheUnchangedFilesOfTheOutput() throws {
        try withTemporaryFolder { root in
            let (site, environment) = try siteWithSpare(in: root)
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            try expectBuildLikeAFreshOne(site, environment)
            func stat(_ path: String) -> stat {
                var info = Glibc.stat()
                #expect(lstat(site.appendingPathComponent(path).path, &info) == 0, "\(path)")
                return info
            }
            let kept = stat("Public/cities/lodz/index.html"), spareKept = stat(".Public.citypress-spare/cities/lodz/index.html")
            #expect(kept.st_ino == spareKept.st_ino && kept.st_nlink == 2)
            let changed = stat("Public/cities/poznan/index.html"), spareChanged = stat(".Public.citypress-spare/cities/poznan/index.html")
            #expect(changed.st_ino != spareChanged.st_ino && changed.st_nlink == 1)
        }
    }

    /// Files and folders put into the spare (or left there by a city removed two builds ago) are deleted,
    /// not published.
    @Test func whatTheSpareHoldsBesidesTheSiteIsNotPublished() throws {
        try withTemporaryFolder { root in
            let (site, environment) = try siteWithSpare(in: root)
            let spare = site.appendingPathComponent(".Public.citypress-spare")
            try writeText("stray", to: spare.appendingPathComponent("stray.html"))
            try writeText("stray", to: spare.appendingPathComponent("cities/nowhere/deeper/index.html"))
            try FileManager.default.createDirectory(at: spare.appendingPathComponent("empty/folder"), withIntermediateDirectories: true)
            // A folder where the site has a file, and a file where it has a folder.
            try FileManager.default.removeItem(at: spare.appendingPathComponent("sitemap.xml"))
            try writeText("stray", to: spare.appendingPathComponent("sitemap.xml/index.html"))
            try FileManager.default.removeItem(at: spare.appendingPathComponent("cities/lodz"))
            try writeText("stray", to: spare.appendingPathComponent("cities/lodz"))
            try expectBuildLikeAFreshOne(site, environment)
        }
    }

    /// A folder of the output made read-only by hand is one of the spare's after the next build: the build
    /// after that, staging in it, makes it writable again (its files must be replaced), as a build into an
    /// empty folder makes every folder, instead of failing on a staging path the user never touched.
    @Test func aFolderMadeReadOnlyInTheOutputIsWritableInTheSpare() throws {
        try withTemporaryFolder { root in
            let (site, environment) = try siteWithSpare(in: root)
            let city = site.appendingPathComponent("Public/cities/lodz").path
            #expect(chmod(city, 0o555) == 0)
            let content = site.appendingPathComponent("Content/cities/lodz.yml")
            let original = try readText(content)
            for name in ["Lodz Renamed", "Lodz Renamed Again"] {
                try writeText(original.replacingOccurrences(of: "name: Łódź", with: "name: \(name)"), to: content)
                try expectBuildLikeAFreshOne(site, environment)
            }
            var info = stat()
            #expect(lstat(city, &info) == 0 && info.st_mode & S_IWUSR != 0, "the folder the spare had read-only is still so")
            #expect(try readText(URL(fileURLWithPath: city + "/index.html")).contains("Lodz Renamed Again"))
        }
    }

    /// A spare holding a symbolic link is not staged in (a write could follow it out of the spare): it
    /// is deleted, the link itself and not what it names.
    @Test func aSpareWithASymbolicLinkIsDeletedAndNotFollowed() throws {
        try withTemporaryFolder { root in
            let (site, environment) = try siteWithSpare(in: root)
            let spare = site.appendingPathComponent(".Public.citypress-spare")
            let elsewhere = root.appendingPathComponent("elsewhere")
            try FileManager.default.moveItem(at: spare.appendingPathComponent("cities"), to: elsewhere)
            try FileManager.default.createSymbolicLink(at: spare.appendingPathComponent("cities"), withDestinationURL: elsewhere)
            let before = try snapshot(of: elsewhere)
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            // The spare is deleted only after the kept files were looked at: deleting its links to them
            // changes their status-change time, and they would all be rendered again.
            #expect(try expectBuildLikeAFreshOne(site, environment) > 20)
            #expect(try snapshot(of: elsewhere) == before)
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".Public.citypress-discard-1").path))
            let beside = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".") }
            #expect(beside == [".Public.citypress-spare"])
        }
    }

    /// A name that is not ASCII (one that is not UTF-8 at all, or an accented letter two spellings of which
    /// Swift takes for one string) makes the spare unusable: it is not published, and the output is a fresh
    /// build's.
    @Test func aSpareWithANameOutsideASCIIIsNotStagedIn() throws {
        try withTemporaryFolder { root in
            let (site, environment) = try siteWithSpare(in: root)
            let spare = site.appendingPathComponent(".Public.citypress-spare")
            try writeText("stray", to: spare.appendingPathComponent("cafe\u{301}.html"))
            let latin1: [UInt8] = Array((spare.path + "/cities/caf").utf8) + [0xE9, 0]
            let descriptor = latin1.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            #expect(descriptor >= 0)
            close(descriptor)
            #expect(try expectBuildLikeAFreshOne(site, environment) > 20)
        }
    }

    /// A build that fails on its content gives the spare back for the next; a build without
    /// `--incremental` deletes it.
    @Test func aFailedBuildGivesTheSpareBackAndAFullBuildDeletesIt() throws {
        try withTemporaryFolder { root in
            let (site, environment) = try siteWithSpare(in: root)
            let spare = site.appendingPathComponent(".Public.citypress-spare")
            let spareBefore = try snapshot(of: spare)
            let declaration = site.appendingPathComponent("Content/declarations/first-accord.md")
            let text = try readText(declaration)
            try writeText(text.replacingOccurrences(of: "  - setagaya\n", with: "  - setagaya\n  - atlantis\n"), to: declaration)
            let failed = try runCityPress(["build", "--incremental"], in: site, environment: environment)
            #expect(failed.status == 1 && failed.stderr.contains("atlantis"), "\(failed.stderr)")
            #expect(try snapshot(of: spare) == spareBefore)
            try writeText(text, to: declaration)
            try expectBuildLikeAFreshOne(site, environment)
            let full = try runCityPress(["build"], in: site, environment: environment)
            #expect(full.status == 0, "\(full.stderr)")
            #expect(!FileManager.default.fileExists(atPath: spare.path))
        }
    }
}
