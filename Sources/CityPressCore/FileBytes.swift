import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls: `FileManager.contents(atPath:)` cost about three times as
/// much for the ten thousand small records of a large site.
package enum FileBytes {
    /// The bytes of the regular file at `path`, read to its end; `nil` when it cannot be opened or
    /// read, or is not a regular file.
    package static func read(_ path: String) -> [UInt8]? {
        var info = stat()
        return read(path, info: &info)
    }

    /// `read(_:)`, also giving the `fstat` of the file read (its stamp belongs to these very bytes,
    /// even when the path is switched to another file meanwhile).
    package static func read(_ path: String, info: inout stat) -> [UInt8]? {
        // Non-blocking, so that a FIFO named like a content file is refused instead of waiting forever
        // for a writer; reads of a regular file ignore the flag.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // One byte more than its size, so that a file that grew since `fstat` is read to its end too.
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let asked = bytes.count - filled
            let got = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { systemRead(descriptor, $0 + filled, asked) } ?? -1
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += got
            // A regular file gives less than asked only at its end: no second call to be told so (at ten
            // thousand small records, one system call in five).
            if got < asked { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
