import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressSite
import CityPressTemplates
import Foundation

/// Builds the site into memory for the preview; never writes to the output folder.
public struct PreviewBuilder: Sendable {
    /// Content, templates and drafts, as for `citypress build`.
    public let options: BuildOptions
    /// The pages of the previous build, reused where their values and templates did not change.
    package let memo = RenderMemo()
    /// The last load and the last successful build, the starting point of the next one.
    private let state = PreviewState()

    /// Creates a builder.
    public init(options: BuildOptions) {
        var options = options
        options.loadCache = LoadCache()
        self.options = options
    }

    /// The outcome of one build.
    public struct Outcome: Sendable {
        public let content: PreviewSite.Content
        public let pageCount: Int
        public let diagnostics: [Diagnostic]
    }

    /// Builds the site. With `changed` (the files that changed since the last build, as the watcher
    /// names them), only changed content files are read again and the templates only when one of
    /// them changed; edits of city records alone re-render only the pages they affect; anything else
    /// renders everything, reusing unchanged pages. Never throws: every failure becomes a diagnostic.
    public func build(changed: [String]? = nil) -> Outcome {
        let state = self.state.value
        let loader = ContentLoader(contentPath: options.contentPath, cache: options.loadCache)
        let templateChanges = changed?.filter(isTemplate) ?? []
        let loaded = changed.flatMap { changed in
            state.loaded.flatMap { loader.reload($0, changing: changed.filter { !isTemplate($0) }) }
        } ?? loader.loadFiles()
        let loadedTemplates = changed != nil && templateChanges.isEmpty
            ? state.templates ?? TemplateSet.load(from: options.templatesPath)
            : TemplateSet.load(from: options.templatesPath)
        self.state.value = .init(loaded: loaded, templates: loadedTemplates, built: nil)

        let (site, templates, resolved) = SiteBuild.resolve(loaded, templates: loadedTemplates, options: options)
        var diagnostics = resolved
        guard let site, let templates, !diagnostics.containsErrors else {
            return failure(diagnostics)
        }
        if let changed, let slugs = editedCitySlugs(changed), let previous = state.built, previous.templates == templates.texts {
            let sink = MemoryFiles(previous.files)
            do {
                if try SiteRenderer(site: site, templates: templates)
                    .renderPages(afterEditingCities: slugs, previous: previous.site, memo: memo, into: sink) != nil {
                    let files = sink.files
                    self.state.value.built = .init(site: site, templates: templates.texts, files: files,
                                                   pageCount: previous.pageCount)
                    return Outcome(content: .built(files), pageCount: previous.pageCount, diagnostics: diagnostics)
                }
            } catch {
                // The full build below reports a problem of the site; this says the quick path had one.
                diagnostics.append(Diagnostic.warning("the quick rebuild after editing \(slugs.sorted().joined(separator: ", ")) failed (\(error)); the whole site was rebuilt instead"))
            }
        }
        let sink = MemoryFiles()
        do {
            let count = try SiteRenderer(site: site, templates: templates).render(into: sink, memo: memo)
            var files = sink.files
            let assets = (options.templatesPath as NSString).appendingPathComponent("assets")
            for file in (FileManager.default.subpaths(atPath: assets) ?? []) where !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                if let data = FileManager.default.contents(atPath: assets + "/" + file), !isFolder(assets + "/" + file) {
                    files["assets/" + file] = [UInt8](data)
                }
            }
            self.state.value.built = .init(site: site, templates: templates.texts, files: files, pageCount: count)
            return Outcome(content: .built(files), pageCount: count, diagnostics: diagnostics)
        } catch {
            return failure(diagnostics + [.error("rendering failed: \(error)")])
        }
    }

    /// Whether the watcher's `path` lies in the templates folder.
    private func isTemplate(_ path: String) -> Bool {
        let folder = options.templatesPath.hasSuffix("/") ? options.templatesPath : options.templatesPath + "/"
        return path.hasPrefix(folder) || path == options.templatesPath
    }

    /// The slugs of the city records in `changed`, when nothing else changed.
    private func editedCitySlugs(_ changed: [String]) -> Set<String>? {
        let folder = (options.contentPath.hasSuffix("/") ? options.contentPath : options.contentPath + "/") + "cities/"
        var slugs: Set<String> = []
        for path in changed {
            guard path.hasPrefix(folder), path.hasSuffix(".yml") else { return nil }
            let name = path.dropFirst(folder.count).dropLast(".yml".count)
            guard !name.isEmpty, !name.contains("/") else { return nil }
            slugs.insert(String(name))
        }
        return slugs.isEmpty ? nil : slugs
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func failure(_ diagnostics: [Diagnostic]) -> Outcome {
        Outcome(content: .failed(DiagnosticFormatter().format(diagnostics)), pageCount: 0, diagnostics: diagnostics)
    }
}

/// Pages kept in memory, written from several threads.
package final class MemoryFiles: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]]

    package init(_ files: [String: [UInt8]] = [:]) {
        storage = files
    }

    package func write(_ contents: [UInt8], to path: String) throws {
        lock.withLock { storage[path] = contents }
    }

    package var files: [String: [UInt8]] { lock.withLock { storage } }
}

/// What the preview keeps between builds: the last load of the content and the templates (for
/// reloading only what changed), and the last successful build (for re-rendering only what changed).
package final class PreviewState: @unchecked Sendable {
    package struct Built {
        package let site: Site
        package let templates: [String: String]
        package let files: [String: [UInt8]]
        package let pageCount: Int
    }

    package struct Value {
        package var loaded: LoadedFiles?
        package var templates: (TemplateSet?, [Diagnostic])?
        package var built: Built?
    }

    private let lock = NSLock()
    private var stored = Value()

    package var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
