import Foundation
import Testing
@testable import CityPressServer
#if canImport(Glibc)
import Glibc
#endif

/// The rebuild waits the short quiet period only when the kernel's events show every save finished:
/// a file still open for writing, deleted or moved away, or a changed folder, waits the long one.
@Suite struct ChangeSignalTests {
    /// Waits until the signal has taken in a batch of events after `count`, then until it says `finished`
    /// with no batch arriving for 30 ms (the kernel may split one save into batches that a loaded machine
    /// reads far apart), and tells whether it does. A wrong rule fails unless the reader thread is starved
    /// for longer than that between two batches of one save; each wait ends after about twenty seconds
    /// (a loaded machine may starve the reader thread for seconds).
    private func settles(_ signal: ChangeSignal, after count: Int, finished: Bool) async throws -> Bool {
        for _ in 0..<4000 where signal.eventCount == count { try await Task.sleep(for: .milliseconds(5)) }
        var steady = 0, seen = signal.eventCount
        for _ in 0..<2000 where steady < 3 {
            try await Task.sleep(for: .milliseconds(10))
            let now = signal.eventCount
            // A later batch of the same save may change the answer: start counting again.
            steady = now == seen && signal.savesLookFinished == finished ? steady + 1 : 0
            seen = now
        }
        return signal.savesLookFinished == finished
    }

    /// The periodic fallback, far beyond any test: when it fires with no path pending it marks everything
    /// touched (the save then no longer looks finished), and a test slowed down past a minute on a loaded
    /// CI machine saw exactly that.
    static let noFallback = Duration.seconds(86_400)

    /// Whether the kernel reports saves (inotify): elsewhere the preview compares snapshots.
    static var hasKernelEvents: Bool {
        #if os(Linux)
        true
        #else
        false
        #endif
    }

    @Test(.enabled(if: hasKernelEvents, "inotify is Linux's: elsewhere the preview compares snapshots of the folders"))
    func finishedSavesAreToldFromSavesUnderWay() async throws {
        try await withTemporaryFolderAsync { root in
            let file = root.appendingPathComponent("lodz.yml").path
            try writeText("name: Łódź\ncountry: Poland\n", to: URL(fileURLWithPath: file))
            let signal = ChangeSignal(folders: [root.path], fallback: Self.noFallback, kernelFallback: Self.noFallback)
            defer { signal.stop() }
            try #require(signal.usesKernelEvents)

            // Written and closed: a finished save.
            var count = signal.eventCount
            try writeText("name: Łódź\ncountry: Poland\nkind: region\n", to: URL(fileURLWithPath: file))
            #expect(try await settles(signal, after: count, finished: true))
            _ = signal.takeTouched()

            // Written and still open: under way, until it is closed.
            count = signal.eventCount
            let descriptor = open(file, O_WRONLY | O_APPEND)
            try #require(descriptor >= 0)
            _ = "# more\n".withCString { write(descriptor, $0, strlen($0)) }
            #expect(try await settles(signal, after: count, finished: false))
            count = signal.eventCount
            close(descriptor)
            #expect(try await settles(signal, after: count, finished: true))
            _ = signal.takeTouched()

            // Moved away (an editor's first step of a save through a backup) or deleted: under way.
            count = signal.eventCount
            try FileManager.default.moveItem(atPath: file, toPath: file + "~")
            #expect(try await settles(signal, after: count, finished: false))
            // Moved back into place: finished again.
            count = signal.eventCount
            try FileManager.default.moveItem(atPath: file + "~", toPath: file)
            #expect(try await settles(signal, after: count, finished: true))
            _ = signal.takeTouched()
            count = signal.eventCount
            try FileManager.default.removeItem(atPath: file)
            #expect(try await settles(signal, after: count, finished: false))
            // Taking the touched paths starts afresh.
            _ = signal.takeTouched()
            #expect(signal.savesLookFinished)

            // Editors' swap files do not count; a new folder does.
            count = signal.eventCount
            let swap = open(root.appendingPathComponent(".lodz.yml.swp").path, O_WRONLY | O_CREAT, 0o644)
            try #require(swap >= 0)
            defer { close(swap) }
            #expect(try await settles(signal, after: count, finished: true))
            count = signal.eventCount
            try FileManager.default.createDirectory(atPath: root.appendingPathComponent("more").path, withIntermediateDirectories: false)
            #expect(try await settles(signal, after: count, finished: false))
        }
    }

