import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The spare beside an output folder (`SpareTree`), taken by this build and listed on another thread while
/// the site loads: listing ten thousand folders takes about as long as resolving the site.
///
/// Taking it is one rename to this process's staging name, so two builds at once cannot both take it, and
/// a build killed while it holds it leaves a staging folder the next build deletes (`StagingLeftovers`).
/// A build that stops before staging gives it back (`release`).
package final class SpareClaim: @unchecked Sendable {
    /// Where the spare is kept, beside the output.
    package let sparePath: String
    /// The staging folder it becomes.
    package let stagingPath: String
    private let done = DispatchGroup()
    private let lock = NSLock()
    private var tree: SpareTree?
    private var settled = false

    /// Starts taking the spare of the output folder `output`, if it has one and the output exists.
    package init(output: OutputFolder) {
        let parent = (output.absolutePath as NSString).deletingLastPathComponent
        let name = (output.absolutePath as NSString).lastPathComponent
        sparePath = parent + "/" + StagingLeftovers.spareName(of: name)
        stagingPath = parent + "/" + StagingLeftovers.stagingName(of: name, process: ProcessInfo.processInfo.processIdentifier)
        let (destination, spare, staging) = (output.absolutePath, sparePath, stagingPath)
        DispatchQueue.global().async(group: done) { [self] in
            var info = stat()
            guard lstat(destination, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, lstat(spare, &info) == 0 else { return }
            try? FolderTree.remove(staging)
            guard rename(spare, staging) == 0 else { return }
            let listed = SpareTree.list(staging)
            if listed == nil { try? FolderTree.remove(staging) }
            lock.withLock { tree = listed }
        }
    }

    /// The spare, now at `stagingPath`, for the staging folder; `nil` when there was none to take. Called once.
    package func take() -> SpareTree? {
        done.wait()
        return lock.withLock {
            settled = true
            return tree
        }
    }

    /// Gives the spare back unused (the build stopped before staging): renamed back, or deleted when a
    /// spare is there again.
    package func release() {
        done.wait()
        let held = lock.withLock {
            defer { settled = true }
            return settled ? nil : tree
        }
        guard held != nil else { return }
        if rename(stagingPath, sparePath) != 0 { try? FolderTree.remove(stagingPath) }
    }
}
