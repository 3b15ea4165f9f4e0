import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder and the staging folder, each opened once, so that a build keeping ten thousand files
/// looks each up from its folder instead of from the root: at ten thousand cities, walking the paths'
/// first components again was a third of what taking the kept files cost. Shared by a staging folder's
/// copies; a folder that cannot be opened is looked up by its path (`AT_FDCWD` with the full path).
final class FolderHandles: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: [String: Int32] = [:]

    /// The descriptor of the folder at `path` (absolute), opened on first use; -1 when it cannot be.
    func descriptor(of path: String) -> Int32 {
        lock.withLock {
            if let descriptor = opened[path] { return descriptor }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            opened[path] = descriptor
            return descriptor
        }
    }

    /// Where to look up `relativePath` below the folder at `folder`: its descriptor and the relative path,
    /// or the working directory and the full path when it could not be opened.
    func location(of relativePath: String, in folder: String) -> (folder: Int32, path: String) {
        let descriptor = descriptor(of: folder)
        return descriptor >= 0 ? (descriptor, relativePath) : (AT_FDCWD, folder + "/" + relativePath)
    }

    /// Closes every folder opened (before the folders are swapped: a descriptor follows its folder).
    func close() {
        lock.withLock {
            for descriptor in opened.values where descriptor >= 0 { _ = closeFolder(descriptor) }
            opened = [:]
        }
    }

    deinit {
        for descriptor in opened.values where descriptor >= 0 { _ = closeFolder(descriptor) }
    }
}

#if canImport(Glibc)
private let closeFolder = Glibc.close
#elseif canImport(Darwin)
private let closeFolder = Darwin.close
#endif
