import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder beside the output where a build writes the new site, swapped in whole at the end.
///
/// Writes go straight to the file system with POSIX calls (no per-file `fsync`, no temporary files:
/// the whole folder is the unit that is swapped in), and may come from several threads at once.
public struct StagingFolder: PageSink {
    /// The staging folder's absolute path.
    public let path: String
    /// The output folder it replaces.
    public let destination: String
    /// The output folder as the user named it.
    public let displayPath: String
    /// Folders made so far, below `path`.
    private let created = CreatedFolders()

    package init(path: String, destination: String, displayPath: String) {
        self.path = path
        self.destination = destination
        self.displayPath = displayPath
    }

    /// Writes one file, creating its folders.
    public func write(_ contents: [UInt8], to relativePath: String) throws {
        let full = path + "/" + relativePath
        if let slash = relativePath.lastIndex(of: "/") {
            try makeFolders(String(relativePath[..<slash]))
        }
        try contents.withUnsafeBufferPointer { bytes in
            let descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(errno, path: full) }
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(errno, path: full)
                }
                offset += written
            }
        }
    }

    /// `mkdir -p` below the staging folder; safe when several threads create the same folder.
    /// The folder itself is tried first (its parents usually exist), and each is made once.
    private func makeFolders(_ relative: String) throws {
        guard !created.contains(relative) else { return }
        let full = path + "/" + relative
        if mkdir(full, 0o755) != 0 && errno != EEXIST {
            guard errno == ENOENT, let slash = relative.lastIndex(of: "/") else { throw POSIXError(errno, path: full) }
            try makeFolders(String(relative[..<slash]))
            if mkdir(full, 0o755) != 0 && errno != EEXIST { throw POSIXError(errno, path: full) }
        }
        created.insert(relative)
    }

    /// Replaces the output folder by the staging folder. The old output is moved aside first and
    /// put back if the swap fails.
    public func commit() throws {
        let manager = FileManager.default
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let old = parent + "/.\(name).citypress-old-\(ProcessInfo.processInfo.processIdentifier)"
        try? FolderTree.remove(old)
        let hadOutput = manager.fileExists(atPath: destination)
        if hadOutput, rename(destination, old) != 0 { throw POSIXError(errno, path: destination) }
        if rename(path, destination) != 0 {
            let error = POSIXError(errno, path: destination)
            if hadOutput { _ = rename(old, destination) }
            throw error
        }
        if hadOutput { try? FolderTree.remove(old) }
    }

    /// Deletes the staging folder, leaving the output as it was.
    public func discard() {
        try? FolderTree.remove(path)
    }
}

/// A failed system call on a path.
package struct POSIXError: Error, CustomStringConvertible {
    package let code: Int32
    package let path: String
    package init(_ code: Int32, path: String) {
        self.code = code
        self.path = path
    }
    package var description: String { "\(path): \(String(cString: strerror(code)))" }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
