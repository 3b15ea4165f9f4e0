import Foundation
import Testing
@testable import CityPressCheck

/// The index every link is looked up in: each file and folder once, found by its exact path.
@Suite struct OutputIndexTests {
    private func entry(_ path: String, in index: OutputIndex) -> Int? {
        Array(path.utf8).withUnsafeBufferPointer { index.entry($0) }
    }

    @Test func plannedFilesBringTheirFoldersOnceAndAreFoundByTheirExactPath() {
        let files = ["index.html", "cities/a/index.html", "cities/b/index.html", "cities/a/index.html",
                     "assets/site.css", "cities/index.html", "data/cities.csv"]
        let index = OutputIndex(files: files)
        let expected = ["index.html", "cities", "cities/a", "cities/a/index.html", "cities/b", "cities/b/index.html",
                        "assets", "assets/site.css", "cities/index.html", "data", "data/cities.csv"]
        #expect(index.paths.map { String(decoding: $0, as: UTF8.self) } == expected, "files in order, folders before their first file, none twice")
        for (position, path) in expected.enumerated() {
            #expect(entry(path, in: index) == position, "\(path)")
            #expect(index.isFolder[position] == !path.contains("."), "\(path)")
        }
        #expect(index.pages.map { index.path(of: $0) } == ["index.html", "cities/a/index.html", "cities/b/index.html", "cities/index.html"])
        for missing in ["", "citie", "cities/", "cities/c", "cities/a/index.htm", "/index.html", "Index.html"] {
            #expect(entry(missing, in: index) == nil, "\(missing)")
        }
    }

    /// Thousands of entries: the table grows many times over and paths share slots, yet each is found at
    /// its own position and nothing else is.
    @Test func aLargeSiteFindsEveryEntryAndNothingElse() throws {
        let files = (0..<3_000).map { "cities/\($0)/index.html" } + (0..<500).map { "data/\($0).csv" }
        let planned = OutputIndex(files: files)
        #expect(planned.paths.count == 3_000 * 2 + 1 + 500 + 1)
        for (position, path) in planned.paths.enumerated() {
            #expect(path.withUnsafeBufferPointer { planned.entry($0) } == position)
        }
        #expect((0..<3_000).allSatisfy { entry("cities/\($0 + 3_000)/index.html", in: planned) == nil && entry("cities/\($0)/index.htm", in: planned) == nil })

        try withTemporaryFolder { root in
            for number in 0..<300 { try writeText("", to: root.appendingPathComponent("c/\(number)/index.html")) }
            guard case .success(let scanned) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            #expect(scanned.paths.count == 1 + 300 * 2)
            for (position, path) in scanned.paths.enumerated() {
                #expect(path.withUnsafeBufferPointer { scanned.entry($0) } == position)
            }
            #expect(entry("c/300/index.html", in: scanned) == nil)
        }
    }

    /// Links in a built folder are taken for what they lead to, as a web server takes them, but a link
    /// to a folder above (`ln -s . loop`, twice: the walk doubled at every level) is not walked again;
    /// a link to nothing, or a FIFO named like a page (reading it would block), is no part of the site.
    @Test func linksAreFollowedButNeverInALoop() throws {
        try withTemporaryFolder { root in
            try writeText("<p>x</p>", to: root.appendingPathComponent("index.html"))
            try writeText("<p>y</p>", to: root.appendingPathComponent("real/page.html"))
            for (name, target) in [("l1", "."), ("l2", "."), ("alias", "real"), ("gone.html", "nowhere")] {
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: target)
            }
            #expect(mkfifo(root.appendingPathComponent("pipe.html").path, 0o644) == 0)
            guard case .success(let scanned) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            let paths = Set(scanned.paths.map { String(decoding: $0, as: UTF8.self) })
            #expect(paths == ["index.html", "real", "real/page.html", "l1", "l2", "alias", "alias/page.html"], "\(paths.sorted())")
            #expect(scanned.pages.map { scanned.path(of: $0) }.sorted() == ["alias/page.html", "index.html", "real/page.html"])
        }
    }
}
