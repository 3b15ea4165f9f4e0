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
/// The output itself is never touched here: a build stopped during the swap leaves what
/// `StagingLeftovers` puts right.
package final class InterruptedBuild: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

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
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var info = stat()
                if keepsSpare {
                    if lstat(spare, &info) != 0 { _ = rename(staging, spare) }
                } else if rename(staging, discard) == 0 {
                    // The writers' next paths no longer exist, so nothing new appears in it while it goes.
                    try? FolderTree.remove(discard)
                }
                _ = message.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                // Not `exit`: other threads are still writing, and must not meet the process's teardown.
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
