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
/// A build that stops before staging gives it back (`release`). The shared name is never deleted in place:
/// another build could take the folder while it is being deleted.
package final class SpareClaim: @unchecked Sendable {
    /// Where the spare is kept, beside the output.
    package let sparePath: String
    /// The staging folder it becomes.
    package let stagingPath: String
    /// Where a spare taken and found unusable waits to be deleted. Not at once: most of its files are the
    /// output's own (hard links), and deleting them changes their status-change time, which `KeptFiles`
    /// reads to trust them. The staging folder deletes it before the swap (`StagingFolder.commit`).
    package let discardPath: String
    private let done = DispatchGroup()
    private let lock = NSLock()
    private var tree: SpareTree?
    private var discarded = false
    private var settled = false

    /// Starts taking the spare of the output folder `output`, if it has one and the output exists.
    package init(output: OutputFolder) {
        let parent = (output.absolutePath as NSString).deletingLastPathComponent
        let name = (output.absolutePath as NSString).lastPathComponent
        let process = ProcessInfo.processInfo.processIdentifier
        sparePath = parent + "/" + StagingLeftovers.spareName(of: name)
        stagingPath = parent + "/" + StagingLeftovers.stagingName(of: name, process: process)
        discardPath = parent + "/" + StagingLeftovers.discardName(of: name, process: process)
        let (destination, spare, staging, discard) = (output.absolutePath, sparePath, stagingPath, discardPath)
        DispatchQueue.global().async(group: done) { [self] in
            var info = stat()
            guard lstat(destination, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, lstat(spare, &info) == 0 else { return }
            try? FolderTree.remove(staging)
            guard rename(spare, staging) == 0 else { return }
            // A disk that does not tell `a` from `A` would make the listing's paths lie about what is there.
            let listed = SpareTree.namesAreExact(in: staging) ? SpareTree.list(staging) : nil
            var setAside = false
            if listed == nil {
                try? FolderTree.remove(discard)
                setAside = rename(staging, discard) == 0
                if !setAside { try? FolderTree.remove(staging) }
            }
            lock.withLock { (tree, discarded) = (listed, setAside) }
        }
    }

    /// The spare, now at `stagingPath`, for the staging folder, and whether an unusable one waits at
    /// `discardPath`. Called once.
    package func take() -> (tree: SpareTree?, discarded: Bool) {
        done.wait()
        return lock.withLock {
            settled = true
            return (tree, discarded)
        }
    }

    /// Gives the spare back unused (the build stopped before staging): renamed back, or deleted when a
    /// spare is there again.
    package func release() {
        done.wait()
        let (held, discarded) = lock.withLock {
            defer { settled = true }
            return settled ? (nil, false) : (tree, self.discarded)
        }
        if discarded { try? FolderTree.remove(discardPath) }
        guard held != nil else { return }
        if rename(stagingPath, sparePath) != 0 { try? FolderTree.remove(stagingPath) }
    }
}
