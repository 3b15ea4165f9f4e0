import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build stopped by Ctrl-C (SIGINT) or SIGTERM leaves: its staging folder, renamed to the spare
/// beside the output, where the next `--incremental` build stages (`SpareTree`), instead of a leftover the
/// next build deletes. Deleting it would cost that build every kept page: most of its files are the
/// output's own (hard links), and deleting a link changes the status-change time `KeptFiles` trusts.
///
/// A spare is checked entry by entry before it is used, so a half-written one is as good as any. The
/// output itself is never touched here: a build stopped during the swap leaves what `StagingLeftovers`
/// puts right.
package final class InterruptedBuild: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    /// Starts watching for SIGINT and SIGTERM while a build of the output folder `output` runs; the
    /// process then exits with 128 + the signal's number.
    package init(output: OutputFolder) {
        let parent = (output.absolutePath as NSString).deletingLastPathComponent
        let name = (output.absolutePath as NSString).lastPathComponent
        let staging = parent + "/" + StagingLeftovers.stagingName(of: name, process: ProcessInfo.processInfo.processIdentifier)
        let spare = parent + "/" + StagingLeftovers.spareName(of: name)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var info = stat()
                if lstat(spare, &info) != 0 { _ = rename(staging, spare) }
                // Not `exit`: other threads are still writing, and must not meet the process's teardown.
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
