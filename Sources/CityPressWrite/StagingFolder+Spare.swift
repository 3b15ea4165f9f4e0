import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A staging folder that is the spare: the output an earlier `--incremental` build replaced, kept beside
/// the output, whose files are mostly the output's own files (hard links). The build changes only the
/// entries that differ, then deletes what the new site does not have, and swaps as usual; the output it
/// replaces becomes the next spare.
///
/// A spare's file is never written through: it may be the output's file, and the output must stay as it
/// was until the swap. It is unlinked first, and the new file made beside.
extension StagingFolder {
    /// Whether the spare's file at `relativePath` is the file of device `device` and inode `inode` (the
    /// output's file there), so that nothing needs to be done to take it.
    func spareHolds(_ relativePath: String, device: UInt64, inode: UInt64) -> Bool {
        guard let spare, spare.files.contains(relativePath) else { return false }
        var info = stat()
        let place = handles.location(of: relativePath, in: path)
        return fstatat(place.folder, place.path, &info, AT_SYMLINK_NOFOLLOW) == 0 && UInt64(truncatingIfNeeded: info.st_dev) == device
            && UInt64(truncatingIfNeeded: info.st_ino) == inode
    }

    /// Deletes what the spare held at `relativePath` (a file, or a folder where a file now goes).
    func clearSpareEntry(_ relativePath: String) throws {
        guard let spare else { return }
        let full = path + "/" + relativePath
        if spare.folders.contains(relativePath) {
            try FolderTree.remove(full)
        } else if spare.files.contains(relativePath), unlink(full) != 0, errno != ENOENT {
            throw POSIXError(errno, path: full)
        }
    }

    /// Deletes every file and folder the spare held that this build did not write: the pages of a removed
    /// city, and anything else left in it. Called once every file is written, before the swap.
    package func removeLeftoverFiles() throws {
        guard let spare else { return }
        let written = log.files
        var emptied = Set(spare.emptyFolders)
        for file in spare.files where written[file] == nil {
            let full = path + "/" + file
            // Gone already, or a folder now: this build made one where the spare had a file.
            if unlink(full) != 0 && errno != ENOENT && errno != ENOTDIR && !Self.isFolder(full) { throw POSIXError(errno, path: full) }
            if let slash = file.lastIndex(of: "/") { emptied.insert(String(file[..<slash])) }
        }
        // A folder left empty holds nothing the new site wrote; its parent may then be empty too. Deepest
        // first, and `rmdir` only: a folder with anything in it stays.
        for folder in emptied.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            var current = Substring(folder)
            while rmdir(path + "/" + current) == 0, let slash = current.lastIndex(of: "/") {
                current = current[..<slash]
            }
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Keeps the output just replaced, now at `oldOutput`, as the next build's spare when this build makes
    /// one (`spareDestination`); deletes it otherwise, or when it cannot be moved there.
    func keepAsSpare(_ oldOutput: String) {
        // Where a spare is already (another build's), this one is deleted instead: the shared name is
        // never deleted in place, as another build may be taking that folder.
        if let spareDestination, rename(oldOutput, spareDestination) == 0 { return }
        try? FolderTree.remove(oldOutput)
    }
}
