import Foundation

/// One build's pages copied into a new `PagePack` in the background, for the next build to start
/// from. Edits only ever append to a pack, so without this a long session's file would keep every
/// version of every page; copying the current ones (about 180 MB at ten thousand cities, 300–400 ms)
/// while the build waiting for the next save is served keeps that copy off the time from a save to the
/// browser's reload. The build being served is never touched: it keeps its own pack until it is replaced.
///
/// It keeps the source's pack and page list only, not its build: once the next build has taken the
/// copy (and the builder has let this go), the old pack is closed as soon as no answer reads from it.
final class PackCompaction: @unchecked Sendable {
    /// The pack whose pages are being copied.
    private let sourcePack: PagePack
    /// Where the copied pages were in `sourcePack`.
    private let sourcePages: [String: StoredPage]
    private let lock = NSLock()
    private var copied: (PagePack, [String: StoredPage])?
    /// What went wrong or is worth saying (the copy failed, its file cannot be removed), not yet told.
    private var notices: [String] = []
    /// Signalled when the copy is over, done or not.
    private let over = DispatchSemaphore(value: 0)

    /// Starts copying `source`'s pages into a new pack in `folder` (by default the temporary folder).
    init(of source: PreviewFiles, folder: String? = nil) {
        let pack = source.pack, pages = source.rendered
        sourcePack = pack
        sourcePages = pages
        DispatchQueue.global(qos: .utility).async { [self] in
            defer { over.signal() }
            let fresh = PagePack(inMemory: !pack.isFile, folder: folder)
            var said: [String] = fresh.leftBehind.map { [$0] } ?? []
            // Moving the pages from a file onto the heap would trade the file's growth for the server's:
            // without a new file the build keeps appending to the one it has.
            if pack.isFile, let why = fresh.whyInMemory {
                said.append("\(why); the preview's pages were not copied and its temporary file keeps growing with every edit")
            } else {
                do throws(PagePackError) {
                    let result = (fresh, try PackedFiles.copied(pages, from: pack, into: fresh))
                    lock.withLock { copied = result }
                } catch {
                    said.append("copying the preview's pages to a new temporary file failed: \(error); it keeps appending to the one it has")
                }
            }
            lock.withLock { notices += said }
        }
    }

    /// Waits until the copy is over (tests).
    func waitUntilOver() {
        over.wait()
        over.signal()
    }

    /// Whether it copies the pages of `pack`.
    func copies(_ pack: PagePack) -> Bool { sourcePack === pack }

    /// What there is to say about the copy, once: each notice is returned by one call only.
    func takeNotices() -> [String] {
        lock.withLock {
            defer { notices = [] }
            return notices
        }
    }

    /// `files`' pages in the new pack, once the copy is done and when `files` are its source or a later
    /// build in the same pack (their pages changed since are copied now: only what the edits since
    /// touched); otherwise `nil`, and the next build starts from `files`' own pack. When a page cannot
    /// be copied, the copy is dropped and a notice says so.
    func result(for files: PreviewFiles) -> (PagePack, [String: StoredPage])? {
        guard copies(files.pack), let (fresh, copied) = lock.withLock({ copied }) else { return nil }
        var pages: [String: StoredPage] = [:]
        pages.reserveCapacity(files.rendered.count)
        for (path, page) in files.rendered {
            if sourcePages[path] == page, let moved = copied[path] {
                pages[path] = moved
            } else {
                do throws(PagePackError) {
                    pages[path] = try fresh.append(try files.pack.read(page))
                } catch {
                    // Not tried again: the copy is let go, and the builds keep appending to `files`' pack.
                    lock.withLock {
                        self.copied = nil
                        notices.append("copying the preview's pages to a new temporary file failed: \(error); it keeps appending to the one it has")
                    }
                    return nil
                }
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
