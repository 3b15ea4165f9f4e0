import CityPressCore
import Foundation

/// The preview's page sink: pages written from several threads into a `PagePack`, remembered by path.
package final class PackedFiles: PageSink, @unchecked Sendable {
    /// Where the bytes go.
    package let pack: PagePack
    private let lock = NSLock()
    private var stored: [String: StoredPage]

    /// A sink writing into `pack`, starting from `pages` (a previous build's, in the same pack).
    package init(pack: PagePack, pages: [String: StoredPage] = [:]) {
        self.pack = pack
        stored = pages
    }

    /// Appends `contents` to the pack as the page at `path` (replacing the page there, whose bytes stay
    /// in the pack for the build that may still serve them). Throws `PagePackError` when the pack cannot
    /// take it (the temporary folder is full).
    package func write(_ contents: [UInt8], to path: String) throws {
        let page = try pack.append(contents)
        lock.withLock { stored[path] = page }
    }

    /// Every page: those it started from and those written since.
    package var pages: [String: StoredPage] { lock.withLock { stored } }

    /// Forgets the pages at `paths` (their bytes stay in the pack for the build that may serve them).
    package func remove(_ paths: Set<String>) {
        lock.withLock { for path in paths { stored[path] = nil } }
    }

    /// `pages` (in `pack`) copied into `fresh`, and where they are there.
    package static func copied(_ pages: [String: StoredPage], from pack: PagePack,
                               into fresh: PagePack) throws(PagePackError) -> [String: StoredPage] {
        var copied: [String: StoredPage] = [:]
        copied.reserveCapacity(pages.count)
        for (path, page) in pages {
            copied[path] = try fresh.append(try pack.read(page))
        }
        return copied
    }
}
