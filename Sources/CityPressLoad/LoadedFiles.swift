import CityPressCore
import CityPressMarkdown

/// What loading each file of a content folder gave, kept so that a later load can redo only the
/// files that changed (`ContentLoader.reload(_:changing:)`). `content` and `diagnostics` are put
/// together from the files' results in file order, so they are what one full load gives.
public struct LoadedFiles: Sendable {
    /// One folder of records (`cities/` or `declarations/`).
    package struct Folder<Record: Sendable>: Sendable {
        /// Problems with the folder itself: missing, or holding files that do not belong.
        package var diagnostics: [Diagnostic] = []
        /// The record files' names, sorted.
        package var names: [String] = []
        /// What each file gave, in `names` order: its record (`nil` when it has errors) and its problems.
        package var results: [(record: Record?, diagnostics: [Diagnostic])] = []
        /// Names of the files in the folder that are not records (a warning in `diagnostics` says so).
        package var skipped: [String] = []

        package var allDiagnostics: [Diagnostic] { diagnostics + results.flatMap(\.diagnostics) }
    }

    /// `site.yml`, when it could be read.
    package let config: SiteConfig?
    /// Problems with the content folder or `site.yml`.
    package let configDiagnostics: [Diagnostic]
    package let cities: Folder<CityRecord>
    package let declarations: Folder<DeclarationRecord>

    /// The records, as the later stages take them.
    public let content: LoadedContent
    /// Every problem found, in file order.
    public let diagnostics: [Diagnostic]

    package init(config: SiteConfig?, configDiagnostics: [Diagnostic],
         cities: Folder<CityRecord> = .init(), declarations: Folder<DeclarationRecord> = .init(),
         citiesPath: String = "cities") {
        self.config = config
        self.configDiagnostics = configDiagnostics
        self.cities = cities
        self.declarations = declarations
        var unreadable: Set<String> = []
        for (name, result) in zip(cities.names, cities.results) where result.record == nil {
            unreadable.insert(String(name.dropLast(".yml".count)))
        }
        var skipped: [String: String] = [:]
        for name in cities.skipped {
            let stem = String(name.prefix { $0 != "." })
            if Slug.isValid(stem), skipped[stem] == nil { skipped[stem] = citiesPath + "/" + name }
        }
        content = LoadedContent(config: config, cities: cities.results.compactMap(\.record),
                                declarations: declarations.results.compactMap(\.record), unreadableCitySlugs: unreadable,
                                skippedCityFiles: skipped)
        diagnostics = configDiagnostics + cities.allDiagnostics + declarations.allDiagnostics
    }
}
