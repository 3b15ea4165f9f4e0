import Foundation
import CityPressCore

/// What a build did with each file it wrote, compared with the output it replaces: the change list
/// a deploy script uploads, and the manifest's sizes and fingerprints. Filled by the threads that
/// write pages.
package final class WriteLog: @unchecked Sendable {
    /// How a written file compares with the old output's file at the same path.
    package enum Outcome: Sendable, Equatable {
        /// The old output had no file there.
        case added
        /// The old output's file had other bytes.
        case changed
        /// The same bytes: the old file was kept (linked), with its modification time.
        case unchanged
    }

    /// One written file.
    package struct Entry: Sendable, Equatable {
        package var outcome: Outcome
        package var size: Int
        /// `ContentHash.hex` of its bytes.
        package var hash: String
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    package init() {}

    /// Records that `path` (relative to the output) was written with `bytes`.
    package func record(_ path: String, _ outcome: Outcome, bytes: [UInt8]) {
        let entry = Entry(outcome: outcome, size: bytes.count, hash: ContentHash.hex(of: bytes))
        lock.withLock { entries[path] = entry }
    }

    /// Records that `path` was kept from the old output, unread: its size and hash are the manifest's.
    package func recordKept(_ path: String, size: Int, hash: String) {
        let entry = Entry(outcome: .unchanged, size: size, hash: hash)
        lock.withLock { entries[path] = entry }
    }

    /// Whether `path` was recorded.
    package func contains(_ path: String) -> Bool { lock.withLock { entries[path] != nil } }

    /// Every file recorded, by path.
    package var files: [String: Entry] { lock.withLock { entries } }
}
