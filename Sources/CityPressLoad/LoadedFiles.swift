import CityPressCore

/// What loading each file of a content folder gave, kept so that a later load can redo only the
/// files that changed (`ContentLoader.reload(_:changing:)`). `content` and `diagnostics` are put
/// together from the files' results in file order, so they are what one full load gives.
public struct LoadedFiles: Sendable {
    /// `site.yml`, when it could be read.
    package let config: SiteConfig?
    /// Problems with the content folder or `site.yml`.
    package let configDiagnostics: [Diagnostic]
    /// One folder per kind of record, in the order of the loader's table of kinds.
    package let folders: [any AnyLoadedFolder]

    /// The records, as the later stages take them.
    public let content: LoadedContent
    /// Every problem found, in file order.
    public let diagnostics: [Diagnostic]

    package init(config: SiteConfig?, configDiagnostics: [Diagnostic], folders: [any AnyLoadedFolder] = []) {
        self.config = config
        self.configDiagnostics = configDiagnostics
        self.folders = folders
        var content = LoadedContent(config: config, cities: [], declarations: [])
        var diagnostics = configDiagnostics
        for folder in folders {
            folder.collect(into: &content)
            diagnostics += folder.allDiagnostics
        }
        self.content = content
        self.diagnostics = diagnostics
    }

    /// What loading `kind`'s folder gave, when the loader read that kind.
    package func folder<Kind: ContentKind>(of kind: Kind.Type) -> LoadedFolder<Kind>? {
        folders.lazy.compactMap { $0 as? LoadedFolder<Kind> }.first
    }
}