    /// Editors that save through a temporary file: written, closed and moved onto the record (`sed -i`,
    /// an IDE's safe write), or written and deleted (vim's `4913` test file). Once the record is in
    /// place, the save is finished; the record itself moved away is still a save under way.
    @Test(.enabled(if: hasKernelEvents, "inotify is Linux's: elsewhere the preview compares snapshots of the folders"))
    func temporaryFilesGoneAgainLeaveTheSaveFinished() async throws {
        try await withTemporaryFolderAsync { root in
            let file = root.appendingPathComponent("lodz.yml")
            try writeText("name: Łódź\ncountry: Poland\n", to: file)
            let signal = ChangeSignal(folders: [root.path], fallback: Self.noFallback, kernelFallback: Self.noFallback)
            defer { signal.stop() }
            try #require(signal.usesKernelEvents)

            var count = signal.eventCount
            let temporary = root.appendingPathComponent("sedAb12Cd")
            try writeText("name: Łódź\ncountry: Poland\nkind: region\n", to: temporary)
            _ = rename(temporary.path, file.path)
            #expect(try await settles(signal, after: count, finished: true), "a copy written and moved onto the record")
            _ = signal.takeTouched()

            count = signal.eventCount
            let probe = root.appendingPathComponent("4913")
            try writeText("", to: probe)
            try FileManager.default.removeItem(at: probe)
            try writeText("name: Łódź\ncountry: Poland\n", to: file)
            #expect(try await settles(signal, after: count, finished: true), "a test file written and deleted, then the record written")
            _ = signal.takeTouched()

            count = signal.eventCount
            try FileManager.default.moveItem(at: file, to: root.appendingPathComponent("lodz.yml.bak"))
            #expect(try await settles(signal, after: count, finished: false), "the record moved away, not yet written anew")
        }
    }

    /// A folder swapped for a link to another (`mv Content/cities …; ln -s … Content/cities`) is a new
    /// folder to watch: its files' saves are told afterwards, as the loader reads through the link, and a
    /// snapshot stamps them too.
    @Test(.enabled(if: hasKernelEvents, "inotify is Linux's: elsewhere the preview compares snapshots of the folders"))
    func aFolderSwappedForALinkIsWatchedThroughIt() async throws {
        try await withTemporaryFolderAsync { root in
            let content = root.appendingPathComponent("Content"), elsewhere = root.appendingPathComponent("elsewhere")
            try writeText("name: Łódź\n", to: content.appendingPathComponent("cities/lodz.yml"))
            try writeText("name: Oslo\n", to: elsewhere.appendingPathComponent("cities/2024/oslo.yml"))
            let signal = ChangeSignal(folders: [content.path], fallback: Self.noFallback, kernelFallback: Self.noFallback)
            defer { signal.stop() }
            try #require(signal.usesKernelEvents)

            // The folder goes first (a folder's removal is a change of folders of its own), then the link
            // comes alone: only the link's creation can make it a folder to watch.
            var count = signal.eventCount
            try FileManager.default.removeItem(at: content.appendingPathComponent("cities"))
            for _ in 0..<2000 where signal.eventCount == count { try await Task.sleep(for: .milliseconds(5)) }
            try await Task.sleep(for: .milliseconds(100))
            _ = signal.takeTouched()
            count = signal.eventCount
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("cities").path,
                                                       withDestinationPath: elsewhere.appendingPathComponent("cities").path)
            for _ in 0..<2000 where signal.eventCount == count { try await Task.sleep(for: .milliseconds(5)) }
            try await Task.sleep(for: .milliseconds(100))
            #expect(signal.takeTouched() == .everything, "the link was not taken for a new folder")

            // A save two folders deep behind the link is reported at its path through the link.
            count = signal.eventCount
            try writeText("name: Oslo\nkind: city\n", to: elsewhere.appendingPathComponent("cities/2024/oslo.yml"))
            for _ in 0..<2000 where signal.eventCount == count { try await Task.sleep(for: .milliseconds(5)) }
            try await Task.sleep(for: .milliseconds(100))
            #expect(signal.takeTouched() == .paths([content.path + "/cities/2024/oslo.yml"]))
            // The snapshots (the fallback, and every platform but Linux) see it too.
            let watcher = FileWatcher(folders: [content.path])
            let before = watcher.snapshot()
            try writeText("name: Oslo\nkind: town\n", to: elsewhere.appendingPathComponent("cities/2024/oslo.yml"))
            #expect(FileWatcher.changes(from: before, to: watcher.snapshot()) == [content.path + "/cities/2024/oslo.yml"])
        }
    }
}
