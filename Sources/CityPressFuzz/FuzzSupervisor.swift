import Foundation

/// Runs worker processes (this executable with `--worker`) until the time is up, and turns each
/// worker that dies (a trap, a signal) or hangs into a saved case: `crashes/` or `hangs/` below the
/// findings folder, named by seed, case number and file, then starts a new worker after that case.
public struct FuzzSupervisor {
    public var executable: URL
    public var seed: UInt64
    public var seconds: TimeInterval
    public var hangLimit: TimeInterval
    public var content: String
    public var templates: String
    public var findings: URL
    /// Case numbers at which workers trap or hang on purpose (the fuzzer's own tests).
    public var crashAt: UInt64?
    public var hangAt: UInt64?

    public init(executable: URL, seed: UInt64, seconds: TimeInterval, hangLimit: TimeInterval, content: String,
                templates: String, findings: URL, crashAt: UInt64? = nil, hangAt: UInt64? = nil) {
        self.executable = executable
        self.seed = seed
        self.seconds = seconds
        self.hangLimit = hangLimit
        self.content = content
        self.templates = templates
        self.findings = findings
        self.crashAt = crashAt
        self.hangAt = hangAt
    }

    /// What a run found.
    public struct Summary {
        public var executions: UInt64 = 0
        public var crashes: [String] = []
        public var hangs: [String] = []
    }

    public func run(log: (String) -> Void) throws -> Summary {
        var summary = Summary()
        let started = Date()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-fuzz-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let state = scratch.appendingPathComponent("state")
        var next: UInt64 = 0
        while true {
            let left = seconds - Date().timeIntervalSince(started)
            guard left > 0.05 else { break }
            try? FileManager.default.removeItem(at: state.appendingPathExtension("hang"))
            try? FileManager.default.removeItem(at: state)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--worker", "--seed", "\(seed)", "--from", "\(next)", "--seconds", String(format: "%.2f", left),
                                 "--hang-limit", "\(hangLimit)", "--state", state.path, "--content", content,
                                 "--templates", templates, "--work", scratch.appendingPathComponent("site").path]
                + (crashAt.map { ["--crash-at", "\($0)"] } ?? []) + (hangAt.map { ["--hang-at", "\($0)"] } ?? [])
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationReason == .exit, process.terminationStatus == 0,
               let ran = printed.split(separator: "\n").last.flatMap({ UInt64($0.split(separator: " ").last ?? "") }) {
                summary.executions += ran
                next += ran
                continue
            }
            // The worker died in a case, or was ended by its watchdog: the state file names the case.
            let lines = (try? String(contentsOf: state, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            guard lines.count == 2, let index = UInt64(lines[0]) else {
                throw FuzzError("the worker ended (status \(process.terminationStatus)) before its first case")
            }
            let hang = FileManager.default.fileExists(atPath: state.appendingPathExtension("hang").path)
            let kind = hang ? "hangs" : "crashes"
            let saved = findings.appendingPathComponent(kind)
                .appendingPathComponent("seed\(seed)-case\(index)-" + lines[1].replacingOccurrences(of: "/", with: "_"))
            try FileManager.default.createDirectory(at: saved.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: saved)
            try FileManager.default.copyItem(at: state.appendingPathExtension("bytes"), to: saved)
            let how = hang ? "ran over \(hangLimit) s" : (process.terminationReason == .uncaughtSignal
                ? "died of signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)")
            log("citypress-fuzz: case \(index) (\(lines[1]) mutated) \(how); saved as \(saved.path)")
            log("  replay: citypress-fuzz --replay \(saved.path) --as \(lines[1])")
            if hang { summary.hangs.append(saved.path) } else { summary.crashes.append(saved.path) }
            summary.executions += index - next + 1
            next = index + 1
        }
        return summary
    }
}

/// A fuzzer that cannot run.
public struct FuzzError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
