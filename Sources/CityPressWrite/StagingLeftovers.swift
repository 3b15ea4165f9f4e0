import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What builds that were killed (SIGKILL, power loss) left beside an output folder, and its cleanup.
///
/// A build names its staging folder, and the old output while it swaps them, with its process id:
/// `.Public.citypress-staging-4242`, `.Public.citypress-old-4242`. A process id that no longer runs
/// marks a leftover; folders of builds still running are left alone.
package enum StagingLeftovers {
    package static func stagingName(of output: String, process: Int32) -> String {
        ".\(output).citypress-staging-\(process)"
    }

    package static func oldName(of output: String, process: Int32) -> String {
        ".\(output).citypress-old-\(process)"
    }

    /// A spare a build took and found unusable, deleted before the build's swap (`SpareClaim`).
    package static func discardName(of output: String, process: Int32) -> String {
        ".\(output).citypress-discard-\(process)"
    }

    /// The file a build holds locked while it writes the output (`OutputLock`), `.Public.citypress-lock`.
    package static func lockName(of output: String) -> String {
        ".\(output).citypress-lock"
    }

    /// The spare an `--incremental` build keeps beside the output, `.Public.citypress-spare` (`SpareTree`):
    /// not a leftover, whichever process made it.
    package static func spareName(of output: String) -> String {
        ".\(output).citypress-spare"
    }

    /// Puts back an old output that a killed build had moved aside and not replaced (the output is
    /// missing), then deletes every leftover staging and old folder of `output` in `parent`.
    /// Returns the names deleted or restored; failures are ignored (a later build tries again).
    @discardableResult
    package static func clean(output: String, in parent: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var leftovers: [(name: String, isOld: Bool)] = []
        for name in names {
            for (prefix, isOld) in [(".\(output).citypress-staging-", false), (".\(output).citypress-discard-", false),
                                    (".\(output).citypress-old-", true)]
            where name.hasPrefix(prefix) {
                guard let process = Int32(name.dropFirst(prefix.count)), process > 0, !isRunning(process) else { continue }
                leftovers.append((name, isOld))
            }
        }
        var handled: [String] = []
        var info = stat()
        let destination = parent + "/" + output
        if lstat(destination, &info) != 0, errno == ENOENT,
           let old = leftovers.first(where: { $0.isOld }), rename(parent + "/" + old.name, destination) == 0 {
            handled.append(old.name)
            leftovers.removeAll { $0.name == old.name }
        }
        for leftover in leftovers where (try? FolderTree.remove(parent + "/" + leftover.name)) != nil {
            handled.append(leftover.name)
        }
        return handled.sorted()
    }

    /// Whether a process with this id exists (one of another user's counts: `EPERM`). This process
    /// counts too: its own folders are its builds' business.
    private static func isRunning(_ process: Int32) -> Bool {
        kill(process, 0) == 0 || errno == EPERM
    }
}
