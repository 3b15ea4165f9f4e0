import Foundation
import CityPressCheck
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
        /// Files written (pages and sitemap; assets not counted), rendered or kept.
        public var pagesWritten: Int
        /// Of `pagesWritten`, the outputs rendered; the others were kept from the output folder replaced.
        public var pagesRendered = 0
        /// Of `pagesWritten`, the HTML pages.
        public var htmlPages = 0
        /// The URL the site was built for (`--base-url`, else `base_url` of `site.yml`), if any.
        public var baseURL: String?
        /// What the user may want to know that is no problem (why every page was rendered), one line each.
        public var notes: [String] = []
        /// What changed in the output folder, file by file (with `BuildOptions.listsChanges`).
        package var changes: ChangeList?
        /// What checking the built site found (with `BuildOptions.checksSite`).
        package var check: SiteCheck.Report?
        /// Whether the output folder now holds the new site: not after an error, nor after a check
        /// (`BuildOptions.checksSite`) that found one, which leaves the old site in place.
        public var succeeded: Bool { !diagnostics.containsErrors && !(check?.diagnostics.containsErrors ?? false) }
    }

    /// Loads and resolves the site and its templates, reporting every problem of both.
    package static func prepare(_ options: BuildOptions) -> (Site?, TemplateSet?, [Diagnostic]) {
        // The templates are parsed while the content loads: loading keeps every core busy only until
        // its last large files.
        let (loaded, templates) = inParallel({ BuildSteps.load(options) }, { BuildSteps.loadTemplates(options) })
        let resolved = BuildSteps.resolve(loaded, templates: templates, options: options)
        releaseInBackground(consume loaded)
        return resolved
    }

    /// Builds the site into `options.outputPath`, which is replaced only if everything succeeded.
    public static func run(_ options: BuildOptions) -> Report {
        // With `--incremental`, outputs whose fingerprint the old manifest gives are kept, unless every page
        // must be checked as it is written (`--check`) or printed (`--pdf`). Such a build stages in the
        // spare beside the output, taken while the site loads.
        let keepsOutputs = options.keepsUnchangedOutputs && !options.checksSite && options.pdfPapers.isEmpty
        let output = OutputFolder(path: options.outputPath)
        // Held until this function returns: from before the old output is read to after the swap.
        let lock: OutputLock?
        switch OutputLock.take(output) {
        case .success(let taken): lock = taken
        case .failure(let error): return Report(diagnostics: [error.diagnostic], pagesWritten: 0)
        }
        defer { lock?.release() }
        let spare = keepsOutputs ? SpareClaim(output: output) : nil
        // An `--incremental` build reads again only the content files that changed since the last one.
        let tool = options.keepsUnchangedOutputs ? ToolIdentity.current() : nil
        var options = options
        let storedRecords = tool.map { StoredRecordsFile(output: output.absolutePath, contentPath: options.contentPath, tool: $0) }
        if let storedRecords, options.loadCache == nil { options.loadCache = storedRecords.cache() }
        let (site, templates, prepared) = prepare(options)
        let storing = DispatchGroup()
        // Stored only from a site that loaded and resolved: a build that fails (a missing content folder)
        // leaves the records the next one can still use.
        if let storedRecords, let cache = options.loadCache, site != nil {
            DispatchQueue.global().async(group: storing) { storedRecords.store(cache) }
        }
        defer { storing.wait() }
        var diagnostics = prepared
        guard let site, let templates, !diagnostics.containsErrors else {
            spare?.release()
            return Report(diagnostics: diagnostics, pagesWritten: 0)
        }
        var exporter: PrintEditionExporter?
        if !options.pdfPapers.isEmpty {
            switch Browser.locate(explicitPath: options.browserPath) {
            case .success(let browser): exporter = PrintEditionExporter(printer: PDFPrinter(browser: browser))
            case .failure(let error): return Report(diagnostics: diagnostics + [error.diagnostic], pagesWritten: 0)
            }
        }
        // PDFs printed into the site are not planned files: a build that prints them is checked by
        // reading the folder afterwards.
        let checksWhileWriting = options.checksSite && exporter == nil
        let staging: StagingFolder
        switch output.stage(force: options.force, protecting: [options.contentPath, options.templatesPath],
                            faults: options.writeFaults, spare: spare) {
        case .success(let folder): staging = folder
        case .failure(let error):
            spare?.release()
            return Report(diagnostics: diagnostics + [error.diagnostic], pagesWritten: 0)
        }
        var previous: BuildManifest?
        var notes: [String] = []
        if keepsOutputs {
            switch BuildManifest.previous(in: staging.destination) {
            case .manifest(let manifest): previous = manifest
            case .unreadable:
                diagnostics.append(.warning("the output folder's manifest cannot be read, so every page is rendered again",
                                            at: SourceLocation(path: options.outputPath + "/" + OutputFolder.markerName),
                                            notes: ["it was damaged, or written by another program; this build writes a new one"]))
            case .newer(let version):
                notes.append("the manifest of '\(options.outputPath)' was written by a newer CityPress (its format version \(version); "
                             + "this one reads \(BuildManifest.version)): every page is rendered")
            case .none, .older: break
            }
        }
        let kept = KeptFiles(output: staging.destination, displayPath: options.outputPath, previous: previous, tool: tool)
        if let note = kept.note { notes.append(note) }
        let keep: BuildSteps.Keep = { file, fingerprint in try kept.keep(file, fingerprint: fingerprint, into: staging) }
        do {
            let rendered = try BuildSteps.renderAndCopyAssets(site, templates: templates, options: options,
                                                              checking: checksWhileWriting, into: staging,
                                                              keeping: keepsOutputs ? keep : nil)
            let pageCheck = rendered.check
            var written = rendered.count
            var renderedCount = rendered.rendered
            let htmlPages = rendered.pages
            if let exporter {
                let printed = try BuildSteps.printEditions(of: site.declarations, site: site, templates: templates, options: options,
                                                           papers: options.pdfPapers, siteFolder: staging.path, with: exporter) {
                    staging.path + "/" + BuildSteps.pdfPath(of: $0)
                }
                let printedFiles = printed.map { String($0.dropFirst(staging.path.count + 1)) }
                // Printed after the static files were copied: one at a PDF's address would be replaced without a word.
                let statics = BuildSteps.joined(options.contentPath, StaticFiles.folderName)
                let clashes = StaticFiles.clashes(AssetFiles.list(in: statics), with: Set(printedFiles), shownFolder: statics)
                guard clashes.isEmpty else {
                    staging.discard()
                    return Report(diagnostics: diagnostics + clashes, pagesWritten: 0)
                }
                for pdf in printedFiles { staging.recordFile(at: pdf) }
                written += printed.count
                renderedCount += printed.count
            }
            // Checked before the swap: a site the check finds wrong is not published.
            let check = options.checksSite
                ? pageCheck?.finish() ?? SiteCheck.run(SiteCheck.Options(outputPath: staging.path, shownPath: options.outputPath,
                                                                         baseURL: site.config.baseURL, renderedFiles: rendered.renderedFiles))
                : nil
            if let check, check.diagnostics.containsErrors {
                staging.discard()
                return Report(diagnostics: diagnostics, pagesWritten: 0, check: check)
            }
            // The marker becomes the manifest of what was written; the change list compares the written
            // files with the folder they replace, as it is on disk (the old manifest is not trusted for that).
            try staging.write(BuildManifest(staging.log, inputs: rendered.fingerprints).bytes, to: OutputFolder.markerName)
            let changes = options.listsChanges ? ChangeList(staging.log, oldFiles: FolderListing.files(below: staging.destination)) : nil
            options.beforeSwap?()
            try staging.commit()
            // Taken after the swap, which changed the status time of every kept file (linked, then unlinked from the old folder).
            if options.keepsUnchangedOutputs,
               let note = KeptFiles.record(staging.log.files.keys, output: staging.destination, displayPath: options.outputPath, tool: tool) {
                notes.append(note)
            }
            let baseURL = site.config.baseURL
            releaseInBackground(consume site)
            return Report(diagnostics: diagnostics, pagesWritten: written, pagesRendered: renderedCount, htmlPages: htmlPages, baseURL: baseURL,
                          notes: notes, changes: changes, check: check)
        } catch {
            staging.discard()
            // The browser's own words, as `citypress pdf` gives them: it failed, not the disk.
            let message = error is PDFPrinter.PrintError
                ? "cannot print PDFs: \(error)" : "cannot write the site to '\(options.outputPath)': \(OutputFolder.describe(error))"
            diagnostics.append(.error(message, notes: ["the output folder was left as it was"]))
            return Report(diagnostics: diagnostics, pagesWritten: 0)
        }
    }
}
