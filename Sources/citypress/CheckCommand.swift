import ArgumentParser
import CityPressCheck
import CityPressCore
import Foundation

/// `citypress check`: reads a built site and reports broken links and accessibility mistakes.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a built site: links, fragments, ids, alt texts, titles, lang, headings, link texts."
    )

    @Option(help: "The built site's folder.")
    var output = "Public"

    @Option(name: .customLong("base-url"), help: "The URL the site is published at: absolute links to it are checked as internal.")
    var baseURL: String?

    @Flag(help: "Also check http and https links to other sites (over the network).")
    var external = false

    @Flag(name: .shortAndLong, help: "Print nothing but problems: no summary line.")
    var quiet = false

    func run() async throws {
        let started = ContinuousClock.now
        let report = SiteCheck.run(SiteCheck.Options(outputPath: output, baseURL: baseURL, collectsExternalLinks: external))
        try finish(report.diagnostics, pages: report.pagesChecked, started: started, quiet: quiet)
    }
}

/// Prints a check's diagnostics and its summary line; throws exit status 1 when any is an error.
func finish(_ diagnostics: [Diagnostic], pages: Int, started: ContinuousClock.Instant, quiet: Bool) throws {
    printDiagnostics(diagnostics)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    if errors > 0 {
        FileHandle.standardError.write(Data("citypress: check found \(errors) error\(errors == 1 ? "" : "s") in \(pages) pages\n".utf8))
        throw ExitCode.failure
    }
    var line = "Checked \(pages) pages in \(milliseconds(since: started)) ms: no errors"
    if warnings > 0 { line += " (\(warnings) warning\(warnings == 1 ? "" : "s"))" }
    if !quiet { print(line) }
}
