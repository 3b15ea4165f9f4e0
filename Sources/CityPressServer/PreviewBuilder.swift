import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressSite
import CityPressTemplates
import Foundation

/// Builds the site for the preview, its pages into a temporary file (`PagePack`); never writes to the
/// output folder.
public struct PreviewBuilder: Sendable {
    /// Content, templates and drafts, as for `citypress build`.
    public let options: BuildOptions
    /// What the next build takes from the last one's rendering (each city's signatory entries).
    package let memo = RenderMemo()
    /// The last load and the last successful build, the starting point of the next one.
    private let state = PreviewState()

    /// How many bytes of replaced pages a pack may hold beyond its current pages' before they are
    /// copied to a new one (`PackCompaction`).
    package let compactionSlack: Int
    /// Where the pages' temporary files are made; `nil` for the temporary folder (`TMPDIR`, else `/tmp`).
    package let packFolder: String?
    /// How many pages of one template an edit re-renders with its build; beyond that, that template's
    /// changed pages are made when asked for (`PreviewEdits`).
    package let deferralLimit: Int

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.init(options: options, compactionSlack: 32 << 20)
    }

    /// A builder that copies its pack once replaced pages outweigh the current ones by `compactionSlack`
    /// bytes (tests copy with none), making its temporary files in `packFolder` (tests name one that
    /// cannot hold them), and re-rendering with an edit's build at most `deferralLimit` pages of one
    /// template (tests of the small fixture site lower it). 64 is above what a city edit reaches of one
    /// template (its declarations' pages) and far below a declaration's signatories' pages.
    package init(options: BuildOptions, compactionSlack: Int, packFolder: String? = nil, deferralLimit: Int = 64) {
        var options = options
        options.loadCache = LoadCache()
        self.options = options
        self.compactionSlack = compactionSlack
        self.packFolder = packFolder
        self.deferralLimit = deferralLimit
    }

    /// The outcome of one build.
    public struct Outcome: Sendable {
        public let content: PreviewSite.Content
        public let pageCount: Int
        public let diagnostics: [Diagnostic]
    }

    /// Builds the site. With `changed` (the files that changed since the last build, as the watcher
    /// names them), only changed content files are read again and the templates only when one of
    /// them changed; saves of reports that stay the same report (city, declaration, year) patch the
    /// last site instead of resolving the content again (`ReportPatch`); edits of records re-render only the outputs whose declared dependencies they
    /// change (`PreviewEdits`); edits of templates alone re-render the pages rendered with the edited
    /// templates (`TemplateEdit`), unless every page or most pages may change; edits of assets alone
    /// copy the assets and keep every page; anything else renders everything. Never throws: every
    /// failure becomes a diagnostic.
    public func build(changed: [String]? = nil) -> Outcome {
        var state = self.state.value
        // The load and build this one replaces are let go on another thread, not before the reload.
        defer {
            let replaced = state
            state = .init()
            releaseInBackground(consume replaced)
        }
        let templateChanges = changed?.filter(isTemplate) ?? []
        // The last load is handed over, held nowhere else, so the files read again replace its records in place.
        let previousLoad = changed == nil ? nil : state.loaded.take()
        self.state.value.loaded = nil
        // Which reports the saved files were, read before the load replaces the records.
        let reportEdits = state.built == nil ? nil : changed.flatMap {
            ReportEdits.of($0, contentPath: options.contentPath, previous: previousLoad)
        }
        let loaded = BuildSteps.load(options, previous: previousLoad, changed: changed?.filter { !isTemplate($0) && !isStatic($0) })
        let loadedTemplates = changed != nil && templateChanges.isEmpty
            ? state.templates ?? BuildSteps.loadTemplates(options)
            : BuildSteps.loadTemplates(options)
        self.state.value = .init(loaded: loaded, templates: loadedTemplates, built: nil)

        let (site, templates, resolved, later, patched) = resolve(loaded, templates: loadedTemplates,
                                                                  reportEdits: reportEdits, previous: state.built)
        var diagnostics = resolved + (self.state.compaction?.takeNotices() ?? []).map { .warning($0) }
        guard let site, let templates, !diagnostics.containsErrors else {
            return failure(diagnostics)
        }
        // Assets or static files alone changed (a stylesheet, an image, a CNAME): no page reads them, so
        // every page stays as it is, and every copied file is copied again (a deleted one goes).
        if let changed, !changed.isEmpty, changed.allSatisfy({ isAsset($0) || isStatic($0) }), let previous = state.built,
           previous.templates == templates.texts {
            do {
                let (pack, pages) = startingPages(of: previous.preview)
                let rendered = Set(previous.outputs.map(\.route.file))
                let sink = PackedFiles(pack: pack, pages: pages.filter { rendered.contains($0.key) })
                try BuildSteps.writeCopiedFiles(options, into: sink)
                let preview = previous.preview.replacingRendered(sink.pages, in: pack)
                compactLater(preview)
                self.state.value.built = .init(site: previous.site, templates: previous.templates, outputs: previous.outputs,
                                               reportIndex: previous.reportIndex,
                                               index: previous.index, preview: preview, pageCount: previous.pageCount,
                                               resolveDiagnostics: later)
                return Outcome(content: .built(preview), pageCount: previous.pageCount, diagnostics: diagnostics)
            } catch {
                diagnostics.append(.warning("copying only the changed assets failed (\(error)); the whole site was rendered instead"))
            }
        }
        // A patched site has the last one's records in the same places: the same outputs, planned again for it.
        let renderer = BuildSteps.renderer(for: site, templates: templates, options: options,
                                           reusing: state.built.map { ($0.reportIndex, $0.site) },
                                           plan: patched ? state.built?.outputs : nil)
        // Edits of records `SiteChanges` compares (edits of templates alone are below; with an asset or with
        // content, every page is rendered and every asset copied).
        if let changed, templateChanges.isEmpty, changed.allSatisfy(isComparedRecord),
           let previous = state.built, previous.templates == templates.texts {
            let (pack, pages) = startingPages(of: previous.preview)
            let sink = PackedFiles(pack: pack, pages: pages)
            do {
                // Made on the first edit after a full build, then kept up to date.
                let index = previous.index ?? DependencyIndex(previous.outputs)
                if let (_, index, changedLater, deferred) = try PreviewEdits.render(
                    with: renderer, previous: previous.site, index: index, memo: memo, deferringBeyond: deferralLimit, into: sink) {
                    return finishEdit(of: previous, renderer: renderer, index: index, sink: sink, changedLater: changedLater,
                                      deferring: deferred, diagnostics: diagnostics, resolveDiagnostics: later)
                }
            } catch {
                // The full build below reports a problem of the site; this says the quick path had one.
                diagnostics.append(.warning("re-rendering only the pages the edit changed failed (\(error)); the whole site was rendered instead"))
            }
        }
        // Edits of templates alone (no asset): the pages rendered with them, when those are not most pages.
        if let changed, !templateChanges.isEmpty, changed.allSatisfy({ isTemplate($0) && !isAsset($0) }),
           let previous = state.built {
            let (pack, pages) = startingPages(of: previous.preview)
            let sink = PackedFiles(pack: pack, pages: pages)
            do {
                if let (_, changedLater) = try PreviewEdits.render(TemplateEdit(from: previous.templates, to: templates.texts),
                                                                   with: renderer, previous: previous.site,
                                                                   outputs: previous.outputs, memo: memo, into: sink) {
                    return finishEdit(of: previous, renderer: renderer, index: previous.index, sink: sink,
                                      changedLater: changedLater, diagnostics: diagnostics, resolveDiagnostics: later)
                }
            } catch {
                diagnostics.append(.warning("re-rendering only the pages the template edit changed failed (\(error)); the whole site was rendered instead"))
            }
        }
        // Every page is written anew into a new pack; the old one goes when nothing serves from it.
        self.state.countFullRender()
        self.state.compaction = nil
        let pack = PagePack(folder: packFolder)
        diagnostics += notices(about: pack).map { .warning($0) }
        let sink = PackedFiles(pack: pack)
        do {
            let now = renderer.outputs.filter { !$0.isRenderedWhenAskedInPreview }
            try renderer.render(now, into: sink, reuse: memo)
            try BuildSteps.writeCopiedFiles(options, into: sink)
            let preview = PreviewFiles(pack: pack, rendered: sink.pages, later: renderer.outputs.filter(\.isRenderedWhenAskedInPreview),
                                       context: laterContext(of: renderer), baseURL: site.config.baseURL)
            let count = renderer.outputs.count
            self.state.value.built = .init(site: site, templates: templates.texts, outputs: renderer.outputs,
                                           reportIndex: renderer.reportIndex, index: nil,
                                           preview: preview, pageCount: count, resolveDiagnostics: later)
            return Outcome(content: .built(preview), pageCount: count, diagnostics: diagnostics)
        } catch {
            return failure(diagnostics + [.error("rendering failed: \(error)")])
        }
    }

    /// Resolve: `loaded` and its templates into a site, as `BuildSteps.resolve` does, with its diagnostics,
    /// and those of them after the load's (`later`, kept for the next build). When the changes were only
    /// `reportEdits` that `ReportPatch` can take into `previous`' site (the last build, from the load
    /// before this one, with the same templates), that site is patched instead: it then has the problems
    /// the last build had past its load, none of which was in a changed file, and the new load's
    /// (`patched` tells).
    private func resolve(_ loaded: LoadedFiles, templates loadedTemplates: (TemplateSet?, [Diagnostic]),
                         reportEdits: ReportEdits?, previous: PreviewState.Built?)
        -> (Site?, TemplateSet?, [Diagnostic], later: [Diagnostic], patched: Bool) {
        if let reportEdits, let previous, let templates = loadedTemplates.0, previous.templates == templates.texts,
           let site = reportEdits.patch(previous, loaded: loaded,
                                        resolver: SiteResolver(includesDrafts: options.includesDrafts)) {
            state.countPatch()
            return (site, templates, loaded.diagnostics + previous.resolveDiagnostics, previous.resolveDiagnostics, true)
        }
        let (site, templates, diagnostics) = BuildSteps.resolve(loaded, templates: loadedTemplates, options: options)
        // A whole resolve reports the load's problems first (`BuildSteps.resolve`).
        return (site, templates, diagnostics, Array(diagnostics.dropFirst(loaded.diagnostics.count)), false)
    }

    /// The outcome of an edit's build that rendered into `sink` (over `previous`' pages) the pages of
    /// `renderer` that changed, `changedLater` the late files among them (made again when asked for),
    /// but for the pages it defers (`newlyDeferred`, made when asked for too), with `index` describing
    /// `renderer`'s outputs; it becomes the last build.
    private func finishEdit(of previous: PreviewState.Built, renderer: SiteRenderer, index: DependencyIndex?,
                            sink: PackedFiles, changedLater: Set<String>, deferring newlyDeferred: Set<String> = [],
                            diagnostics: [Diagnostic], resolveDiagnostics: [Diagnostic]) -> Outcome {
        // A deferred page is never served from an earlier build; one this build rendered is deferred no more.
        sink.remove(newlyDeferred)
        let pages = sink.pages
        let deferred = previous.preview.deferred.union(newlyDeferred).filter { pages[$0] == nil }
        var kept = previous.preview.madeLater
        // A page deferred before and untouched now was made from a build with the same bytes for it.
        kept.pages = kept.pages.filter { !changedLater.contains($0.key) && !newlyDeferred.contains($0.key) }
        let later = renderer.outputs.filter { $0.isRenderedWhenAskedInPreview || !deferred.isEmpty && deferred.contains($0.route.file) }
        let preview = PreviewFiles(pack: sink.pack, rendered: pages, later: later, deferred: deferred,
                                   context: laterContext(of: renderer), kept: kept, baseURL: renderer.site.config.baseURL)
        compactLater(preview)
        self.state.value.built = .init(site: renderer.site, templates: renderer.templates.texts, outputs: renderer.outputs,
                                       reportIndex: renderer.reportIndex,
                                       index: index, preview: preview, pageCount: previous.pageCount,
                                       resolveDiagnostics: resolveDiagnostics)
        return Outcome(content: .built(preview), pageCount: previous.pageCount, diagnostics: diagnostics)
    }

    /// Makes, when a late file is first asked for, what `renderer`'s late files are rendered with: its
    /// site and templates, and the signatory entries of its build (taken now: the memo holds the next
    /// build's once there is one).
    private func laterContext(of renderer: SiteRenderer) -> @Sendable () -> RenderContext {
        let entries = memo.signatoryEntries
        return { renderer.laterContext(entries: entries) }
    }

    /// Whether the watcher's `path` is a record file of a kind `SiteChanges` compares (a city, a declaration).
    private func isComparedRecord(_ path: String) -> Bool {
        let content = options.contentPath.hasSuffix("/") ? options.contentPath : options.contentPath + "/"
        return SiteChanges.comparedKinds.contains { kind in
            path.hasPrefix(content + kind.folder + "/") && path.hasSuffix("." + kind.fileExtension)
        }
    }

    /// Where a build starting from `previous`' pages writes, and where those pages are: their own pack,
    /// or the copy of it made in the background since (`PackCompaction`).
    private func startingPages(of previous: PreviewFiles) -> (PagePack, [String: StoredPage]) {
        guard let compaction = state.compaction, let result = compaction.result(for: previous) else {
            return (previous.pack, previous.rendered)
        }
        // The copy is taken: holding it would keep the old pack open after the build it served is replaced.
        state.compaction = nil
        return result
    }

    /// Starts copying `files`' pages to a new pack in the background when their pack is due for it and
    /// no copy of it is under way (a copy that failed is not tried again for the same pack).
    private func compactLater(_ files: PreviewFiles) {
        guard state.compaction?.copies(files.pack) != true, PackCompaction.isDue(for: files, slack: compactionSlack) else { return }
        state.compaction = PackCompaction(of: files, folder: packFolder)
    }

    /// What the user should hear about a new `pack`: that its file stays in its folder, and, the first
    /// time only, that pages are kept in memory for want of a file (the server's memory then grows with
    /// the site and every edit).
    private func notices(about pack: PagePack) -> [String] {
        var notices: [String] = pack.leftBehind.map { [$0] } ?? []
        if let why = pack.whyInMemory, state.firstTimeInMemory() {
            notices.append("\(why); the preview keeps its pages in memory instead, which grows with the site and with every edit")
        }
        return notices
    }

    /// Whether the watcher's `path` lies in the templates' `assets/` folder.
    private func isAsset(_ path: String) -> Bool {
        let folder = options.templatesPath.hasSuffix("/") ? options.templatesPath : options.templatesPath + "/"
        return path.hasPrefix(folder + "assets/")
    }

    /// Whether the watcher's `path` lies in the content's `static/` folder.
    private func isStatic(_ path: String) -> Bool {
        let content = options.contentPath.hasSuffix("/") ? options.contentPath : options.contentPath + "/"
        return path.hasPrefix(content + StaticFiles.folderName + "/")
    }

    /// How many builds rendered every page (tests tell the quick paths from a full render with it).
    package var fullRenderCount: Int { state.fullRenders }

    /// How many builds patched the last site with saved reports instead of resolving the content again.
    package var patchedBuildCount: Int { state.patchedBuilds }

    /// The copy of a pack under way or done, if any (tests wait for it).
    var compaction: PackCompaction? { state.compaction }

    /// Whether the watcher's `path` lies in the templates folder.
    private func isTemplate(_ path: String) -> Bool {
        let folder = options.templatesPath.hasSuffix("/") ? options.templatesPath : options.templatesPath + "/"
        return path.hasPrefix(folder) || path == options.templatesPath
    }

    private func failure(_ diagnostics: [Diagnostic]) -> Outcome {
        Outcome(content: .failed(DiagnosticFormatter(remedies: options.remedies).format(diagnostics)), pageCount: 0, diagnostics: diagnostics)
    }
}
