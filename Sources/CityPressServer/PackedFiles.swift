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

    package func write(_ contents: [UInt8], to path: String) throws {
        let page = try pack.append(contents)
        lock.withLock { stored[path] = page }
    }

    /// Every page: those it started from and those written since.
    package var pages: [String: StoredPage] { lock.withLock { stored } }

    /// `pages` (in `pack`), copied into a new pack when the bytes of pages replaced since `pack` was
    /// new outweigh theirs: edits only ever append, so without this a long session's file would keep
    /// every version of every page it rendered.
    package static func compacted(_ pages: [String: StoredPage], in pack: PagePack) throws -> (PagePack, [String: StoredPage]) {
        let live = pages.values.reduce(0) { $0 + $1.count }
        // The slack keeps small sites from being copied after every few edits.
        guard pack.size > 2 * live + 32 << 20 else { return (pack, pages) }
        let fresh = PagePack(inMemory: !pack.isFile)
        var copied: [String: StoredPage] = [:]
        copied.reserveCapacity(pages.count)
        for (path, page) in pages {
            guard let bytes = pack.read(page) else { throw PagePackError.readFailed }
            copied[path] = try fresh.append(bytes)
        }
        return (fresh, copied)
    }
}
