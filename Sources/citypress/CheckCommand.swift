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

    @Option(name: .customLong("base-url"), help: "The URL the site is published at: absolute links to it are checked as internal (default: the one its robots.txt names).")
    var baseURL: String?

    @Flag(help: "Also check http and https links to other sites, over the network (2 requests per host at a time).")
    var external = false

    @Option(help: "With --external: seconds to wait for a host's answer (no answer is a warning; default: 10).")
    var timeout: Double?

    @Option(help: "With --external: the file that remembers links that answered, for 7 days (default: .citypress-link-cache.json).")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "With --external: ask every link again, and write no cache file.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print nothing but problems: no summary line.")
    var quiet = false

    @Flag(help: "Show every problem: by default a problem repeated on many pages is shown 3 times, with the count of the others.")
    var all = false

    func run() async throws {
        let started = ContinuousClock.now
        // A site built with a base URL says it in its robots.txt; an explicit --base-url wins.
        let published = baseURL == nil ? SiteCheck.publishedBaseURL(in: output) : nil
        let report = SiteCheck.run(SiteCheck.Options(outputPath: output, baseURL: baseURL ?? published, collectsExternalLinks: external))
        var diagnostics = report.diagnostics
        var summary = published.map { " for \($0) (the base URL in its robots.txt)" } ?? ""
        if external {
            var options = ExternalLinkCheck.Options()
            options.timeout = timeout ?? 10
            let cache = cache ?? ".citypress-link-cache.json"
            options.cachePath = noCache ? nil : cache
            let checked = await ExternalLinkCheck(options: options).run(report.externalLinks)
            diagnostics = (diagnostics + checked.diagnostics).sortedForDisplay()
            summary = " and \(checked.linksChecked) external link\(checked.linksChecked == 1 ? "" : "s")"
                + " (\(checked.linksFromCache) answered in the last 7 days, from \(noCache ? "no cache" : cache))"
        }
        try finish(diagnostics, pages: report.pagesChecked, also: summary, started: started, quiet: quiet, showsAll: all)
    }

    func validate() throws {
        // Options that would do nothing are refused: a user who gave one expected it to do something.
        if !external {
            for (given, name) in [(timeout != nil, "--timeout"), (cache != nil, "--cache"), (noCache, "--no-cache")] where given {
                throw ValidationError("\(name) is for --external, which asks the links to other sites: add --external, or leave \(name) out")
            }
        }
        if noCache, cache != nil { throw ValidationError("--cache and --no-cache exclude each other: give one") }
        // An hour is more than any host is worth waiting for, and keeps the seconds a whole number can hold.
        if let timeout {
            guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be a number of seconds above 0, at most 3600") }
        }
    }
}

/// Prints a check's diagnostics and its summary line; throws exit status 1 when any is an error.
func finish(_ diagnostics: [Diagnostic], pages: Int, also checked: String = "", started: ContinuousClock.Instant?,
            quiet: Bool, showsAll: Bool = false) throws {
    printDiagnostics(showsAll ? diagnostics : RepeatedProblems.folded(diagnostics))
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    let pagesText = "\(pages) page\(pages == 1 ? "" : "s")"
    let warningsText = warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""
    if errors > 0 {
        // What was checked is said as on success: the external links and the cache are part of the answer.
        FileHandle.standardError.write(Data(
            "citypress: check found \(errors) error\(errors == 1 ? "" : "s") in \(pagesText)\(checked)\(warningsText)\n".utf8))
        throw ExitCode.failure
    }
    // A build checks its pages as it writes them (`started` is nil): its time is the build's.
    let time = started.map { " in \(milliseconds(since: $0)) ms" } ?? ""
    let line = "Checked \(pagesText)\(checked)\(time): no errors\(warningsText)"
    if !quiet { print(line) }
}
