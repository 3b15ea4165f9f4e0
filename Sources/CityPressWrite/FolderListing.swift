import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files below a folder, with plain POSIX calls (an output holds tens of thousands of files).
package enum FolderListing {
    /// Every entry below `root` that is not a folder (files, symbolic links), as paths relative to
    /// `root` joined with `/`; empty when `root` cannot be read.
    package static func files(below root: String) -> [String] {
        var found: [String] = []
        collect(root, prefix: "", into: &found)
        return found
    }

    /// The first entry below `root`, at any depth, whose name is in `names`, as a path relative to
    /// `root` (names compared in sorted order, each folder before what is below it; links are not
    /// followed); `nil` when there is none or `root` cannot be read.
    package static func firstEntry(named names: Set<String>, below root: String) -> String? {
        guard let entries = entries(of: root)?.sorted(by: { $0.name < $1.name }) else { return nil }
        if let found = entries.first(where: { names.contains($0.name) }) { return found.name }
        for entry in entries where entry.isFolder {
            if let found = firstEntry(named: names, below: root + "/" + entry.name) { return entry.name + "/" + found }
        }
        return nil
    }

    /// The entries of the folder `path` (not `.` and `..`), each with whether it is a folder itself (not
    /// a link to one); `nil` when it cannot be read.
    private static func entries(of path: String) -> [(name: String, isFolder: Bool)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }

    private static func collect(_ folder: String, prefix: String, into found: inout [String]) {
        for entry in entries(of: folder) ?? [] {
            if entry.isFolder {
                collect(folder + "/" + entry.name, prefix: prefix + entry.name + "/", into: &found)
            } else {
                found.append(prefix + entry.name)
            }
        }
    }
}
