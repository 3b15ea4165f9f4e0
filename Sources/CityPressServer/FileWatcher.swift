import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices changes below some folders by comparing snapshots of every file's size and modification
/// time. It works on every platform and file system (including network and container mounts, where
/// inotify events can go missing); a snapshot of a few thousand files takes a few milliseconds.
public struct FileWatcher: Sendable {
    /// One file's identity for change detection.
    package struct Stamp: Equatable, Sendable {
        package var isFolder = false
        package let size: Int64
        package let seconds: Int
        package let nanoseconds: Int
    }

    /// Paths to stamps.
    public struct Snapshot: Equatable, Sendable {
        fileprivate var stamps: [String: Stamp]
    }

    /// The folders watched, as the user named them.
    public let folders: [String]

    /// Watches `folders` (missing folders are watched for their creation).
    public init(folders: [String]) {
        self.folders = folders
    }

    /// The current state of every file below the folders (hidden files and editors' swap files ignored).
    public func snapshot() -> Snapshot {
        var stamps: [String: Stamp] = [:]
        var visited: Set<[UInt64]> = []
        for folder in folders {
            stamps[folder] = stamp(folder)
            if let info = Self.followedStat(folder) { visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]) }
            walk(folder.hasSuffix("/") ? folder : folder + "/", into: &stamps, visited: &visited)
        }
        return Snapshot(stamps: stamps)
    }

    /// Stamps everything below `folder` (which ends in `/`) with `readdir` and `fstatat`, skipping
    /// hidden entries and editors' backup and swap files. (FileManager's listing was 10 times slower,
    /// most of a 10,000-file preview rebuild.) A link is stamped as what it leads to, and a linked
    /// folder walked (each folder once: a link back up is no loop), as the loader reads through links.
    private func walk(_ folder: String, into stamps: inout [String: Stamp], visited: inout Set<[UInt64]>) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if Self.isIgnored(name) { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                var target = stat()
                if fstatat(descriptor, name, &target, 0) == 0 { info = target }
            }
            let path = folder + name
            let stamp = Self.stamp(info)
            stamps[path] = stamp
            if stamp.isFolder, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted {
                walk(path + "/", into: &stamps, visited: &visited)
            }
        }
    }

    /// Hidden entries and editors' backup and swap files (`EditorLeftovers`).
    package static func isIgnored(_ name: some StringProtocol) -> Bool {
        EditorLeftovers.isLeftover(name)
    }

    /// `snapshot` with the stamps of `paths` taken again (the paths the kernel reported touched), and
    /// the paths whose stamps changed, as `changes(from:to:)` would name them. `nil` when a path is
    /// or was a folder, or lies outside the watched folders: then only a whole snapshot tells.
    package func updating(_ snapshot: Snapshot, paths: Set<String>) -> (Snapshot, [String])? {
        var updated = snapshot
        var changed: [String] = []
        var parents: Set<String> = []
        for path in paths {
            guard let root = folders.first(where: { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { return nil }
            let relative = path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1)
            if relative.split(separator: "/").contains(where: { Self.isIgnored($0) }) { continue }
            if let slash = path.lastIndex(of: "/") { parents.insert(String(path[..<slash])) }
            let old = snapshot.stamps[path]
            let new = Self.followedStat(path).map(Self.stamp)
            if old?.isFolder == true || new?.isFolder == true { return nil }
            guard new != old else { continue }
            updated.stamps[path] = new
            changed.append(path)
        }
        // Their folders' listings changed too (kept up to date, though a folder is never named).
        for parent in parents where snapshot.stamps[parent]?.isFolder == true {
            updated.stamps[parent] = stamp(parent)
        }
        return (updated, changed.sorted())
    }

    private func stamp(_ path: String) -> Stamp {
        Self.followedStat(path).map(Self.stamp) ?? Stamp(size: -1, seconds: 0, nanoseconds: 0)
    }

    /// What `path` leads to, through a link; the link itself when it leads nowhere.
    private static func followedStat(_ path: String) -> stat? {
        var info = stat()
        if stat(path, &info) == 0 || lstat(path, &info) == 0 { return info }
        return nil
    }

    private static func stamp(_ info: stat) -> Stamp {
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        #if canImport(Darwin)
        return Stamp(isFolder: isFolder, size: Int64(info.st_size), seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec)
        #else
        return Stamp(isFolder: isFolder, size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        #endif
    }

    /// The paths that differ between two snapshots (added, removed or changed), sorted. A folder whose
    /// only change is its listing (a file saved through a rename) is not named; its files are.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var paths: Set<String> = []
        for (path, stamp) in new.stamps where old.stamps[path] != stamp {
            if stamp.isFolder, old.stamps[path]?.isFolder == true { continue }
            paths.insert(path)
        }
        for path in old.stamps.keys where new.stamps[path] == nil { paths.insert(path) }
        return paths.sorted()
    }
}
