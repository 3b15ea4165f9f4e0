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

    /// `pages` (in `pack`) copied into a new pack, and where they are in it.
    package static func copied(_ pages: [String: StoredPage], from pack: PagePack) throws -> (PagePack, [String: StoredPage]) {
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
