import Foundation
import CityPressCore
import CityPressMarkdown

/// The content folder as the loader reads it: the paths it opens, the paths diagnostics show, and
/// each kind's record files.
package struct ContentRoot: Sendable {
    /// The folder as the user named it (`Content`).
    package let path: String

    /// The folder at `path`, spelled as the user named it.
    package init(path: String) {
        self.path = path
    }

    /// The path to open for `relative` (`cities/lodz.yml`).
    package func open(_ relative: String) -> String {
        path + "/" + relative
    }

    /// `relative` as diagnostics show it: below the folder as the user named it.
    package func display(_ relative: String) -> String {
        path == "." ? relative : (path.hasSuffix("/") ? path + relative : path + "/" + relative)
    }

    /// The file `name` (a path below the kind's folder) as `Kind` reads it.
    package func file<Kind: ContentKind>(_ name: String, of kind: Kind.Type, markdown: MarkdownParser) -> ContentFile {
        let relative = Kind.folder + "/" + name
        return ContentFile(name: name, path: open(relative), displayPath: display(relative),
                           fileExtension: Kind.fileExtension, markdown: markdown)
    }

    /// Lists and reads every record file of `Kind`, on all cores; results keep the sorted file
    /// order. With a cache, files whose stamp did not change since it saw them are not read.
    package func load<Kind: ContentKind>(_ kind: Kind.Type, markdown: MarkdownParser,
                                         cache: LoadCache?) -> LoadedFolder<Kind> {
        var folder = LoadedFolder<Kind>(displayPath: display(Kind.folder))
        folder.names = names(of: Kind.self, &folder.diagnostics, skipped: &folder.skipped)
        let entries = cache?.entries(of: Kind.self)
        // Stamps are taken from the kind's folder: a path looked up from the root cost more than the rest
        // of a cached file's load.
        let descriptor = entries == nil ? -1 : LoadCache.openFolder(open(Kind.folder))
        defer { LoadCache.closeFolder(descriptor) }
        let variant = markdown.allowsUnsafeHTML
        let results = folder.names.parallelMap { name in
            var file = self.file(name, of: Kind.self, markdown: markdown)
            guard let entries else { return Kind.load(file) }
            let stamp: LoadCache.Stamp?? = descriptor >= 0 ? .some(LoadCache.stamp(of: name, in: descriptor, variant: variant)) : nil
            // A parsed file is kept with the stamp of the file its bytes came from: its path may name
            // another file by now (a folder link switched), which the stamp above would describe.
            let status = FileReadStatus()
            file.readStatus = status
            return entries.result(at: file.path, variant: variant, stamp: stamp) {
                let loaded = Kind.load(file)
                return (loaded.record, loaded.diagnostics, status.info.map { LoadCache.stamp(of: $0, variant: variant) })
            }
        }
        folder.setResults(results)
        return folder
    }

    /// Paths below `Kind.folder` of the files ending in `.fileExtension`, sorted; other files get
    /// a warning, and their paths go to `skipped` (a record saved with another extension, `.yaml`,
    /// is asked for later).
    package func names<Kind: ContentKind>(of kind: Kind.Type, _ diagnostics: inout [Diagnostic],
                                          skipped: inout [String]) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: open(Kind.folder)) else {
            if Kind.isRequired || FileManager.default.fileExists(atPath: open(Kind.folder)) {
                diagnostics.append(.error("folder '\(display(Kind.folder))' is missing"))
            }
            return []
        }
        var names: [String] = []
        list(entries, below: "", of: Kind.self, into: &names, &diagnostics, skipped: &skipped)
        // A subfolder's files follow its name, which does not sort them among the other names
        // (`2024/a.md` comes after `2024-b.md`); reloads find files by bisection.
        if Kind.readsSubfolders { names.sort() }
        return names
    }

    /// Adds the record files among `entries` (of the folder `prefix` below the kind's folder) to
    /// `names`, and those of their subfolders when the kind reads them.
    private func list<Kind: ContentKind>(_ entries: [String], below prefix: String, of kind: Kind.Type,
                                         into names: inout [String], _ diagnostics: inout [Diagnostic],
                                         skipped: inout [String]) {
        let suffix = "." + Kind.fileExtension
        // What editors leave beside a record (`lodz.yml~`, `#lodz.yml#`) is no record, nor worth a warning.
        for entry in entries.sorted() where !EditorLeftovers.isLeftover(entry) {
            let name = prefix + entry
            if entry.hasSuffix(suffix) {
                names.append(name)
            } else if Kind.readsSubfolders, isFolder(Kind.folder + "/" + name) {
                guard let inner = try? FileManager.default.contentsOfDirectory(atPath: open(Kind.folder + "/" + name)) else {
                    diagnostics.append(.error("folder '\(display(Kind.folder + "/" + name))' cannot be read"))
                    continue
                }
                list(inner, below: name + "/", of: Kind.self, into: &names, &diagnostics, skipped: &skipped)
            } else if isFolder(Kind.folder + "/" + name) {
                skipped.append(name)
                diagnostics.append(.warning("folder is ignored: \(Kind.folder)/ is read without its subfolders",
                                            at: SourceLocation(path: display(Kind.folder + "/" + name)),
                                            notes: ["move its \(suffix) files up into \(Kind.folder)/"]))
            } else {
                skipped.append(name)
                let stem = (entry as NSString).deletingPathExtension
                var renamed: [String] = []
                if Self.extensionAliases[Kind.fileExtension]?.contains((entry as NSString).pathExtension.lowercased()) == true {
                    // Renamed onto a record that is there, it would replace that record.
                    renamed = entries.contains(stem + suffix)
                        ? ["'\(stem)\(suffix)' is there already: merge what this file adds into it, then remove this one"]
                        : ["rename it to '\(stem)\(suffix)'"]
                }
                diagnostics.append(.warning("file is ignored: only \(suffix) files belong in \(Kind.folder)/",
                                            at: SourceLocation(path: display(Kind.folder + "/" + name)), notes: renamed))
            }
        }
    }

    /// Other names of a kind's file extension, which a file meant as a record may have.
    private static let extensionAliases = ["yml": ["yaml", "yml"], "md": ["markdown", "mdown", "mkd", "md"]]

    /// Whether `relative` is a folder itself, not a link to one: a link to a folder above would
    /// make the listing endless.
    private func isFolder(_ relative: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: open(relative))
        return attributes?[.type] as? FileAttributeType == .typeDirectory
    }
}
