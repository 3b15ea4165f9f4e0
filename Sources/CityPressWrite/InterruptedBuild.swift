import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build stopped by Ctrl-C (SIGINT) or SIGTERM leaves beside the output, and the one line it says.
///
/// An `--incremental` build's staging folder is renamed to the spare beside the output, where the next
/// `--incremental` build stages (`SpareTree`), instead of a leftover the next build deletes. Deleting it
/// would cost that build every kept page: most of its files are the output's own (hard links), and
/// deleting a link changes the status-change time `KeptFiles` trusts. A spare is checked entry by entry
/// before it is used, so a half-written one is as good as any. Another build's staging folder is moved
/// to a name of its own and deleted, so that no half-written site is left beside the output.
///
/// It acts only until `stopWatching(restoringDefaults:)`, which the build calls just before it swaps its
/// folder in (signals are then ignored until the swap is done), and the command line when the build
/// returns (they then do what they did before the watch). A signal that came first holds `stopWatching` back
/// until the process has ended, so the output is never touched here, and the build never reports a
/// failure of its own (the staging folder it was writing in having gone) after the interruption.
package final class InterruptedBuild: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    /// What SIGINT and SIGTERM did before the watch: put back when it ends. A signal ignored before it
    /// is not watched.
    private var previousActions: [(signal: Int32, action: (@convention(c) (Int32) -> Void)?)] = []
    /// Taken by whichever comes first: a signal (which ends the process holding it) or `stopWatching`.
    private let gate = Gate()

    private final class Gate: @unchecked Sendable {
        let lock = NSLock()
        var isWatching = true
    }

    /// Starts watching for SIGINT and SIGTERM while a build of the output folder `output` runs; the
    /// process then exits with 128 + the signal's number. `keepsSpare`: the build is `--incremental`.
    package init(output: OutputFolder, keepsSpare: Bool) {
        let parent = (output.absolutePath as NSString).deletingLastPathComponent
        let name = (output.absolutePath as NSString).lastPathComponent
        let process = ProcessInfo.processInfo.processIdentifier
        let staging = parent + "/" + StagingLeftovers.stagingName(of: name, process: process)
        let spare = parent + "/" + StagingLeftovers.spareName(of: name)
        let discard = parent + "/" + StagingLeftovers.discardName(of: name, process: process)
        let message = Array("citypress: build interrupted; '\(output.path)' was not replaced by it\n".utf8)
        for number in [SIGINT, SIGTERM] {
            let previous = signal(number, SIG_IGN)
            previousActions.append((number, previous))
            // A build its starter told to ignore the signal (a script's background job, which the
            // terminal's Ctrl-C must not stop) keeps ignoring it.
            if Self.ignores(previous) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let gate = gate
            source.setEventHandler {
                gate.lock.lock()
                guard gate.isWatching else {
                    gate.lock.unlock()
                    return
                }
                var info = stat()
                if keepsSpare {
                    if lstat(spare, &info) != 0 { _ = rename(staging, spare) }
                } else if rename(staging, discard) == 0 {
                    // The writers' next paths no longer exist, so nothing new appears in it while it goes.
                    try? FolderTree.remove(discard)
                }
                // The build's `OutputLock` is let go by the kernel as the process ends, after its writers have
                // stopped; its file stays (the next build takes it and deletes it): deleting it here could be
                // another build's lock, or let a third build start while this one's threads still write.
                _ = message.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                // Not `exit`: other threads are still writing, and must not meet the process's teardown.
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether `action` is `SIG_IGN`, which ignores the signal.
    private static func ignores(_ action: (@convention(c) (Int32) -> Void)?) -> Bool {
        guard let action else { return false }
        return unsafeBitCast(action, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Ends the watch. Until `restoringDefaults`, SIGINT and SIGTERM are then ignored (the new site is
    /// being swapped in: stopping half way would leave no output folder until the next build); after it,
    /// they do what they did before the watch. Waits, never to return, if a signal came first and the
    /// process is ending.
    package func stopWatching(restoringDefaults: Bool) {
        gate.lock.lock()
        gate.isWatching = false
        gate.lock.unlock()
        guard restoringDefaults else { return }
        for source in sources { source.cancel() }
        for (number, action) in previousActions { signal(number, action) }
    }
}
