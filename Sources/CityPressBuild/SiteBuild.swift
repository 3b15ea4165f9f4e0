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
        /// Whether the output folder now holds the new site.
        public var succeeded: Bool { !diagnostics.containsErrors }
    }

    /// Loads and resolves the site and its templates, reporting every problem of both.
    public static func prepare(_ options: BuildOptions) -> (Site?, TemplateSet?, [Diagnostic]) {
        let loaded = ContentLoader(contentPath: options.contentPath, cache: options.loadCache).loadFiles()
        return resolve(loaded, templates: TemplateSet.load(from: options.templatesPath), options: options)
    }

    /// Resolves loaded content, with `options`' overrides, next to its loaded templates.
    public static func resolve(_ loaded: LoadedFiles, templates loadedTemplates: (TemplateSet?, [Diagnostic]),
                               options: BuildOptions) -> (Site?, TemplateSet?, [Diagnostic]) {
        let templates = loadedTemplates.0
        var diagnostics = loaded.diagnostics + loadedTemplates.1
        guard var config = loaded.content.config else { return (nil, templates, diagnostics) }
        if let baseURL = options.baseURL {
            guard SiteConfig.isValidBaseURL(baseURL) else {
                diagnostics.append(.error("--base-url must be an absolute http:// or https:// URL, not '\(baseURL)'"))
                return (nil, templates, diagnostics)
            }
            config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        }
        let (site, resolveDiagnostics) = SiteResolver(includesDrafts: options.includesDrafts).resolve(loaded.content, config: config)
        diagnostics += resolveDiagnostics
        if let site { diagnostics += BodyLinkCheck(site: site).diagnostics() }
        guard !diagnostics.containsErrors else { return (nil, templates, diagnostics) }
        return (site, templates, diagnostics)
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
        switch output.stage(force: options.force, protecting: [options.contentPath, options.templatesPath]) {
        case .success(let folder): staging = folder
        case .failure(let error): return Report(diagnostics: diagnostics + [error.diagnostic], pagesWritten: 0)
        }
        do {
            var written = try SiteRenderer(site: site, templates: templates, pdfPapers: options.pdfPapers,
                                       linkStyle: options.linkStyle)
                .render(into: staging, progress: options.progress)
            let assets = joined(options.templatesPath, "assets")
            if FileManager.default.fileExists(atPath: assets) {
                try staging.copyFolder(assets, to: "assets")
            }
            if let exporter {
                for declaration in site.declarations {
                    for paper in options.pdfPapers {
                        let pdf = staging.path + "/declarations/\(declaration.slug)/" + paper.fileName(for: declaration.slug)
                        try exporter.export(slug: declaration.slug, title: declaration.title, paper: paper, siteFolder: staging.path, to: pdf)
                        written += 1
                    }
                }
            }
            try staging.commit()
            return Report(diagnostics: diagnostics, pagesWritten: written)
        } catch {
            staging.discard()
            diagnostics.append(.error("cannot write the site to '\(options.outputPath)': \(OutputFolder.describe(error))",
                                      notes: ["the output folder was left as it was"]))
            return Report(diagnostics: diagnostics, pagesWritten: 0)
        }
    }

    package static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
