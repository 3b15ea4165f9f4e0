#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a page could not be kept in, or read back from, a `PagePack`.
package enum PagePackError: Error, Equatable, CustomStringConvertible {
    /// Writing failed with this `errno` (`ENOSPC` when the temporary folder is full).
    case writeFailed(errno: Int32)
    /// The system wrote none of the bytes and reported no error: the page was not kept.
    case wroteNothing
    /// Reading failed with this `errno` (`EIO`: the disk under the temporary folder failed).
    case readFailed(errno: Int32)
    /// The file ended before the page did: it was cut short since the page was written.
    case endedEarly

    /// One clause for a message: what failed and why, as `strerror` says it.
    package var description: String {
        switch self {
        case .writeFailed(let code): "the preview could not keep a page in its temporary file (\(Self.reason(code)))"
        case .wroteNothing: "the preview could not keep a page in its temporary file (the system wrote nothing and reported no error)"
        case .readFailed(let code): "the preview could not read a page back from its temporary file (\(Self.reason(code)))"
        case .endedEarly: "the preview could not read a page back from its temporary file (the file ends before the page does)"
        }
    }

    /// The system's text for `code`.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
