import Foundation
import CityPressFuzz

// citypress-fuzz: feeds mutated content files and templates to the loader, the resolver, the template
// parser and checker and the renderer, in worker processes, so that a trap is seen by this one.
//
//   citypress-fuzz [--seconds 60] [--seed 1] [--hang-limit 2] [--content Tests/Fixtures/site/Content]
//                  [--templates Templates] [--findings .fuzz]
//   citypress-fuzz --replay FILE --as Content/cities/lodz.yml     (runs one saved case in this process)
//
// Exit status: 0 when no case crashed or hung, 1 when one did (saved below the findings folder), 2 on bad use.

var options: [String: String] = [:]
var flags: Set<String> = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    guard argument.hasPrefix("--") else { fail("unexpected argument '\(argument)'") }
    if argument == "--worker" { flags.insert(argument); continue }
    guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
    options[String(argument.dropFirst(2))] = value
}

@MainActor func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("citypress-fuzz: \(message)\n".utf8))
    exit(2)
}

@MainActor func number<T: LosslessStringConvertible>(_ name: String, _ fallback: T) -> T {
    guard let text = options[name] else { return fallback }
    guard let value = T(text) else { fail("--\(name) takes a number, not '\(text)'") }
    return value
}

let seed: UInt64 = number("seed", 1)
let hangLimit: Double = number("hang-limit", 2)
let content = options["content"] ?? "Tests/Fixtures/site/Content"
let templates = options["templates"] ?? "Templates"
// Cases at which to trap or hang on purpose: how the fuzzer's tests see that both are caught.
let crashAt: UInt64? = options["crash-at"].flatMap(UInt64.init)
let hangAt: UInt64? = options["hang-at"].flatMap(UInt64.init)

do {
    if flags.contains("--worker") {
        guard let state = options["state"], let work = options["work"] else { fail("--worker needs --state and --work") }
        let target = try FuzzTarget(content: content, templates: templates, workFolder: URL(fileURLWithPath: work), seed: seed)
        let worker = FuzzWorker(target: target, stateFile: URL(fileURLWithPath: state), hangLimit: hangLimit, crashAt: crashAt, hangAt: hangAt)
        print("ran \(try worker.run(from: number("from", 0), seconds: number("seconds", 60)))")
    } else if let replay = options["replay"] {
        guard let file = options["as"] else { fail("--replay needs --as, the file the case replaces (Content/…, Templates/…)") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-fuzz-replay-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        let target = try FuzzTarget(content: content, templates: templates, workFolder: work, seed: seed)
        let started = Date()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: replay)))
        let result = try target.run(FuzzTarget.Case(index: 0, file: file, bytes: bytes))
        print("replayed \(replay) as \(file): \(result.errors) error(s), \(result.pages) page(s), "
              + String(format: "%.3f s", Date().timeIntervalSince(started)))
    } else {
        let supervisor = FuzzSupervisor(
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]),
            seed: seed, seconds: number("seconds", 60), hangLimit: hangLimit, content: content, templates: templates,
            findings: URL(fileURLWithPath: options["findings"] ?? ".fuzz"), crashAt: crashAt, hangAt: hangAt)
        let started = Date()
        let summary = try supervisor.run { print($0) }
        print("citypress-fuzz: seed \(seed): \(summary.executions) executions in "
              + String(format: "%.0f s", Date().timeIntervalSince(started))
              + ", \(summary.crashes.count) crash(es), \(summary.hangs.count) hang(s)")
        exit(summary.crashes.isEmpty && summary.hangs.isEmpty ? 0 : 1)
    }
} catch {
    fail("\(error)")
}
