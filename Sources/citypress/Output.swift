import ArgumentParser
import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

/// Prints diagnostics to standard error like a compiler, coloured on a terminal.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let formatter = DiagnosticFormatter(useColor: isatty(STDERR_FILENO) == 1, remedies: commandLineRemedies)
    FileHandle.standardError.write(Data((formatter.format(diagnostics) + "\n").utf8))
}

/// The library's remedies, as this command line offers them.
let commandLineRemedies: [Remedy: String] = [
    .chooseContentFolder: "pass another folder with --content",
    .chooseTemplatesFolder: "pass another folder with --templates",
    .replaceOutputFolder: "pass --force to replace it and everything in it",
    .chooseBrowser: "pass the browser's path with --browser",
    .chooseBaseURL: "pass an absolute http:// or https:// URL with --base-url",
    .includeDrafts: "pass --drafts to include drafts",
]

/// The remedies as `citypress serve` offers them: it is running, and a folder put back or a file fixed is
/// rebuilt by itself; a flag helps only by restarting it.
let previewRemedies: [Remedy: String] = commandLineRemedies.merging([
    .chooseContentFolder: "put the folder back (the preview rebuilds by itself), or restart citypress serve with --content",
    .chooseTemplatesFolder: "put the folder back (the preview rebuilds by itself), or restart citypress serve with --templates",
]) { _, preview in preview }

/// Milliseconds since `start`.
func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
    let elapsed = start.duration(to: .now)
    return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
}

/// `--paper A4`, `--paper Letter`: paper names are not case-sensitive (people write A4).
extension Paper: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
