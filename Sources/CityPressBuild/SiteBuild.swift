import Foundation
import CityPressCore
import CityPressLoad
import CityPressPrint
import CityPressRender
import CityPressSite
import CityPressTemplates
import CityPressWrite

/// The whole pipeline: load → resolve → render → write.
public enum SiteBuild {
    /// What a build did.
    public struct Report: Sendable {
        /// Every problem found, warnings included.
        public var diagnostics: [Diagnostic]
        /// Files written (pages and sitemap; assets not counted).
        public var pagesWritten: Int
        /// The URL the site was built for (`--base-url`, else `base_url` of `site.yml`), if any.
        public var baseURL: String?
        /// Whether the output folder now holds the new site.
        public var succeeded: Bool { !diagnostics.containsErrors }
    }

    /// Loads and resolves the site and its templates, reporting every problem of both.
    package static func prepare(_ options: BuildOptions) -> (Site?, TemplateSet?, [Diagnostic]) {
        BuildSteps.resolve(BuildSteps.load(options), templates: BuildSteps.loadTemplates(options), options: options)
    }

    /// Builds the site into `options.outputPath`, which is replaced only if everything succeeded.
    public static func run(_ options: BuildOptions) -> Report {
        let (site, templates, prepared) = prepare(options)
        var diagnostics = prepared
        guard let site, let templates, !diagnostics.containsErrors else {
            return Report(diagnostics: diagnostics, pagesWritten: 0)
        }
        var exporter: PrintEditionExporter?
        if !options.pdfPapers.isEmpty {
            switch Browser.locate(explicitPath: options.browserPath) {
            case .success(let browser): exporter = PrintEditionExporter(printer: PDFPrinter(browser: browser))
            case .failure(let error): return Report(diagnostics: diagnostics + [error.diagnostic], pagesWritten: 0)
            }
        }
        let output = OutputFolder(path: options.outputPath)
        let staging: StagingFolder
        switch output.stage(force: options.force, protecting: [options.contentPath, options.templatesPath],
                            faults: options.writeFaults) {
        case .success(let folder): staging = folder
        case .failure(let error): return Report(diagnostics: diagnostics + [error.diagnostic], pagesWritten: 0)
        }
        do {
            var written = try BuildSteps.render(site, templates: templates, options: options, into: staging)
            try BuildSteps.writeAssets(options, into: staging)
            if let exporter {
                written += try BuildSteps.printEditions(of: site.declarations, site: site, templates: templates, options: options,
                                                        papers: options.pdfPapers, siteFolder: staging.path, with: exporter) {
                    staging.path + "/" + BuildSteps.pdfPath(of: $0)
                }.count
            }
            try staging.commit()
            return Report(diagnostics: diagnostics, pagesWritten: written, baseURL: site.config.baseURL)
        } catch {
            staging.discard()
            diagnostics.append(.error("cannot write the site to '\(options.outputPath)': \(OutputFolder.describe(error))",
                                      notes: ["the output folder was left as it was"]))
            return Report(diagnostics: diagnostics, pagesWritten: 0)
        }
    }
}
