import Foundation
import Testing

/// What `build --incremental` trusts of the folder it replaces: only files whose `lstat` (device, inode,
/// size, modification and status-change times) is still what this machine recorded after the last
/// `--incremental` build, by the same binary, and never through a folder replaced by a link. Every test
/// ends, through `rebuild`, by comparing the output with a build into an empty folder.
extension IncrementalBuildTests {
    /// The page every test here edits, and the folder it is in.
    static let page = "Public/cities/lodz/index.html"

    /// Edits `page` (below `site`) to the same size, then puts its modification time back, as `touch -r` does.
    static func editKeepingTime(_ page: URL) throws {
        var info = stat()
        #expect(lstat(page.path, &info) == 0)
        let text = try readText(page)
        #expect(text.contains("Poland"))
        try writeText(text.replacingOccurrences(of: "Poland", with: "Polanx"), to: page)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        var after = stat()
        #expect(lstat(page.path, &after) == 0 && after.st_mtim == info.st_mtim && after.st_size == info.st_size)
    }

    /// The one record file of `rebuild`'s cache.
    static func recordFile(of site: URL) throws -> URL {
        let folder = cache(of: site).appendingPathComponent("citypress")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".stamps") }
        #expect(names.count == 1, "\(names)")
        return folder.appendingPathComponent(try #require(names.first))
    }

    @Test func aPageEditedByHandWithItsTimePutBackIsRenderedAgain() throws {
        let rebuild = try rebuild(after: { site in try Self.editKeepingTime(site.appendingPathComponent(Self.page)) })
        #expect(rebuild.rendered == 1, "\(rebuild.result.stdout)")
    }

    /// A folder of the output replaced by a link to a copy in which a page was edited (its time put back).
    @Test func aFolderReplacedByALinkToAnEditedCopyIsRenderedAgain() throws {
        let rebuild = try rebuild(after: { site in
            let folder = site.appendingPathComponent("Public/cities/lodz")
            let copy = site.deletingLastPathComponent().appendingPathComponent("lodz-copy")
            try FileManager.default.copyItem(at: folder, to: copy)
            try Self.editKeepingTime(copy.appendingPathComponent("index.html"))
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: copy)
        })
        #expect(rebuild.rendered == 1, "\(rebuild.result.stdout)")
    }

    /// The output's own folder moved elsewhere and linked back: its files are still the ones recorded, yet
    /// they are rendered again rather than linked through the link.
    @Test func aFileIsNeverKeptThroughALinkedFolder() throws {
        let rebuild = try rebuild(after: { site in
            let folder = site.appendingPathComponent("Public/cities/lodz")
            let moved = site.deletingLastPathComponent().appendingPathComponent("lodz-moved")
            try FileManager.default.moveItem(at: folder, to: moved)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: moved)
        })
        #expect(rebuild.rendered == 1, "\(rebuild.result.stdout)")
    }

    /// A record naming another binary (one built again at the same path) and a copy of the binary
    /// elsewhere each render every page; the copy's next build keeps them again.
    @Test func aBuildByAnotherBinaryRendersEveryPage() throws {
        let rebuilt = try rebuild(after: { site in
            let file = try Self.recordFile(of: site)
            var lines = try readText(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var tool = lines[2].split(separator: "\t").map(String.init)
            #expect(tool[0] == "tool" && tool.count == 6, "\(lines[2])")
            tool[3] = String((Int(tool[3]) ?? 0) + 1)  // the size of a binary built again
            lines[2] = tool.joined(separator: "\t")
            try writeText(lines.joined(separator: "\n"), to: file)
        })
        #expect(rebuilt.kept == nil, "\(rebuilt.result.stdout)")
        #expect(rebuilt.result.stderr.contains("another CityPress binary"), "\(rebuilt.result.stderr)")

        try withTemporaryFolder { root in
            let copy = root.appendingPathComponent("citypress")
            try FileManager.default.copyItem(at: TestPaths.binary, to: copy)
            let byCopy = try rebuild(after: { _ in }, binary: copy)
            #expect(byCopy.kept == nil, "\(byCopy.result.stdout)")
            #expect(byCopy.result.stderr.contains("another CityPress binary"), "\(byCopy.result.stderr)")
            let again = try rebuild(after: { site in
                let result = try runProgram(copy, ["build", "--incremental"], in: site,
                                            environment: ["XDG_CACHE_HOME": Self.cache(of: site).path])
                #expect(result.status == 0, "\(result.stderr)")
            }, binary: copy)
            #expect(again.rendered == 0, "\(again.result.stdout)")
        }
    }

    /// Without this machine's record (a cleared cache, another machine's folder), a page edited by hand with
    /// its time put back is not trusted either: every page is rendered, with a note saying why.
    @Test func withoutTheRecordEveryPageIsRendered() throws {
        let rebuild = try rebuild(after: { site in
            try Self.editKeepingTime(site.appendingPathComponent(Self.page))
            try FileManager.default.removeItem(at: try Self.recordFile(of: site))
        })
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(rebuild.result.stderr.contains("note: this machine has no record of building 'Public'"), "\(rebuild.result.stderr)")
    }

    /// The manifest decides what is kept: one changed since the record (here only rewritten with the same
    /// bytes) is not trusted, and every page is rendered.
    @Test func aManifestChangedSinceTheRecordMeansEveryPageIsRendered() throws {
        let rebuild = try rebuild(after: { site in
            let marker = site.appendingPathComponent("Public/.citypress-build")
            try writeText(try readText(marker), to: marker)
        })
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(rebuild.result.stderr.contains("note: the manifest of 'Public' changed since this machine last built it"),
                "\(rebuild.result.stderr)")
    }

    /// Only `--incremental` pays for the record: a plain build writes none.
    @Test func aPlainBuildRecordsNothing() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let result = try runCityPress(["build"], in: site, environment: ["XDG_CACHE_HOME": Self.cache(of: site).path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: Self.cache(of: site).path))
            let incremental = try runCityPress(["build", "--incremental"], in: site, environment: ["XDG_CACHE_HOME": Self.cache(of: site).path])
            #expect(incremental.status == 0, "\(incremental.stderr)")
            _ = try Self.recordFile(of: site)
        }
    }

    /// A damaged record is the same as none.
    @Test func aDamagedRecordMeansEveryPageIsRendered() throws {
        let rebuild = try rebuild(after: { site in
            let file = try Self.recordFile(of: site)
            try writeText(String(try readText(file).dropLast(40)), to: file)
        })
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(rebuild.result.stderr.contains("cannot be read"), "\(rebuild.result.stderr)")
    }
}

private func == (a: timespec, b: timespec) -> Bool { a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec }
