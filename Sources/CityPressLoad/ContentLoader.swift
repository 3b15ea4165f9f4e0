import Foundation
import CityPressCore
import CityPressMarkdown

/// The load stage: reads `site.yml` and the record files of each kind in the table of kinds
/// (`cities/*.yml`, `declarations/*.md`: `ContentKinds.all`) into typed records.
///
/// Every problem becomes a diagnostic; loading goes on past problems so one run reports them all.
public struct ContentLoader: Sendable {
    /// The content folder as the user named it (`Content`); diagnostics show paths below it.
    public var contentPath: String
    /// Records of earlier loads to reuse for unchanged files (the preview keeps one).
    public var cache: LoadCache?
    /// The kinds of record files read, in the order they are read and reported.
    package var kinds: [any ContentKind.Type]

    /// Creates a loader for the folder at `contentPath`.
    public init(contentPath: String, cache: LoadCache? = nil) {
        self.init(contentPath: contentPath, cache: cache, kinds: ContentKinds.all)
    }

    /// Creates a loader that reads the record files of `kinds` (a test's own kinds, say).
    package init(contentPath: String, cache: LoadCache? = nil, kinds: [any ContentKind.Type]) {
        self.contentPath = contentPath
        self.cache = cache
        self.kinds = kinds
    }

    /// Reads the whole folder.
    public func load() -> (LoadedContent, [Diagnostic]) {
        let files = loadFiles()
        return (files.content, files.diagnostics)
    }

    /// Reads the whole folder, keeping what each file gave for later reloads.
    public func loadFiles() -> LoadedFiles {
        let root = ContentRoot(path: contentPath)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            let problem = FileManager.default.fileExists(atPath: contentPath) ? "is a file, not a folder" : "does not exist"
            return LoadedFiles(config: nil, configDiagnostics: [
                .error("content folder '\(contentPath)' \(problem)", remedy: .chooseContentFolder)])
        }
        var diagnostics: [Diagnostic] = []
        let config = SiteConfigFile.load(from: root, &diagnostics)
        let markdown = MarkdownParser(allowsUnsafeHTML: config?.allowsUnsafeHTML ?? false)
        // One kind after another, each kind's files on all cores.
        let folders = kinds.map { $0.loadFolder(from: root, markdown: markdown, cache: cache) }
        return LoadedFiles(config: config, configDiagnostics: diagnostics, folders: folders)
    }

    /// `previous` with the files at `paths` read again: what `loadFiles()` would give when only
    /// those files changed since `previous` was loaded. `nil` (read the whole folder instead) when a
    /// path is anything but an existing record file that `previous` also had: a new, removed or
    /// renamed file, `site.yml`, or a file elsewhere; also when `previous` was loaded with other
    /// kinds. Paths are spelled as `contentPath` + `/cities/…` (as a file watcher names them).
    /// `previous` is consumed: when nothing else holds its folders, the changed records are replaced
    /// in place (copying 34,000 reports to change one was most of a report edit's reload).
    public func reload(_ previous: consuming LoadedFiles, changing paths: [String]) -> LoadedFiles? {
        guard previous.config != nil, previous.folders.map({ ObjectIdentifier($0.kind) }) == kinds.map(ObjectIdentifier.init)
        else { return nil }
        let root = ContentRoot(path: contentPath)
        let prefix = contentPath.hasSuffix("/") ? contentPath : contentPath + "/"
        let markdown = MarkdownParser(allowsUnsafeHTML: previous.config?.allowsUnsafeHTML ?? false)
        let config = previous.config, configDiagnostics = previous.configDiagnostics
        var folders = (consume previous).folders
        for path in paths {
            guard path.hasPrefix(prefix), SourceFileReader.isRegularFile(path) else { return nil }
            let relative = path.dropFirst(prefix.count)
            guard let index = folders.firstIndex(where: { relative.hasPrefix($0.folder + "/") }) else { return nil }
            let name = String(relative.dropFirst(folders[index].folder.count + 1))
            guard folders[index].reload(name, from: root, markdown: markdown) else { return nil }
        }
        return LoadedFiles(config: config, configDiagnostics: configDiagnostics, folders: folders)
    }
}
