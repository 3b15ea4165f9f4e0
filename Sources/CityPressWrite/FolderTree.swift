import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system work on whole folders with plain POSIX calls: an output tree holds thousands of
/// entries, and FileManager stats every one of them (most of a small site's build time went there).
package enum FolderTree {
    /// Deletes `path` and everything below it, without following symbolic links; a missing path
    /// is not an error. Throws the first failure.
    package static func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw POSIXError(errno, path: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            if unlink(path) != 0 && errno != ENOENT { throw POSIXError(errno, path: path) }
            return
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(errno, path: path) }
        try removeContents(of: descriptor, path: path)
        if rmdir(path) != 0 && errno != ENOENT { throw POSIXError(errno, path: path) }
    }

    /// Deletes everything inside the open folder `descriptor` (closed on return).
    private static func removeContents(of descriptor: Int32, path: String) throws {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            throw POSIXError(errno, path: path)
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw POSIXError(errno, path: path + "/" + name) }
                try removeContents(of: child, path: path + "/" + name)
                if unlinkat(descriptor, name, AT_REMOVEDIR) != 0 && errno != ENOENT {
                    throw POSIXError(errno, path: path + "/" + name)
                }
            } else if unlinkat(descriptor, name, 0) != 0 && errno != ENOENT {
                throw POSIXError(errno, path: path + "/" + name)
            }
        }
    }
}

/// The folders a build has created, so that each is made once (a `mkdir` that fails because the
/// folder exists costs as much as one that succeeds). Shared by the threads that write pages.
package final class CreatedFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: Set<String> = []

    package func contains(_ folder: String) -> Bool { lock.withLock { folders.contains(folder) } }
    package func insert(_ folder: String) { _ = lock.withLock { folders.insert(folder) } }
}
