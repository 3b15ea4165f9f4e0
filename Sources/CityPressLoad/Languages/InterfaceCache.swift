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

        /// Whether it was made from these files. The preview passes the same loaded texts on every
        /// rebuild, so comparing them mostly finds the same storage and reads no byte.
        func isMade(for language: String, siteFiles: [String: SourceText], folder: String) -> Bool {
            self.language == language && self.folder == folder && self.siteFiles.count == siteFiles.count
                && self.siteFiles.allSatisfy { name, source in
                    siteFiles[name].map { $0.path == source.path && $0.text == source.text } ?? false
                }
        }
    }

    private let lock = NSLock()
    /// The interfaces made last, oldest first.
    private var made: [Made] = []
    private static let capacity = 8

    /// An empty cache.
    public init() {}

    /// `InterfaceTables.interface(for:siteFiles:folder:)`, made once for the same language and files.
    public func interface(for language: String, siteFiles: [String: SourceText],
                          folder: String) -> (Interface, [Diagnostic]) {
        if let found = lock.withLock({ made.first { $0.isMade(for: language, siteFiles: siteFiles, folder: folder) } }) {
            return found.result
        }
        let result = InterfaceTables.interface(for: language, siteFiles: siteFiles, folder: folder)
        lock.withLock {
            // A few languages are asked for; interfaces of tables edited since are dropped in time.
            if made.count >= Self.capacity { made.removeFirst() }
            made.append(Made(language: language, folder: folder, siteFiles: siteFiles, result: result))
        }
        return result
    }
}
