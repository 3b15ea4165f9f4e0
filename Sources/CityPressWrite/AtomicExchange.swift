import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps the names of two paths in one step of the file system: Linux `renameat2(RENAME_EXCHANGE)`
/// (3.15+, on ext4, xfs, btrfs, tmpfs…), macOS `renamex_np(RENAME_SWAP)` (APFS).
package enum AtomicExchange {
    package enum Outcome: Equatable {
        /// `a` now names what `b` named, and `b` what `a` named.
        case exchanged
        /// The system or file system has no exchange: rename some other way.
        case unsupported
        /// The exchange failed with this `errno`; nothing changed.
        case failed(Int32)
    }

    /// Exchanges `a` and `b`, which must both exist.
    package static func exchange(_ a: String, _ b: String) -> Outcome {
        #if canImport(Glibc)
        // Looked up at run time: glibc declares renameat2 only with _GNU_SOURCE, which Swift's Glibc
        // module does not set, and glibc before 2.28 has none.
        guard let renameat2 else { return .unsupported }
        let renameExchange: UInt32 = 1 << 1
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return .exchanged }
        #elseif canImport(Darwin)
        if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return .exchanged }
        #else
        return .unsupported
        #endif
        let code = errno
        return code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP ? .unsupported : .failed(code)
    }

    #if canImport(Glibc)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        // RTLD_DEFAULT is the null handle on glibc: search every loaded library.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
