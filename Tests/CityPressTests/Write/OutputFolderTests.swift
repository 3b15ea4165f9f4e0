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
