import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures a test makes the staging folder meet, where the file system cannot be made to fail on
/// demand (a full disk needs a small file system to mount; permissions mean nothing to root).
///
/// The writer asks before every file and before the swap; `nil` answers mean "no fault here".
package final class WriteFaults: @unchecked Sendable {
    /// A failed write: `keptBytes` of the file reach the disk, then the call fails with `code`.
    package struct Fault: Sendable, Equatable {
        package var keptBytes: Int
        package var code: Int32
        package init(keptBytes: Int, code: Int32) {
            self.keptBytes = keptBytes
            self.code = code
        }
    }

    private let lock = NSLock()
    private var writes = 0
    private let failingWrite: Int?
    private let writeFault: Fault
    private let failingCommitStep: Int?
    /// Makes the swap take the two-rename way, as on a file system that cannot exchange two names.
    package let exchangeUnavailable: Bool

    /// - Parameters:
    ///   - failingWrite: the write (counted from 1, in the order they happen) that fails, and every one after it
    ///     (a disk that is full stays full); `nil` for none.
    ///   - fault: how it fails: by default half the file is written, then `ENOSPC` ("No space left on device").
    ///   - failingCommitStep: the rename of the swap that fails with `EIO` (1: the old output moved aside,
    ///     2: the staging folder moved in); `nil` for none.
    ///   - exchangeUnavailable: swap by two renames, not by one exchange.
    package init(failingWrite: Int? = nil, fault: Fault? = nil, failingCommitStep: Int? = nil,
                 exchangeUnavailable: Bool = false) {
        self.failingWrite = failingWrite
        self.writeFault = fault ?? Fault(keptBytes: -1, code: ENOSPC)
        self.failingCommitStep = failingCommitStep
        self.exchangeUnavailable = exchangeUnavailable
    }

    /// How the next write, of `byteCount` bytes, fails; `nil` when it succeeds.
    package func nextWrite(byteCount: Int) -> Fault? {
        let number = lock.withLock { () -> Int in
            writes += 1
            return writes
        }
        guard let failingWrite, number >= failingWrite else { return nil }
        var fault = writeFault
        if fault.keptBytes < 0 { fault.keptBytes = byteCount / 2 }
        fault.keptBytes = min(fault.keptBytes, byteCount)
        return fault
    }

    /// The error of rename `step` of the swap, if it is to fail.
    package func commitFault(step: Int) -> Int32? {
        step == failingCommitStep ? EIO : nil
    }

    /// Writes asked for so far.
    package var writesSeen: Int { lock.withLock { writes } }
}
