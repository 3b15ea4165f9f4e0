import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file of the running CityPress binary: its resolved path, device, inode, size and modification time
/// (nanoseconds). Any binary built again, installed again or copied elsewhere has another identity, so a
/// record of what one binary wrote (`OutputStamps`) is not trusted by another, which may render differently
/// under the same version number.
package struct ToolIdentity: Sendable, Equatable {
    package var path: String
    package var device: UInt64
    package var inode: UInt64
    package var size: Int
    package var modified: Int

    package init(path: String, device: UInt64, inode: UInt64, size: Int, modified: Int) {
        self.path = path
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The running binary's identity; `nil` when the system does not tell where it is.
    package static func current() -> ToolIdentity? {
        #if os(Linux)
        // The kernel's link names the file this process runs, even after it was replaced on disk; `stat`
        // through it reaches that very file.
        let link = "/proc/self/exe"
        guard let path = resolved(link) else { return nil }
        return identity(path: path, statPath: link)
        #else
        guard let named = Bundle.main.executablePath ?? CommandLine.arguments.first, let path = resolved(named) else { return nil }
        return identity(path: path, statPath: path)
        #endif
    }

    /// `path` with every symbolic link resolved (`realpath`).
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func identity(path: String, statPath: String) -> ToolIdentity? {
        var info = stat()
        guard stat(statPath, &info) == 0 else { return nil }
        let stamp = FileStamp(info)
        return ToolIdentity(path: path, device: stamp.device, inode: stamp.inode, size: stamp.size, modified: stamp.modified)
    }
}
