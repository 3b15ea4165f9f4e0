import Foundation

/// One build's pages copied into a new `PagePack` in the background, for the next build to start
/// from. Edits only ever append to a pack, so without this a long session's file would keep every
/// version of every page; copying the current ones (about 180 MB at ten thousand cities, 300–400 ms)
/// while the build waiting for the next save is served keeps that copy off the time from a save to the
/// browser's reload. The build being served is never touched: it keeps its own pack until it is replaced.
final class PackCompaction: @unchecked Sendable {
    /// The files whose pages are being copied.
    let source: PreviewFiles
    private let lock = NSLock()
    private var copied: (PagePack, [String: StoredPage])?
    /// Signalled when the copy is over, done or not.
    private let over = DispatchSemaphore(value: 0)

    /// Starts copying `source`'s pages.
    init(of source: PreviewFiles) {
        self.source = source
        DispatchQueue.global(qos: .utility).async { [self] in
            defer { over.signal() }
            // A page that cannot be read back leaves the pack as it is: the next build appends to it as before.
            guard let result = try? PackedFiles.copied(source.rendered, from: source.pack) else { return }
            lock.withLock { copied = result }
        }
    }

    /// Waits until the copy is over (tests).
    func waitUntilOver() {
        over.wait()
        over.signal()
    }

    /// Whether it copies the pages of `pack`.
    func copies(_ pack: PagePack) -> Bool { source.pack === pack }

    /// `files`' pages in the new pack, once the copy is done and when `files` are its source or a later
    /// build in the same pack (their pages changed since are copied now: only what the edits since
    /// touched); otherwise `nil`, and the next build starts from `files`' own pack.
    func result(for files: PreviewFiles) -> (PagePack, [String: StoredPage])? {
        guard copies(files.pack), let (fresh, copied) = lock.withLock({ copied }) else { return nil }
        var pages: [String: StoredPage] = [:]
        pages.reserveCapacity(files.rendered.count)
        for (path, page) in files.rendered {
            if source.rendered[path] == page, let moved = copied[path] {
                pages[path] = moved
            } else {
                guard let bytes = files.pack.read(page), let moved = try? fresh.append(bytes) else { return nil }
                pages[path] = moved
            }
        }
        return (fresh, pages)
    }

    /// Whether `files`' pack has grown past twice their pages' bytes and `slack` (which keeps small
    /// sites from being copied every few edits).
    static func isDue(for files: PreviewFiles, slack: Int) -> Bool {
        files.pack.size > 2 * files.renderedBytes + slack
    }
}
