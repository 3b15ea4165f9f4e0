import Foundation
import Testing
@testable import CityPress

@Suite struct OutputFolderTests {
    @Test func stagesBesideTheOutputAndSwapsItIn() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("Public")
            let staging = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            #expect(!FileManager.default.fileExists(atPath: output.path))
            try staging.write(Array("<p>hi</p>".utf8), to: "a/b/index.html")
            try staging.commit()
            #expect(try readText(output.appendingPathComponent("a/b/index.html")) == "<p>hi</p>")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.markerName).path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Public"])
        }
    }

    @Test func replacingTheOutputLeavesOnlyTheNewSite() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("Public")
            let first = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            for page in ["index.html", "a/index.html", "a/b/index.html", "a/b/c/index.html", "d/index.html"] {
                try first.write(Array("old".utf8), to: page)
            }
            try first.commit()
            let second = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            try second.write(Array("new".utf8), to: "a/b/index.html")
            try second.write(Array("new".utf8), to: "a/e/index.html")
            try second.commit()
            let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted()
            #expect(files == [OutputFolder.markerName, "a", "a/b", "a/b/index.html", "a/e", "a/e/index.html"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Public"])
        }
    }

    @Test func removingATreeDeletesLinksNotWhatTheyPointTo() throws {
        try withTemporaryFolder { root in
            let kept = root.appendingPathComponent("kept")
            try writeText("keep me", to: kept.appendingPathComponent("inside/file.txt"))
            let tree = root.appendingPathComponent("tree")
            try writeText("x", to: tree.appendingPathComponent("a/b/c.txt"))
            try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("a/link").path,
                                                       withDestinationPath: kept.path)
            try FolderTree.remove(tree.path)
            #expect(!FileManager.default.fileExists(atPath: tree.path))
            #expect(try readText(kept.appendingPathComponent("inside/file.txt")) == "keep me")
            try FolderTree.remove(tree.path)  // already gone: not an error
        }
    }

    @Test func refusesAFolderItDidNotWriteUnlessForced() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("mine")
            try writeText("keep me", to: output.appendingPathComponent("notes.txt"))
            guard case .failure(let error) = OutputFolder(path: output.path).stage(force: false, protecting: []) else {
                Issue.record("expected a refusal"); return
            }
            #expect(error.diagnostic.message.contains("was not written by CityPress"))
            #expect(error.diagnostic.notes.contains { $0.contains("--force") })
            let staging = try OutputFolder(path: output.path).stage(force: true, protecting: []).get()
            staging.discard()
            #expect(try readText(output.appendingPathComponent("notes.txt")) == "keep me")
        }
    }

    @Test func neverReplacesTheWorkingFolderHomeOrContent() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("site/Content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            for path in [".", FileManager.default.homeDirectoryForCurrentUser.path, "/", content.path,
                         root.appendingPathComponent("site").path] {
                let result = OutputFolder(path: path).stage(force: true, protecting: [content.path])
                guard case .failure(let error) = result else { Issue.record("\(path) was accepted"); continue }
                #expect(error.diagnostic.message.hasPrefix("refusing to use"))
            }
        }
    }
}
