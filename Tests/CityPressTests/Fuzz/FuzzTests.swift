import Foundation
import Testing
@testable import CityPressFuzz

/// The fuzzer itself: its cases are the same on every run of a seed, it finds traps and hangs, and a
/// few seconds of it run with every test run (`make fuzz` runs it for longer).
@Suite struct FuzzTests {
    func target(_ root: URL, seed: UInt64 = 1) throws -> FuzzTarget {
        try FuzzTarget(content: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                       templates: TestPaths.templates.path, workFolder: root.appendingPathComponent("work"), seed: seed)
    }

    @Test func aSeedGivesTheSameCasesEveryTime() throws {
        try withTemporaryFolder { root in
            let first = try target(root), second = try target(root)
            var changed = 0
            for index: UInt64 in 0..<200 {
                let a = first.makeCase(index), b = second.makeCase(index)
                #expect(a.file == b.file && a.bytes == b.bytes, "case \(index) differs between two runs")
                if a.bytes != first.seeds.first(where: { $0.path == a.file })?.bytes { changed += 1 }
            }
            #expect(changed > 190, "only \(changed) of 200 cases changed their file")
            let files = Set((0..<200).map { first.makeCase(UInt64($0)).file })
            #expect(files.contains { $0.hasPrefix("Content/") } && files.contains { $0.hasPrefix("Templates/") })
            let other = try target(root, seed: 2)
            #expect((0..<20).contains { other.makeCase(UInt64($0)).bytes != first.makeCase(UInt64($0)).bytes })
        }
    }

    /// A bounded run in this process: every case ends, and puts its file back.
    @Test func aShortRunFindsNoCrashOrHang() throws {
        try withTemporaryFolder { root in
            let fuzz = try target(root)
            let deadline = Date().addingTimeInterval(4)
            var index: UInt64 = 0
            while Date() < deadline {
                let started = Date()
                try fuzz.run(fuzz.makeCase(index))
                // Wall time, with the whole suite running beside it: generous. The fuzzer itself counts CPU.
                #expect(Date().timeIntervalSince(started) < 10, "case \(index) took over 10 s")
                index += 1
            }
            #expect(index >= 3)
            let untouched = try fuzz.run(FuzzTarget.Case(index: 0, file: "Content/site.yml",
                                                         bytes: fuzz.seeds.first { $0.path == "Content/site.yml" }?.bytes ?? []))
            #expect(untouched.errors == 0 && untouched.pages > 20, "the work folder was not put back as it was")
        }
    }

    /// The supervisor notices a worker that traps, saves the case and goes on after it.
    @Test func theSupervisorReportsAWorkerThatTraps() throws {
        let binary = TestPaths.binary.deletingLastPathComponent().appendingPathComponent("citypress-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no \(binary.path): swift build first")
        try withTemporaryFolder { root in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["--seconds", "3", "--seed", "1", "--crash-at", "2", "--findings", root.path,
                                 "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                 "--templates", TestPaths.templates.path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(printed)")
            #expect(printed.contains("case 2 ("), "\(printed)")
            #expect(printed.contains("died of signal"), "\(printed)")
            #expect(printed.contains("1 crash(es), 0 hang(s)"), "\(printed)")
            let saved = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("crashes").path)
            #expect(saved.count == 1 && saved[0].hasPrefix("seed1-case2-"), "\(saved)")
            // It went on after the case that trapped.
            let executions = printed.split(separator: "\n").last.flatMap { $0.components(separatedBy: ": ").last }
            #expect(Int(executions?.split(separator: " ").first ?? "") ?? 0 > 3, "\(printed)")
        }
    }

    /// And one that hangs: its watchdog ends it after the hang limit.
    @Test func theSupervisorReportsAWorkerThatHangs() throws {
        let binary = TestPaths.binary.deletingLastPathComponent().appendingPathComponent("citypress-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no \(binary.path): swift build first")
        try withTemporaryFolder { root in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["--seconds", "3", "--seed", "1", "--hang-at", "1", "--hang-limit", "0.5",
                                 "--findings", root.path,
                                 "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                 "--templates", TestPaths.templates.path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(printed)")
            #expect(printed.contains("case 1 (") && printed.contains("ran over 0.5 s"), "\(printed)")
            #expect(printed.contains("0 crash(es), 1 hang(s)"), "\(printed)")
        }
    }
}
