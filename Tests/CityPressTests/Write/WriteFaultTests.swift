import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressWrite
#if canImport(Glibc)
import Glibc
#endif

/// Faults while writing: whatever fails, the output folder is exactly as it was, and nothing of the
/// failed build is left beside it.
@Suite struct WriteFaultTests {
    /// A fixture site built once into `root/Public`, then edited so that every page of the next build
    /// differs from the output (nothing can be hard-linked: every page is really written).
    func builtAndEdited(in root: URL) throws -> (options: BuildOptions, before: [String: Data]) {
        let site = try makeFixtureSite(in: root)
        let options = BuildOptions(contentPath: site.appendingPathComponent("Content").path,
                                   templatesPath: site.appendingPathComponent("Templates").path,
                                   outputPath: root.appendingPathComponent("Public").path)
        let first = SiteBuild.run(options)
        #expect(first.succeeded, "\(first.diagnostics)")
        let config = site.appendingPathComponent("Content/site.yml")
        try writeText(try readText(config).replacingOccurrences(of: "title: ", with: "title: Renamed "), to: config)
        return (options, try snapshot(of: root.appendingPathComponent("Public")))
    }

    func expectUntouched(_ root: URL, _ before: [String: Data], _ report: SiteBuild.Report,
                         _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!report.succeeded, "the build should fail", sourceLocation: sourceLocation)
        let errors = report.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains { $0.contains(message) }, "\(errors)", sourceLocation: sourceLocation)
        #expect(try snapshot(of: root.appendingPathComponent("Public")) == before, "the output changed",
                sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Public", "site"],
                "the failed build left something beside the output", sourceLocation: sourceLocation)
    }

    /// The disk fills up: the failing write keeps half its bytes, and every write after it fails too.
    /// Tried at the first file (the staging folder's marker, written before any page), in the middle and at
    /// the last one.
    @Test func aFullDiskLeavesTheOutputAsItWas() throws {
        try withTemporaryFolder { root in
            // How many writes a build makes: counted on a copy.
            var (counted, _) = try builtAndEdited(in: try subfolder("count", of: root))
            let counter = WriteFaults()
            counted.writeFaults = counter
            #expect(SiteBuild.run(counted).succeeded)
            let writes = counter.writesSeen
            #expect(writes > 20)
            let faulty = try subfolder("faults", of: root)
            var (options, before) = try builtAndEdited(in: faulty)
            for failing in [1, writes / 2, writes] {
                options.writeFaults = WriteFaults(failingWrite: failing)
                try expectUntouched(faulty, before, SiteBuild.run(options), "No space left on device")
            }
        }
    }

    /// The disk fills up while an `--incremental` build writes into the spare beside the output (the
    /// third build), whose files are the output's own, linked: none is written through, so the output
    /// keeps its bytes, inodes and times. The failed build deletes the spare.
    @Test func aFullDiskWhileWritingInTheSpareLeavesTheOutputAsItWas() throws {
        // This process's builds record what they wrote where the end-to-end tests' builds do.
        setenv("XDG_CACHE_HOME", FileManager.default.temporaryDirectory.appendingPathComponent("citypress-tests-cache").path, 1)
        for failing in [1, 10, 40] {
            try withTemporaryFolder { root in
                let site = try makeFixtureSite(in: root)
                var options = BuildOptions(contentPath: site.appendingPathComponent("Content").path,
                                           templatesPath: site.appendingPathComponent("Templates").path,
                                           outputPath: root.appendingPathComponent("Public").path)
                options.keepsUnchangedOutputs = true
                for _ in 0..<2 { #expect(SiteBuild.run(options).succeeded) }
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".Public.citypress-spare").path))
                let config = site.appendingPathComponent("Content/site.yml")
                try writeText(try readText(config).replacingOccurrences(of: "title: ", with: "title: Renamed "), to: config)
                let public_ = root.appendingPathComponent("Public")
                let before = try snapshot(of: public_), stampsBefore = stamps(of: public_)
                options.writeFaults = WriteFaults(failingWrite: failing)
                try expectUntouched(root, before, SiteBuild.run(options), "No space left on device")
                #expect(stamps(of: public_) == stampsBefore, "a file of the output was written again (write \(failing))")
            }
        }
    }

    /// One file cannot be created (permission denied): injected, because root may write anywhere.
    @Test func aFileThatCannotBeWrittenLeavesTheOutputAsItWas() throws {
        try withTemporaryFolder { root in
            var (options, before) = try builtAndEdited(in: root)
            options.writeFaults = WriteFaults(failingWrite: 7, fault: .init(keptBytes: 0, code: EACCES))
            try expectUntouched(root, before, SiteBuild.run(options), "Permission denied")
        }
    }

    /// The swap itself fails: by one exchange, and by two renames (the old output moved aside, then
    /// the new one moved in, which must put the old one back).
    @Test func aFailedSwapLeavesTheOutputAsItWas() throws {
        try withTemporaryFolder { root in
            var (options, before) = try builtAndEdited(in: root)
            for faults in [WriteFaults(failingCommitStep: 1), WriteFaults(failingCommitStep: 1, exchangeUnavailable: true),
                           WriteFaults(failingCommitStep: 2, exchangeUnavailable: true)] {
                options.writeFaults = faults
                try expectUntouched(root, before, SiteBuild.run(options), "Input/output error")
            }
            // And both ways of swapping work when nothing fails.
            for faults in [WriteFaults(exchangeUnavailable: true), WriteFaults()] {
                options.writeFaults = faults
                #expect(SiteBuild.run(options).succeeded)
                #expect(try readText(root.appendingPathComponent("Public/index.html")).contains("Renamed"))
                #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Public", "site"])
            }
        }
    }

    /// What a killed build leaves: its staging folder, or (killed between the two renames of a swap)
    /// the old output moved aside and no output. The next build puts the output back before looking
    /// at it, and deletes the rest; folders of a build still running are left alone.
    @Test func leftoversOfKilledBuildsAreCleanedUp() throws {
        try withTemporaryFolder { root in
            let (options, before) = try builtAndEdited(in: root)
            let public_ = root.appendingPathComponent("Public")
            let dead = deadProcessID()
            try FileManager.default.moveItem(at: public_, to: root.appendingPathComponent(".Public.citypress-old-\(dead)"))
            try writeText("half", to: root.appendingPathComponent(".Public.citypress-staging-\(dead)/index.html"))
            let running = root.appendingPathComponent(".Public.citypress-staging-\(getppid())")
            try writeText("busy", to: running.appendingPathComponent("index.html"))
            let cleaned = StagingLeftovers.clean(output: "Public", in: root.path)
            #expect(cleaned == [".Public.citypress-old-\(dead)", ".Public.citypress-staging-\(dead)"])
            #expect(try snapshot(of: public_) == before, "the old output was not put back")
            #expect(FileManager.default.fileExists(atPath: running.path), "a running build's folder was deleted")
            try FileManager.default.removeItem(at: running)
            #expect(SiteBuild.run(options).succeeded)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Public", "site"])
        }
    }

    /// The swap is one step where the system has it: no moment without an output folder.
    @Test func theSwapExchangesTheTwoFoldersInOneStep() throws {
        try withTemporaryFolder { root in
            let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
            try writeText("from a", to: a.appendingPathComponent("x"))
            try writeText("from b", to: b.appendingPathComponent("x"))
            let outcome = AtomicExchange.exchange(a.path, b.path)
            #if os(Linux) || os(macOS)
            #expect(outcome == .exchanged)
            #endif
            if outcome == .exchanged {
                #expect(try readText(a.appendingPathComponent("x")) == "from b")
                #expect(try readText(b.appendingPathComponent("x")) == "from a")
            }
            #expect(AtomicExchange.exchange(a.path, root.appendingPathComponent("missing").path) == .failed(ENOENT))
        }
    }

    func subfolder(_ name: String, of root: URL) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A process id that runs nothing: a child that has exited and been waited for.
    func deadProcessID() -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
