import Foundation
import CityPressCore

/// Interfaces made before, with the language and table files they were made from, so that a rebuild
/// with the same templates (the preview's, after a content edit) parses no interface table again:
/// reading the built-in and the site's tables took 5–7 ms a time, twice per rebuild, at any site size.
/// Asking it gives what `InterfaceTables.interface` gives.
public final class InterfaceCache: @unchecked Sendable {
    private struct Made {
        let language: String
        let folder: String
        let siteFiles: [String: SourceText]
        let result: (Interface, [Diagnostic])

        /// Whether it was made for `language` from these files.
        func isMade(for language: String, siteFiles: [String: SourceText], folder: String) -> Bool {
            self.language == language && self.folder == folder && isMade(from: siteFiles)
        }

        /// Whether it was made from these table files. The preview passes the same loaded texts on
        /// every rebuild, so comparing them mostly finds the same storage and reads no byte.
        func isMade(from siteFiles: [String: SourceText]) -> Bool {
            self.siteFiles.count == siteFiles.count && self.siteFiles.allSatisfy { name, source in
                siteFiles[name].map { $0.path == source.path && $0.text == source.text } ?? false
            }
        }
    }

    private let lock = NSLock()
    /// The interfaces made from the table files asked for last: one per language (and folder).
    private var made: [Made] = []

    /// An empty cache.
    public init() {}

    /// How many interfaces it keeps.
    package var count: Int { lock.withLock { made.count } }

    /// `InterfaceTables.interface(for:siteFiles:folder:)`, made once for the same language and files.
    public func interface(for language: String, siteFiles: [String: SourceText],
                          folder: String) -> (Interface, [Diagnostic]) {
        if let found = lock.withLock({ made.first { $0.isMade(for: language, siteFiles: siteFiles, folder: folder) } }) {
            return found.result
        }
        let result = InterfaceTables.interface(for: language, siteFiles: siteFiles, folder: folder)
        lock.withLock {
            // Interfaces of tables edited since are of no more use: however many languages the site
            // has, the cache keeps one interface for each.
            made.removeAll { !$0.isMade(from: siteFiles) }
            made.append(Made(language: language, folder: folder, siteFiles: siteFiles, result: result))
        }
        return result
    }
}
