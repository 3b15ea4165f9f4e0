import Foundation
import CityPressCheck
import CityPressCore
import CityPressLoad
import CityPressPrint
import CityPressRender
import CityPressSite
import CityPressTemplates

/// The named steps every command runs, in this order: `citypress build` (into a staging folder),
/// `citypress pdf` (into a private folder) and the preview's rebuilds (into memory, with its caches)
/// differ only in the sink they pass and in what they do after the last step.
///
///     load → loadTemplates → resolve → render → writeCopiedFiles → (printEditions)
package enum BuildSteps {
    /// Load: the content folder's files → records, reusing `options.loadCache` for unchanged files.
    /// With `previous` and `changed` (paths a file watcher reported), only those files are read again
    /// when that is enough.
    /// `previous` is consumed: when nothing else holds it, its records are changed in place, not copied.
    package static func load(_ options: BuildOptions, previous: consuming LoadedFiles? = nil, changed: [String]? = nil) -> LoadedFiles {
        let loader = ContentLoader(contentPath: options.contentPath, cache: options.loadCache)
        if let changed, let previous = previous.take(), let reloaded = loader.reload(previous, changing: changed) { return reloaded }
        return loader.loadFiles()
    }

    /// Load: the templates folder's templates, parsed and checked against the views they receive.
    package static func loadTemplates(_ options: BuildOptions) -> (TemplateSet?, [Diagnostic]) {
        TemplateSet.load(from: options.templatesPath, views: TemplateViews.entries)
    }

    /// Resolve: records → one site, with `options`' overrides, beside its templates. Every problem of
    /// both is reported; the site is `nil` when there is an error.
    package static func resolve(_ loaded: LoadedFiles, templates loadedTemplates: (TemplateSet?, [Diagnostic]),
                                options: BuildOptions) -> (Site?, TemplateSet?, [Diagnostic]) {
        let templates = loadedTemplates.0
        var diagnostics = loaded.diagnostics + loadedTemplates.1
        guard var config = loaded.content.config else { return (nil, templates, diagnostics) }
        if let baseURL = options.baseURL {
            if let problem = SiteConfig.baseURLProblem(baseURL) {
                diagnostics.append(.error("base URL must be \(SiteConfig.baseURLRule), not '\(baseURL)'",
                                          notes: [problem], remedy: .chooseBaseURL))
                return (nil, templates, diagnostics)
            }
            config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        }
        let (site, resolveDiagnostics) = SiteResolver(includesDrafts: options.includesDrafts).resolve(loaded.content, config: config)
        diagnostics += resolveDiagnostics
        let assets = joined(options.templatesPath, "assets"), assetFiles = AssetFiles.list(in: assets)
        diagnostics += AssetFiles.nameClashes(assetFiles, shownFolder: assets)
        let statics = joined(options.contentPath, StaticFiles.folderName), staticFiles = AssetFiles.list(in: statics)
        diagnostics += AssetFiles.nameClashes(staticFiles, shownFolder: statics)
        if let templates {
            // `static/assets/x` is published at the address `{{assets}}x` names too.
            let staticAssets = staticFiles.filter { $0.hasPrefix("assets/") }.map { String($0.dropFirst("assets/".count)) }
            diagnostics += AssetReferences.missing(in: templates, assets: assetFiles, staticAssets: staticAssets, shownFolder: assets)
        }
        if let site, !staticFiles.isEmpty {
            // Planned again only for a site with static files: the renderer plans its own.
            let planned = Set(SiteOutputs.plan(for: site).map(\.route.file) + assetFiles.map { "assets/" + $0 })
            diagnostics += StaticFiles.clashes(staticFiles, with: planned, shownFolder: statics)
        }
        if let site { diagnostics += BodyLinkCheck(site: site).diagnostics() }
        if let site, let templates { diagnostics += pageTemplateProblems(for: site, in: templates) }
        if let templates {
            diagnostics += interfaceProblems(config, templates: templates,
                                             translations: Set(site?.translations.map(\.language) ?? []).union(config.languages),
                                             cache: options.loadCache?.interfaces)
        }
        guard !diagnostics.containsErrors else { return (nil, templates, diagnostics) }
        return (site, templates, diagnostics)
    }

    /// The page templates the site's pages cannot be made with: an error for each optional one (`report`,
    /// `update`…) the folder lacks while the site has pages rendered with it (a folder made before those
    /// pages existed builds until the site has some), and a warning for each that is empty or only spaces
    /// (each page would be an empty file, which no browser shows as anything).
    package static func pageTemplateProblems(for site: Site, in templates: TemplateSet) -> [Diagnostic] {
        SiteOutputs.kinds.compactMap { kind -> Diagnostic? in
            guard let entry = kind.template else { return nil }
            let text = templates.texts[entry.template]
            let isMissing = entry.isOptional && text == nil, isEmpty = text?.allSatisfy(\.isWhitespace) == true
            guard isMissing || isEmpty else { return nil }
            let count = kind.plannedCount(in: site)
            guard count > 0 else { return nil }
            let file = (templates.path.hasSuffix("/") ? templates.path : templates.path + "/") + entry.template + ".mustache"
            let copy = "copy \(entry.template).mustache from the default templates (a new site's Templates folder has them)"
            let pages = "\(count) page\(count == 1 ? "" : "s")"
            return isMissing
                ? .error("missing template '\(entry.template)': the site has \(pages) rendered with it (\(entry.description))",
                         at: SourceLocation(path: file), notes: [copy])
                : .warning("template '\(entry.template)' is empty: its \(pages) (\(entry.description)) will be empty files",
                           at: SourceLocation(path: file), notes: [copy + ", and change it from there"])
        }
    }

    /// The problems of the interface tables the site's language uses (`Templates/i18n/<lang>.yml`):
    /// mistakes in the files, and each phrase the language lacks (English is used); the same for each
    /// language the site's declarations are translated into and each of the site's other languages (`languages:`).
    /// With `cache`, interfaces made before from the same tables are not made again.
    package static func interfaceProblems(_ config: SiteConfig, templates: TemplateSet, translations: Set<String> = [],
                                          cache: InterfaceCache? = nil) -> [Diagnostic] {
        var seen: Set<String> = []
        let folder = joined(templates.path, "i18n")
        return ([config.language] + translations.sorted()).flatMap { language -> [Diagnostic] in
            (cache?.interface(for: language, siteFiles: templates.tables, folder: folder)
                ?? InterfaceTables.interface(for: language, siteFiles: templates.tables, folder: folder)).1
        }.filter { seen.insert($0.description).inserted }
    }

    /// Render: every output of the site into `sink`; returns the number of files.
    package static func render(_ site: Site, templates: TemplateSet, options: BuildOptions, into sink: some PageSink,
                               reuse: (any RenderReuse)? = nil) throws -> Int {
        try renderer(for: site, templates: templates, options: options).render(into: sink, reuse: reuse, progress: options.progress)
    }

    /// Render and write: every output of `site`, the templates' assets and the content's static files into `sink`; returns the
    /// number of outputs. With `checking`, every page is also checked as it is written, against the
    /// files this build plans (`citypress build --check`): the check is returned, to finish once
    /// everything is written.
    ///
    /// With `keep`, each output's fingerprint (`OutputFingerprints`) is taken and returned by file, and
    /// `keep` is asked first, from several threads, whether it takes the output's file from the output
    /// being replaced (it does when the old manifest gives the same fingerprint): only the others are
    /// rendered, and `rendered` counts them.
    package static func renderAndCopyAssets(_ site: Site, templates: TemplateSet, options: BuildOptions, checking: Bool,
                                            into sink: some PageSink, keeping keep: Keep? = nil) throws -> Rendered {
        let renderer = renderer(for: site, templates: templates, options: options)
        var check: WrittenPageCheck?
        var target: any PageSink = sink
        var copyTarget: any PageSink = sink
        if checking, let made = WrittenPageCheck(outputPath: options.outputPath, baseURL: site.config.baseURL,
                                                 files: plannedFiles(of: renderer, options: options)) {
            check = made
            target = CheckingSink(wrapped: sink, check: made, isRendering: true)
            copyTarget = CheckingSink(wrapped: sink, check: made, isRendering: false)
        }
        guard let keep else {
            let count = try renderer.render(into: target, progress: options.progress)
            try writeCopiedFiles(options, into: copyTarget)
            return Rendered(count: count, rendered: count, pages: pageCount(of: renderer), check: check, fingerprints: [:],
                            renderedFiles: options.checksSite && !checking ? Set(renderer.outputs.map(\.route.file)) : [])
        }
        let outputs = renderer.outputs
        let values = OutputFingerprints(renderer).values
        let failure = FirstError()
        var kept = [Bool](repeating: false, count: outputs.count)
        kept.withUnsafeMutableBufferPointer { flags in
            nonisolated(unsafe) let flags = flags
            DispatchQueue.concurrentPerform(iterations: outputs.count) { position in
                do { flags[position] = try keep(outputs[position].route.file, values[position]) } catch { failure.record(error) }
            }
        }
        if let error = failure.error { throw error }
        let remaining = outputs.indices.filter { !kept[$0] }.map { outputs[$0] }
        // Signatory lists are made only for the declarations whose pages are rendered (all of them in a full build).
        let rendered = remaining.count == outputs.count
            ? try renderer.render(into: target, progress: options.progress)
            : try renderer.render(remaining, into: target, declarations: renderer.declarationsListingSignatories(in: remaining),
                                  progress: options.progress)
        try writeCopiedFiles(options, into: copyTarget)
        var fingerprints: [String: UInt64] = [:]
        fingerprints.reserveCapacity(outputs.count)
        for (output, value) in zip(outputs, values) { fingerprints[output.route.file] = value }
        return Rendered(count: outputs.count, rendered: rendered, pages: pageCount(of: renderer), check: check, fingerprints: fingerprints)
    }

    /// How many of `renderer`'s outputs are HTML pages.
    private static func pageCount(of renderer: SiteRenderer) -> Int {
        renderer.outputs.reduce(0) { $0 + ($1.route.file.hasSuffix(".html") ? 1 : 0) }
    }

    /// Whether a build takes the file of the output at `file`, whose fingerprint is `fingerprint`, from
    /// the output folder it replaces instead of rendering it.
    package typealias Keep = @Sendable (_ file: String, _ fingerprint: UInt64) throws -> Bool

    /// What `renderAndCopyAssets` did.
    package struct Rendered {
        /// Outputs of the site, kept or rendered (assets not counted).
        package var count: Int
        /// Outputs rendered.
        package var rendered: Int
        /// Of `count`, the HTML pages (the others are data, the feed, the sitemap, the search index…).
        package var pages: Int
        /// The check of the pages written, to finish once everything is written (`checking`).
        package var check: WrittenPageCheck?
        /// Each output's fingerprint by file (with `keeping`).
        package var fingerprints: [String: UInt64]
        /// The files the templates made, for a check that reads the folder afterwards (`options.checksSite`
        /// without `checking`: a build that prints PDFs): there a page without markup is no verification file.
        package var renderedFiles: Set<String> = []
    }

    /// The renderer of `site` with `options`' papers and link style: its `outputs` are the files it will
    /// render. The preview hands over the last build's `reports` index (with its site) to be kept if it holds,
    /// and its `plan` when `site` has the same records in the same places (`ReportPatch` made it).
    package static func renderer(for site: Site, templates: TemplateSet, options: BuildOptions,
                                 reusing reports: (index: ReportIndex, site: Site)? = nil,
                                 plan: [PlannedOutput]? = nil) -> SiteRenderer {
        SiteRenderer(site: site, templates: templates, pdfPapers: options.pdfPapers, linkStyle: options.linkStyle,
                     interfaces: options.loadCache?.interfaces, reports: reports, plan: plan)
    }

    /// Every file `site` renders into, the templates' assets and the content's static files: what
    /// `render` and `writeCopiedFiles` write.
    package static func plannedFiles(of renderer: SiteRenderer, options: BuildOptions) -> [String] {
        renderer.outputs.map(\.route.file) + copiedFolders(options).flatMap { folder in
            AssetFiles.list(in: folder.path).map { folder.target + $0 }
        }
    }

    /// Write: the templates' `assets/` folder into `sink`'s `assets/`, byte for byte. What editors leave
    /// beside the files they save (`.DS_Store`, `x~`, `x.orig`: `EditorLeftovers`) is left out.
    package static func writeAssets(_ options: BuildOptions, into sink: some PageSink) throws {
        try copy(copiedFolders(options)[0], into: sink)
    }

    /// Write: the templates' `assets/` into `sink`'s `assets/` and the content's `static/` into its root,
    /// as `writeAssets` copies.
    package static func writeCopiedFiles(_ options: BuildOptions, into sink: some PageSink) throws {
        for folder in copiedFolders(options) { try copy(folder, into: sink) }
    }

    /// The folders a build copies into the site: where each is, and the path it goes to in the site.
    package static func copiedFolders(_ options: BuildOptions) -> [(path: String, target: String)] {
        [(joined(options.templatesPath, "assets"), "assets/"), (joined(options.contentPath, StaticFiles.folderName), "")]
    }

    private static func copy(_ folder: (path: String, target: String), into sink: some PageSink) throws {
        for file in AssetFiles.list(in: folder.path) {
            // An editor's temporary file can vanish between the listing and the read: it is no asset.
            guard let bytes = try AssetFiles.read(joined(folder.path, file)) else { continue }
            try sink.write(bytes, to: folder.target + file)
        }
    }

    /// Print: each of `declarations`, each of their translations and each of their implementation
    /// updates, on each of `papers` to PDF, from print editions rendered for the paper and opened beside
    /// the print pages of the site built at `siteFolder`, to the paths `target` gives; returns the paths
    /// written. With `languages`, only the versions in those languages (the site's own language for the
    /// originals and the updates).
    package static func printEditions(of declarations: [Declaration], site: Site, templates: TemplateSet,
                                      options: BuildOptions, papers: [Paper], languages: Set<String>? = nil,
                                      siteFolder: String, with exporter: PrintEditionExporter,
                                      to target: (PrintEdition) -> String) throws -> [String] {
        let renderer = SiteRenderer(site: site, templates: templates, pdfPapers: options.pdfPapers, linkStyle: options.linkStyle)
        let indexes = declarations.compactMap { declaration in site.declarations.firstIndex { $0.slug == declaration.slug } }
        let originals = languages?.contains(site.config.language) ?? true
        let editions = (originals ? renderer.printEditions(of: indexes, on: papers) : [])
            + renderer.translationPrintEditions(of: indexes, on: papers, languages: languages)
            + (originals ? renderer.updatePrintEditions(of: indexes, on: papers) : [])
        var written: [String] = []
        for edition in editions {
            let path = target(edition)
            try exporter.export(html: edition.html, from: joined(siteFolder, edition.folder), paper: edition.paper, to: path)
            written.append(path)
        }
        return written
    }

    /// Where a build puts the PDF of `edition`: beside the page that offers it.
    package static func pdfPath(of edition: PrintEdition) -> String {
        edition.pageFolder + edition.paper.fileName(for: edition.fileStem)
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
