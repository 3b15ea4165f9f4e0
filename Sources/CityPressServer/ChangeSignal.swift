import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wake-ups for the rebuild loop: one when the kernel reports a change below the watched folders
/// (inotify, on Linux), and a periodic one as the portable fallback (often where inotify is missing,
/// rarely where it works, to catch what it cannot see such as a replaced folder on a network mount).
///
/// A wake-up only says "look again": the loop compares file snapshots to find what changed.
final class ChangeSignal: @unchecked Sendable {
    /// The wake-ups; consecutive ones are merged.
    let wakeUps: AsyncStream<Void>
    /// Whether the kernel notifies changes (otherwise only the periodic wake-up runs).
    let usesKernelEvents: Bool

    private let continuation: AsyncStream<Void>.Continuation
    private let lock = NSLock()
    private var stopped = false
    private var descriptor: Int32 = -1
    private var events = 0

    /// How many batches of kernel events have arrived (the periodic fallback does not count).
    var eventCount: Int { lock.withLock { events } }

    /// Watches `folders`; the fallback wakes every `fallback` (every `kernelFallback` when inotify works).
    init(folders: [String], fallback: Duration, kernelFallback: Duration = .seconds(1)) {
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
                self.continuation.yield()
            }
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Ends the wake-ups and the kernel watch.
    func stop() {
        lock.withLock { stopped = true }
        continuation.finish()
    }

    #if os(Linux)
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches every folder below `folders` (inotify is not recursive). Watching a folder twice is harmless.
    private func addWatches(below folders: [String]) {
        for folder in folders {
            _ = inotify_add_watch(descriptor, folder, Self.mask)
            for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
                let path = folder + "/" + relative
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    _ = inotify_add_watch(descriptor, path, Self.mask)
                }
            }
        }
    }

    private func readEvents(folders: [String]) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer { close(descriptor) }
        while !isStopped {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 250) > 0 else { continue }
            var sawFolderChange = false
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let mask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                    let nameLength = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) }
                    if mask & UInt32(IN_ISDIR) != 0 || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                        sawFolderChange = true
                    }
                    offset += 16 + Int(nameLength)
                }
            }
            if sawFolderChange { addWatches(below: folders) }
            lock.withLock { events += 1 }
            continuation.yield()
        }
    }
    #else
    private func addWatches(below folders: [String]) {}
    private func readEvents(folders: [String]) {}
    #endif
}
