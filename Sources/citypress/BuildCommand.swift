import ArgumentParser
import CityPress
import Foundation

/// `citypress build`: parses flags and runs the library's pipeline.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content and templates into the output folder."
    )

    @Option(help: "The content folder: site.yml, cities/, declarations/.")
    var content = "Content"

    @Option(help: "The templates folder: *.mustache and assets/.")
    var templates = "Templates"

    @Option(help: "The output folder, replaced whole when the build succeeds.")
    var output = "Public"

    @Option(name: .customLong("base-url"), help: "The URL the site is published at (overrides base_url in site.yml).")
    var baseURL: String?

    @Flag(help: "Also publish declarations marked draft: true.")
    var drafts = false

    @Flag(help: "Replace an output folder that CityPress did not write.")
    var force = false

    func run() throws {
        let started = ContinuousClock.now
        let options = BuildOptions(contentPath: content, templatesPath: templates, outputPath: output,
                                   baseURL: baseURL, includesDrafts: drafts, force: force)
        let report = SiteBuild.run(options)
        let formatter = DiagnosticFormatter(useColor: isatty(STDERR_FILENO) == 1)
        if !report.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((formatter.format(report.diagnostics) + "\n").utf8))
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        guard report.succeeded else {
            FileHandle.standardError.write(Data(
                "citypress: build failed with \(errors) error\(errors == 1 ? "" : "s"); '\(output)' was left as it was\n".utf8))
            throw ExitCode.failure
        }
        let elapsed = started.duration(to: .now)
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        var line = "Built \(report.pagesWritten) pages into \(output) in \(milliseconds) ms"
        if warnings > 0 { line += " (\(warnings) warning\(warnings == 1 ? "" : "s"))" }
        print(line)
    }
}
