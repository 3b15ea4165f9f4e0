import Foundation
import Testing
@testable import CityPressWrite

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

    /// A file is kept (the same inode) only when every byte equals the old one's: the files compared are
    /// read a piece at a time, so the differences are put at the start, in the middle of a piece, on a piece's
    /// edge and at the very end of files of several pieces, and a file one byte longer or shorter.
    @Test func onlyAFileWithTheSameBytesIsKept() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("Public")
            let piece = 1 << 16
            let base = (0..<(3 * piece + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            var variants: [String: [UInt8]] = ["same": base, "empty": [], "short-same": Array("abc".utf8)]
            for (name, position) in [("first", 0), ("middle", piece / 2), ("edge", piece), ("after-edge", piece + 1), ("last", base.count - 1)] {
                var bytes = base
                bytes[position] ^= 1
                variants[name] = bytes
            }
            variants["longer"] = base + [0]
            variants["shorter"] = Array(base.dropLast())
            let first = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            for name in variants.keys {
                try first.write(name == "short-same" ? Array("abc".utf8) : (name == "empty" ? [] : base), to: name)
            }
            try first.commit()
            let inodes = stamps(of: output)
            let second = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            for (name, bytes) in variants { try second.write(bytes, to: name) }
            try second.commit()
            let log = second.log.files
            for (name, bytes) in variants {
                let same = ["same", "empty", "short-same"].contains(name)
                #expect(log[name]?.outcome == (same ? .unchanged : .changed), "\(name)")
                #expect((stamps(of: output)[name] == inodes[name]) == same, "\(name)")
                #expect(try Data(contentsOf: output.appendingPathComponent(name)) == Data(bytes), "\(name)")
            }
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
            #expect(error.diagnostic.remedy == .replaceOutputFolder)
            let staging = try OutputFolder(path: output.path).stage(force: true, protecting: []).get()
            staging.discard()
            #expect(try readText(output.appendingPathComponent("notes.txt")) == "keep me")
            // A folder named as the marker is someone's data, not the marker.
            try writeText("precious", to: output.appendingPathComponent(".citypress-build/data"))
            guard case .failure(let again) = OutputFolder(path: output.path).stage(force: false, protecting: []) else {
                Issue.record("a folder named .citypress-build was taken for the marker"); return
            }
            #expect(again.diagnostic.message.contains("was not written by CityPress"))
        }
    }

    /// A git working tree checked out as the output folder (`git worktree add Public gh-pages`, or
    /// `git init` in it) was deleted with the old site: its `.git` is never replaced, forced or not.
    @Test func neverReplacesAFolderHoldingARepository() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("Public")
            let first = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            try first.write(Array("site".utf8), to: "index.html")
            try first.commit()
            for (name, isFolder) in [(".git", true), (".git", false), (".hg", true)] {
                let repository = output.appendingPathComponent(name)
                if isFolder {
                    try writeText("ref: refs/heads/main", to: repository.appendingPathComponent("HEAD"))
                } else {
                    try writeText("gitdir: ../.git/worktrees/Public", to: repository)
                }
                for force in [false, true] {
                    guard case .failure(let error) = OutputFolder(path: output.path).stage(force: force, protecting: []) else {
                        Issue.record("expected a refusal for \(name)"); return
                    }
                    #expect(error.diagnostic.message == "output folder '\(output.path)' holds a repository (\(name)), which replacing the folder would delete")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Public"])
                #expect(try readText(output.appendingPathComponent("index.html")) == "site")
                try FileManager.default.removeItem(at: repository)
            }
            let staging = try OutputFolder(path: output.path).stage(force: false, protecting: []).get()
            staging.discard()
        }
    }

    /// `--force` on a folder CityPress did not write (a project folder) looks for repositories at every
    /// depth: `sub/.git` is as much a repository as `.git`.
    @Test func forceNeverReplacesAFolderWithARepositoryBelowItsTop() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("Projects")
            for nested in ["sub/.git/HEAD", "a/b/c/.hg/store", "z/.jj/repo"] {
                try writeText("keep", to: output.appendingPathComponent(nested))
                guard case .failure(let error) = OutputFolder(path: output.path).stage(force: true, protecting: []) else {
                    Issue.record("expected a refusal for \(nested)"); return
                }
                let repository = nested.split(separator: "/").dropLast().joined(separator: "/")
                #expect(error.diagnostic.message == "output folder '\(output.path)' holds a repository ('\(repository)'), which replacing the folder would delete")
                #expect(error.diagnostic.notes == ["every build replaces the output folder whole, with what is in it: build into a folder of its own (--output _site)"])
                #expect(try readText(output.appendingPathComponent(nested)) == "keep")
                try FileManager.default.removeItem(at: output)
            }
            try writeText("mine", to: output.appendingPathComponent("sub/notes.txt"))
            let staging = try OutputFolder(path: output.path).stage(force: true, protecting: []).get()
            staging.discard()
        }
    }

    /// Every relation of the output to a folder the build reads: the same, inside it, holding it;
    /// with and without `force`, the folder existing or not.
    @Test func neverReplacesAFolderTheBuildReadsNorOneInsideOrAroundIt() throws {
        try withTemporaryFolder { root in
            let site = root.appendingPathComponent("site")
            let content = site.appendingPathComponent("Content")
            let templates = site.appendingPathComponent("Templates")
            try writeText("name: A", to: content.appendingPathComponent("cities/a.yml"))
            try writeText("body {}", to: templates.appendingPathComponent("assets/site.css"))
            for protected in [content, templates] {
                let candidates = [protected, protected.appendingPathComponent("cities"),
                                  protected.appendingPathComponent("assets"), protected.appendingPathComponent("new/deeper"),
                                  protected.deletingLastPathComponent(), root]
                for candidate in candidates {
                    for force in [false, true] {
                        let result = OutputFolder(path: candidate.path).stage(force: force, protecting: [content.path, templates.path])
                        guard case .failure(let error) = result else {
                            Issue.record("\(candidate.path) (force: \(force)) was accepted next to \(protected.path)")
                            if case .success(let staging) = result { staging.discard() }
                            continue
                        }
                        #expect(error.diagnostic.message.hasPrefix("refusing to use"))
                    }
                }
            }
            let sibling = OutputFolder(path: site.appendingPathComponent("Public").path)
                .stage(force: true, protecting: [content.path, templates.path])
            guard case .success(let staging) = sibling else { Issue.record("a sibling folder was refused"); return }
            staging.discard()
        }
    }

    @Test func neverReplacesTheWorkingFolderOrHomeNorWhatHoldsThem() throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let cwd = FileManager.default.currentDirectoryPath
        var paths = [".", "..", "~", home, "/", cwd]
        if let parentOfHome = Optional((home as NSString).deletingLastPathComponent), parentOfHome != home {
            paths.append(parentOfHome)
        }
        for path in paths {
            for force in [false, true] {
                guard case .failure(let error) = OutputFolder(path: path).stage(force: force, protecting: []) else {
                    Issue.record("\(path) (force: \(force)) was accepted"); continue
                }
                #expect(error.diagnostic.message.hasPrefix("refusing to use"))
            }
        }
    }

    @Test func refusesAnOutputFolderItCannotRead() throws {
        guard getuid() != 0 else { return }  // root reads every folder
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("locked")
            try writeText("x", to: output.appendingPathComponent("file.txt"))
            chmod(output.path, 0o000)
            defer { chmod(output.path, 0o755) }
            guard case .failure(let error) = OutputFolder(path: output.path).stage(force: true, protecting: []) else {
                Issue.record("an unreadable folder was accepted"); return
            }
            #expect(error.diagnostic.message.contains("cannot read the output folder"))
        }
    }
}
