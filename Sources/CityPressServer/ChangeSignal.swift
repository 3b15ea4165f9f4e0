import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wake-ups for the rebuild loop: one when the kernel reports a change below the watched folders
/// (inotify, on Linux), and a periodic one as the portable fallback (often where inotify is missing,
/// rarely where it works, to catch what it cannot see such as a replaced folder on a network mount).
///
/// A wake-up only says "look again". With inotify the signal also names the paths the kernel reported
/// (`takeTouched()`), so the loop re-stamps only those; otherwise it compares whole snapshots.
package final class ChangeSignal: @unchecked Sendable {
    /// What changed since the last `takeTouched()`, as far as the kernel told.
    package enum Touched: Equatable {
        /// Only these paths (files, or entries of watched folders) were touched.
        case paths(Set<String>)
        /// Anything may have changed: a folder was created, moved or removed, the kernel's queue
        /// overflowed, or the periodic fallback came due. Take a whole snapshot.
        case everything
    }

    /// The wake-ups; consecutive ones are merged.
    package let wakeUps: AsyncStream<Void>
    /// Whether the kernel notifies changes (otherwise only the periodic wake-up runs).
    package let usesKernelEvents: Bool

    private let continuation: AsyncStream<Void>.Continuation
    private let lock = NSLock()
    private var stopped = false
    private var descriptor: Int32 = -1
    private var events = 0
    /// Watched folder of each inotify watch descriptor, without a trailing `/`.
    private var watchedFolders: [Int32: String] = [:]
    private var touchedPaths: Set<String> = []
    private var touchedEverything = false
    /// Files (not hidden, not editors' swap files) whose last event since `takeTouched()` leaves them
    /// half saved: written and not yet closed, created, or deleted or moved away (unless they appeared
    /// since: see `appearedPaths`).
    private var unsettledPaths: Set<String> = []
    /// Paths created or moved into place since the touched paths were last taken: one of them that is
    /// then deleted or moved away was an editor's temporary file (vim's `4913`, `sed -i`'s copy, an
    /// IDE's safe write), not a save under way.
    private var appearedPaths: Set<String> = []

    /// What one kernel event did to a file, for telling a finished save from one under way.
    private enum SaveStep { case created, written, closedAfterWriting, movedIn, gone }

    /// How many batches of kernel events have arrived (the periodic fallback does not count).
    package var eventCount: Int { lock.withLock { events } }

    /// Whether every file the kernel reported since `takeTouched()` was last closed after writing or
    /// moved into place, as a finished save leaves it; false when a folder changed or the kernel
    /// could not say (then anything may still be under way).
    package var savesLookFinished: Bool {
        lock.withLock { unsettledPaths.isEmpty && !touchedEverything }
    }

    /// Watches `folders`; the fallback wakes every `fallback` (every `kernelFallback` when inotify works:
    /// a whole snapshot of a 10,000-city site stamps every file, about a tenth of a second of CPU).
    package init(folders: [String], fallback: Duration, kernelFallback: Duration = .seconds(5)) {
        (wakeUps, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #endif
        usesKernelEvents = descriptor >= 0
        let period = usesKernelEvents ? kernelFallback : fallback
        if usesKernelEvents {
            addWatches(below: folders)
            let thread = Thread { [self] in readEvents(folders: folders) }
            thread.name = "citypress-inotify"
            thread.start()
        }
        Task { [weak self] in
            while let self, !self.isStopped {
                try? await Task.sleep(for: period)
                // Paths the kernel named and the loop has not taken yet are handled as named (a save in
                // progress then costs no walk of every folder); the whole snapshot waits for the next period.
                let pending = self.lock.withLock {
                    if self.touchedPaths.isEmpty { self.touchedEverything = true }
                    return !self.touchedPaths.isEmpty
                }
                if !pending { self.continuation.yield() }
            }
        }
    }

    /// The paths touched since the last call (and forgets them).
    package func takeTouched() -> Touched {
        lock.withLock {
            defer { touchedPaths = []; touchedEverything = false; unsettledPaths = []; appearedPaths = [] }
            return touchedEverything ? .everything : .paths(touchedPaths)
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Ends the wake-ups and the kernel watch.
    package func stop() {
        lock.withLock { stopped = true }
        continuation.finish()
    }

    #if os(Linux)
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches every folder below `folders` (inotify is not recursive), through links to folders as
    /// the loader reads through them (`Content/cities` may be a link), each folder once and under its
    /// own path where it has one: the folders reached without a link first, then those behind links
    /// (an event is reported under the path its folder was watched by). Watching a folder twice is
    /// harmless (the kernel gives the same descriptor). Paths are spelled as `FileWatcher` spells them.
    private func addWatches(below folders: [String]) {
        var visited: Set<FolderIdentity> = []
        var links: [String] = []
        for folder in folders {
            let root = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
            watch(root)
            addWatches(inside: root, visited: &visited, links: &links)
        }
        while let link = links.popLast() { addWatches(inside: link, visited: &visited, links: &links) }
    }

    /// A folder as the file system knows it, whatever path leads to it: a link back up is not walked twice.
    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Watches `folder` and the folders inside it, unless it was watched already; the links among its
    /// entries are added to `links`, to be walked once every folder reached without one is watched.
    private func addWatches(inside folder: String, visited: inout Set<FolderIdentity>, links: inout [String]) {
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
              visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        watch(folder)
        guard let directory = opendir(folder) else { return }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            // A plain file needs no look: most entries of a site are.
            if type == UInt8(DT_REG) { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !FileWatcher.isIgnored(name) else { continue }
            if type == UInt8(DT_DIR) { folders.append(folder + "/" + name) } else { links.append(folder + "/" + name) }
        }
        closedir(directory)
        for inner in folders { addWatches(inside: inner, visited: &visited, links: &links) }
    }

    private func watch(_ folder: String) {
        let watchDescriptor = inotify_add_watch(descriptor, folder, Self.mask)
        if watchDescriptor >= 0 { lock.withLock { watchedFolders[watchDescriptor] = folder } }
    }

    private func readEvents(folders: [String]) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer { close(descriptor) }
        while !isStopped {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 250) > 0 else { continue }
            var sawFolderChange = false
            var paths: [String] = []
            // Each reported file and what the event did to it, in the kernel's order.
            var saves: [(path: String, step: SaveStep)] = []
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
                    let (watchDescriptor, mask, nameLength) = buffer.withUnsafeBytes { raw in
                        (raw.load(fromByteOffset: offset, as: Int32.self),
                         raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                         Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                    }
                    if mask & UInt32(IN_ISDIR | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW) != 0 {
                        sawFolderChange = true
                    } else if nameLength > 0, offset + 16 + nameLength <= count,
                              let folder = lock.withLock({ watchedFolders[watchDescriptor] }) {
                        let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + nameLength)].prefix { $0 != 0 },
                                          as: UTF8.self)
                        paths.append(folder + "/" + name)
                        // A link to a folder made here (a folder swapped for a link) is a new folder to
                        // watch, though the kernel does not call it one.
                        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !FileWatcher.isIgnored(name) {
                            var target = stat()
                            if stat(folder + "/" + name, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR { sawFolderChange = true }
                        }
                        if !FileWatcher.isIgnored(name) {
                            if mask & UInt32(IN_MOVED_TO) != 0 {
                                saves.append((folder + "/" + name, .movedIn))
                            } else if mask & UInt32(IN_CLOSE_WRITE) != 0 {
                                saves.append((folder + "/" + name, .closedAfterWriting))
                            } else if mask & UInt32(IN_CREATE) != 0 {
                                saves.append((folder + "/" + name, .created))
                            } else if mask & UInt32(IN_MODIFY) != 0 {
                                saves.append((folder + "/" + name, .written))
                            } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                                saves.append((folder + "/" + name, .gone))
                            }
                        }
                    } else {
                        sawFolderChange = true  // an event we cannot place: look everywhere
                    }
                    offset += 16 + nameLength
                }
            }
            if sawFolderChange { addWatches(below: folders) }
            lock.withLock {
                events += 1
                touchedPaths.formUnion(paths)
                for (path, step) in saves {
                    switch step {
                    case .movedIn:
                        appearedPaths.insert(path)
                        unsettledPaths.remove(path)
                    case .closedAfterWriting: unsettledPaths.remove(path)
                    case .created:
                        appearedPaths.insert(path)
                        unsettledPaths.insert(path)
                    case .written: unsettledPaths.insert(path)
                    // Gone after it appeared: a temporary file, done with. Gone otherwise: the first step of
                    // a save that moves the file away and writes it anew.
                    case .gone:
                        if appearedPaths.contains(path) { unsettledPaths.remove(path) } else { unsettledPaths.insert(path) }
                    }
                }
                if sawFolderChange { touchedEverything = true }
            }
            continuation.yield()
        }
    }
    #else
    private func addWatches(below folders: [String]) {}
    private func readEvents(folders: [String]) {}
    #endif
}
