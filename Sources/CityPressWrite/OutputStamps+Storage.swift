import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputStamps {
    /// What this machine recorded of an output folder, as the next build finds it.
    package enum Lookup: Equatable {
        /// A record of this output folder, written by this very binary.
        case found(OutputStamps)
        /// No record (a first build, a cleared cache, another user, a folder last built without `--incremental`).
        case missing
        /// A file that is not a record, or a damaged one.
        case unreadable
        /// A record of another output folder (two paths with the same hash).
        case otherOutput
        /// A record written by another CityPress binary.
        case otherTool
    }

    /// Where the record of the output folder `output` (its real absolute path) is kept: below
    /// `$XDG_CACHE_HOME/citypress/`, else `$HOME/.cache/citypress/`, named by a hash of the path (other
    /// files of the same folder's builds beside it, with another `fileExtension`);
    /// `nil` when the environment names neither (as an absolute path).
    package static func location(for output: String, fileExtension: String = "stamps",
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let cache: String
        if let folder = environment["XDG_CACHE_HOME"], folder.hasPrefix("/") {
            cache = folder
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            cache = (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.cache"
        } else {
            return nil
        }
        return cache + "/citypress/" + ContentHash.hex(of: Array(output.utf8)) + "." + fileExtension
    }

    /// `path` with every symbolic link resolved, or as it is when it cannot be (it does not exist).
    package static func realPath(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return path }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The record at `file` of the output folder `output` (its real absolute path), trusted only when
    /// it names that folder and the binary `tool`.
    package static func recorded(at file: String, for output: String, tool: ToolIdentity?) -> Lookup {
        guard let data = FileManager.default.contents(atPath: file) else {
            return FileManager.default.fileExists(atPath: file) ? .unreadable : .missing
        }
        guard let stamps = parse([UInt8](data)) else { return .unreadable }
        guard stamps.output == output else { return .otherOutput }
        guard let tool, stamps.tool == tool else { return .otherTool }
        return .found(stamps)
    }

    /// The stamps of the files `paths` (relative) in the output folder `output`, as they are now;
    /// `nil` when the folder cannot be opened. A path that is not a regular file has no stamp, and so
    /// is never kept.
    package static func take(of paths: some Collection<String>, in output: String, tool: ToolIdentity) -> OutputStamps? {
        let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        // On every core: at ten thousand cities, one `fstatat` after another was most of the record's time.
        let paths = Array(paths)
        var stamps = [FileStamp?](repeating: nil, count: paths.count)
        let chunk = 512
        stamps.withUnsafeMutableBufferPointer { stamps in
            nonisolated(unsafe) let stamps = stamps
            DispatchQueue.concurrentPerform(iterations: (paths.count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<min(paths.count, (part + 1) * chunk) {
                    stamps[index] = FileStamp.of(paths[index], in: folder)
                }
            }
        }
        var files: [String: FileStamp] = [:]
        files.reserveCapacity(paths.count)
        for (path, stamp) in zip(paths, stamps) { if let stamp { files[path] = stamp } }
        return OutputStamps(output: output, tool: tool, files: files)
    }

    /// Writes the record to `file`, creating its folder (readable by its owner only: it names the
    /// user's folders), replacing the last one in one rename.
    package func write(to file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
