import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the spare folder beside an output holds when a build takes it as its staging folder: every file
/// and folder below it, as paths relative to it.
///
/// An `--incremental` build keeps the output it replaced as the spare (`StagingLeftovers.spareName`): most
/// of its files are the same files (hard links) as the new output's, so the next build brings it up to date
/// by writing only what differs, instead of linking every kept file into an empty folder and deleting the
/// old tree. The listing is what lets a build trust it without a record of it: whatever the spare holds
/// that the new site does not write is deleted before the swap (`StagingFolder.removeLeftoverFiles`).
package struct SpareTree: Sendable {
    /// Every regular file, by path relative to the spare.
    package let files: Set<String>
    /// Every folder below the spare (not the spare itself).
    package let folders: Set<String>
    /// The folders that hold nothing at all.
    package let emptyFolders: [String]

    package init(files: Set<String>, folders: Set<String>, emptyFolders: [String] = []) {
        self.files = files
        self.folders = folders
        self.emptyFolders = emptyFolders
    }

    /// The listing of the folder at `root`; `nil` when it cannot be read whole, or holds anything but
    /// regular files and folders (a symbolic link could lead a write out of it), or has a folder this
    /// process cannot make writable. A folder made read-only in the output it once was (`chmod a-w
    /// Public/cities/oslo`) is made writable again: the build must replace its files, and a build into
    /// an empty folder makes its folders writable all the same.
    package static func list(_ root: String) -> SpareTree? {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard makeWritable(descriptor) else {
            close(descriptor)
            return nil
        }
        var listing = Listing()
        guard listing.collect(descriptor, prefix: "") else { return nil }
        return SpareTree(files: listing.files, folders: listing.folders, emptyFolders: listing.emptyFolders)
    }

    /// Whether the open folder `descriptor` is (or could be made) writable and searchable by its owner, this process.
    static func makeWritable(_ descriptor: Int32) -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        if info.st_mode & S_IRWXU == S_IRWXU { return true }
        return fchmod(descriptor, (info.st_mode & 0o7777) | S_IRWXU) == 0
    }

    /// Whether the file system of the folder `folder` tells names apart by case (a file made as
    /// `.citypress-name-probe` is not found as `.CITYPRESS-NAME-PROBE`); `false` when it cannot tell.
    package static func namesAreExact(in folder: String) -> Bool {
        let probe = folder + "/.citypress-name-probe"
        unlink(probe)
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        defer { unlink(probe) }
        var info = stat()
        return lstat(folder + "/.CITYPRESS-NAME-PROBE", &info) != 0 && errno == ENOENT
    }

    /// A listing in progress. Folders are opened relative to their parent's descriptor: the kernel does
    /// not walk each folder's whole path again.
    private struct Listing {
        var files: Set<String> = []
        var folders: Set<String> = []
        var emptyFolders: [String] = []

        /// Lists the open folder `descriptor` (closed on return), whose path is `prefix` without its final `/`.
        mutating func collect(_ descriptor: Int32, prefix: String) -> Bool {
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                return false
            }
            defer { closedir(directory) }
            var isEmpty = true
            while true {
                errno = 0
                guard let entry = readdir(directory) else {
                    guard errno == 0 else { return false }
                    if isEmpty, !prefix.isEmpty { emptyFolders.append(String(prefix.dropLast())) }
                    return true
                }
                // Names of ASCII bytes only: Swift compares strings by canonical equivalence and mends bytes
                // that are not UTF-8, either of which would make a path of the listing name another file.
                guard let name = withUnsafeBytes(of: entry.pointee.d_name, { raw -> String? in
                    let bytes = raw.prefix { $0 != 0 }
                    return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
                }) else { return false }
                if name == "." || name == ".." { continue }
                isEmpty = false
                var kind = Int32(entry.pointee.d_type)
                if kind == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = Int32(DT_DIR)
                    case S_IFREG: kind = Int32(DT_REG)
                    default: return false
                    }
                }
                let relative = prefix + name
                switch kind {
                case Int32(DT_DIR):
                    folders.insert(relative)
                    let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    guard child >= 0 else { return false }
                    guard SpareTree.makeWritable(child) else {
                        close(child)
                        return false
                    }
                    guard collect(child, prefix: relative + "/") else { return false }
                case Int32(DT_REG):
                    files.insert(relative)
                default:
                    return false
                }
            }
        }
    }
}
