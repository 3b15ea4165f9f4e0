import ArgumentParser
import CityPressBuild
import CityPressCheck
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

/// `citypress build`: parses flags and runs the library's pipeline.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content and templates into the output folder."
    )

    @OptionGroup var site: SiteFolderOptions

    @Option(help: "The output folder, replaced whole when the build succeeds.")
    var output = "Public"

    @Option(name: .customLong("base-url"), help: "The URL the site is published at (overrides base_url in site.yml).")
    var baseURL: String?

    @Flag(help: "Replace an output folder that CityPress did not write.")
    var force = false

    @Flag(help: "Links name index.html files, so the site works opened from a folder or a USB stick (file://).")
    var portable = false

    @Flag(help: "Also print each declaration to <slug>-a4.pdf and <slug>-letter.pdf, offered on its page (needs Chromium).")
    var pdf = false

    @Option(help: "The Chromium-family browser that prints PDFs (default: found on PATH).")
    var browser: String?

    @Flag(help: "Then check the built site as 'citypress check' does (links, ids, alt, titles, headings); problems fail the build.")
    var check = false

    @Option(name: .customLong("changes"), help: ArgumentHelp(
        "Write the files added, changed and removed in the output folder as JSON to this file ('-': standard output), for a deploy step; a build that fails removes the file.",
        valueName: "file"))
    var changesPath: String?

    @Flag(help: "Render only the pages whose content, templates or options changed since the last build with --incremental, keeping the others' files, if this machine's record of that build (in ~/.cache/citypress, or $XDG_CACHE_HOME/citypress) shows they are untouched and this same binary wrote them; otherwise render every page (see docs/deploying.md).")
    var incremental = false

    @Flag(name: .shortAndLong, help: "Print nothing but problems: no progress, no summary line.")
    var quiet = false

    func validate() throws {
        // Refused rather than ignored: a user who named a browser expected PDFs.
        if browser != nil, !pdf { throw ValidationError("--browser is the browser that prints PDFs: add --pdf, or leave --browser out") }
    }

    func run() throws {
        let started = ContinuousClock.now
        var options = BuildOptions(contentPath: site.content, templatesPath: site.templates, outputPath: output,
                                   baseURL: baseURL, includesDrafts: site.drafts, force: force)
        options.linkStyle = portable ? .indexFiles : .folders
        options.pdfPapers = pdf ? Paper.allCases : []
        options.browserPath = browser
        options.listsChanges = changesPath != nil
        options.checksSite = check
        options.keepsUnchangedOutputs = incremental
        let showsProgress = !quiet && isatty(STDERR_FILENO) == 1
        if showsProgress {
            options.progress = { done, total in
                FileHandle.standardError.write(Data("\r\u{1B}[2Krendering pages: \(done)/\(total)".utf8))
            }
        }
        if let changesPath, changesPath != "-", let problem = options.changeListProblem(at: changesPath) {
            printDiagnostics([problem])
            throw ExitCode.failure
        }
        let stopWatching = SiteBuild.stopOnInterrupt(&options)
        let report = SiteBuild.run(options)
        stopWatching?()
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        printDiagnostics(report.diagnostics)
        if !quiet {
            for note in report.notes { FileHandle.standardError.write(Data("citypress: note: \(note)\n".utf8)) }
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        guard report.succeeded else {
            removeStaleChangeList()
            if let checked = report.check, !report.diagnostics.containsErrors {
                printDiagnostics(RepeatedProblems.folded(checked.diagnostics))
                let found = checked.diagnostics.filter { $0.severity == .error }.count
                FileHandle.standardError.write(Data(
                    ("citypress: check found \(found) error\(found == 1 ? "" : "s") in \(checked.pagesChecked) page\(checked.pagesChecked == 1 ? "" : "s"); "
                     + "'\(output)' was left as it was (build without --check to write the site all the same)\n").utf8))
                throw ExitCode.failure
            }
            let left = FileManager.default.fileExists(atPath: output) ? "was left as it was" : "was not created"
            FileHandle.standardError.write(Data(
                "citypress: build failed with \(errors) error\(errors == 1 ? "" : "s"); '\(output)' \(left)\n".utf8))
            throw ExitCode.failure
        }
        let others = report.pagesWritten - report.htmlPages
        var line = "Built \(report.htmlPages) page\(report.htmlPages == 1 ? "" : "s") and \(others) other file\(others == 1 ? "" : "s")"
            + " into \(output) in \(milliseconds(since: started)) ms"
        var notes: [String] = []
        if report.pagesRendered < report.pagesWritten {
            notes.append("\(report.pagesRendered) rendered, \(report.pagesWritten - report.pagesRendered) kept from the last build")
        }
        if warnings > 0 { notes.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if let changes = report.changes {
            notes.append("\(changes.added.count) added, \(changes.changed.count) changed, \(changes.removed.count) removed")
        }
        if !notes.isEmpty { line += " (" + notes.joined(separator: "; ") + ")" }
        // With the change list on standard output, the summary goes to standard error, out of its way.
        if !quiet { changesPath == "-" ? FileHandle.standardError.write(Data((line + "\n").utf8)) : print(line) }
        if let changes = report.changes, let changesPath {
            if changesPath == "-" {
                print(changes.json, terminator: "")
            } else {
                do {
                    try Data(changes.json.utf8).write(to: URL(fileURLWithPath: changesPath))
                } catch {
                    removeStaleChangeList()
                    FileHandle.standardError.write(Data(("citypress: error: cannot write the change list to '\(changesPath)': "
                                                         + "\(BuildOptions.describe(error)) ('\(output)' was built)\n").utf8))
                    throw ExitCode.failure
                }
            }
        }
        if let checked = report.check {
            try finish(checked.diagnostics, pages: checked.pagesChecked, started: nil, quiet: quiet)
        }
    }

    /// Removes the change list of the build before: left in place after a build that failed, it would
    /// have a deploy step that runs anyway send that build's changes again, and none is better than a
    /// wrong one. Only a regular file is removed: a link, a pipe or a device (`/dev/stdout`) named as
    /// the list is not the list.
    private func removeStaleChangeList() {
        guard let changesPath, changesPath != "-" else { return }
        var info = stat()
        guard lstat(changesPath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        unlink(changesPath)
    }
}
