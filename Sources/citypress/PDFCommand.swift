import ArgumentParser
import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

/// `citypress pdf`: prints declarations' print editions to PDF with headless Chromium.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print declarations to PDF files (<slug>-<paper>.pdf; translations <slug>.<lang>-<paper>.pdf; implementation updates <slug>-update-<year>-<paper>.pdf) with headless Chromium."
    )

    @Argument(help: "Slugs of the declarations to print (default: every published declaration).")
    var slugs: [String] = []

    @Option(help: "Paper size: a4 or letter, in any case (default: both).")
    var paper: Paper?

    @Option(name: .customLong("language"),
            help: "Print only this language's versions (repeatable; the site's language for the originals; default: every version).")
    var languages: [String] = []

    @Option(help: "The folder the PDFs are written to.")
    var output = "pdf"

    @Option(help: "The Chromium-family browser to print with (default: chromium, chromium-browser or google-chrome on PATH).")
    var browser: String?

    @OptionGroup var site: SiteFolderOptions

    @Option(name: .customLong("base-url"), help: "The URL the site is published at (printed in the colophon).")
    var baseURL: String?


    func run() throws {
        let started = ContinuousClock.now
        var build = BuildOptions(contentPath: site.content, templatesPath: site.templates, baseURL: baseURL,
                                 includesDrafts: site.drafts)
        build.browserPath = browser
        let request = PDFExport.Request(build: build, slugs: slugs, papers: paper.map { [$0] } ?? Paper.allCases,
                                        outputDirectory: output, languages: languages)
        let (written, diagnostics) = PDFExport.run(request)
        printDiagnostics(diagnostics)
        guard !diagnostics.containsErrors else { throw ExitCode.failure }
        print("Printed \(written.count) PDF\(written.count == 1 ? "" : "s") into \(output) in \(milliseconds(since: started)) ms")
    }
}
