import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says of one file, as far as an edit changes it: its device and inode, size, and the
/// times of its last modification and of its last status change (nanoseconds since 1970).
///
/// The status-change time (`ctime`) is what makes the stamp worth trusting: every write, link,
/// rename onto it or `touch -r` sets it to the kernel's clock, and no call lets a user set it back, so a
/// file edited by hand with its old modification time restored still has another stamp.
package struct FileStamp: Sendable, Equatable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int
    package var modified: Int
    package var changed: Int

    package init(device: UInt64, inode: UInt64, size: Int, modified: Int, changed: Int) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of what `stat` or `lstat` filled in.
    package init(_ info: stat) {
        self.init(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino), size: Int(info.st_size),
                  modified: info.modificationTime.nanoseconds, changed: info.statusChangeTime.nanoseconds)
    }

    /// The stamp of the regular file `name` names relative to the open folder `folder` (`AT_FDCWD`: the
    /// working folder), its last component not followed; `nil` for anything else or a failed call.
    package static func of(_ name: String, in folder: Int32 = AT_FDCWD) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }
}
