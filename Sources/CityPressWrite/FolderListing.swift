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

    private static func collect(_ folder: String, prefix: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                collect(path, prefix: prefix + name + "/", into: &found)
            } else {
                found.append(prefix + name)
            }
        }
    }
}
