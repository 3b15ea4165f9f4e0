import CityPressCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per output folder. Two builds of one folder at once each replace it whole and
/// each compare what they wrote with the folder as they found it, so the change list of the one
/// that swaps last leaves out what it put back of the other's: a deploy that applies both lists
/// leaves the other's files on the server. The lock is a file beside the output,
/// `.Public.citypress-lock`, held with `flock` while the build runs (the kernel lets it go when the
/// process ends, however it ends) and deleted when the build is done.
package final class OutputLock {
    private let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock of `output`, or says that another build holds it. No lock (and no error) when
    /// the output's parent folder cannot hold the file (the build then says what is wrong with it), or
    /// the file at its path keeps changing.
    package static func take(_ output: OutputFolder) -> Result<OutputLock?, DiagnosticError> {
        let parent = (output.absolutePath as NSString).deletingLastPathComponent
        let name = (output.absolutePath as NSString).lastPathComponent
        let path = parent + "/" + StagingLeftovers.lockName(of: name)
        // A few tries: a file system whose two ways of naming a file's inode disagree would never settle.
        for _ in 0..<8 {
            // Not through a link: `release` deletes what is at the path.
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { return .success(nil) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                close(descriptor)
                guard busy else { return .success(nil) }
                return .failure(DiagnosticError(.error(
                    "another citypress build is writing '\(output.path)' now",
                    notes: ["wait for it to end, then build again: two builds of one folder at once would each list "
                            + "the files they changed against a folder the other replaces"])))
            }
            // The file may have been deleted by the build that held it, between opening and locking:
            // then this lock guards nothing, and the file at the path is taken again.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, lstat(path, &current) == 0, held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                return .success(OutputLock(path: path, descriptor: descriptor))
            }
            close(descriptor)
        }
        return .success(nil)
    }

    /// Deletes the file and lets the lock go (a build waiting for nothing else may take it at once).
    package func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
