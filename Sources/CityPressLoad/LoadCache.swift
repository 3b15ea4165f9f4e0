import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Records read earlier, kept with their file's stamp, so that a rebuild (the preview's, or an
/// `--incremental` build given the records a previous process stored: `StoredRecords`) parses only
/// the files that changed. Loading with a cache gives the same records and diagnostics as loading
/// without one.
public final class LoadCache: @unchecked Sendable {
    /// What tells that a file is unchanged: its size, modification and status-change times, inode and
    /// device (any write changes the status-change time, which no tool can set back), and `variant`, the
    /// settings parsing depended on.
    package struct Stamp: Hashable, Sendable {
        package var size: Int
        package var modified: Int
        package var changed: Int
        package var inode: UInt64
        package var device: UInt64
        package var variant: Bool
    }

    /// One kind's files, by path. Typed by the kind's record, so that a file's lookup needs no cast.
    package final class Entries<Record: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [String: (stamp: Stamp, record: Record?, diagnostics: [Diagnostic])] = [:]
        /// Records stored by an earlier process, still encoded: where each is in `storedBytes`, and its
        /// place in `asked`.
        private var stored: [String: (stamp: Stamp, bytes: Range<Int>, index: Int)] = [:]
        private var storedBytes: [UInt8] = []
        /// Of the stored records, those given since they were taken (not kept in `results`: at ten
        /// thousand files, the dictionary's growth was a third of a load).
        private var asked: [Bool] = []
        /// The record type as `StoredRecords` reads it, when it can be stored.
        let storable = Record.self as? any StorableRecord.Type

        /// The cached result for `path` when its stamp (with `variant`, the settings parsing
        /// depended on) is unchanged; otherwise `load()`'s, kept for next time. `stamp` is the file's
        /// stamp, when the caller took it (from its folder: shorter to look up than the path).
        /// `load` may give the stamp of the file it read, which is then the one kept.
        package func result(at path: String, variant: Bool, stamp given: Stamp?? = nil,
                            load: () -> (record: Record?, diagnostics: [Diagnostic], read: Stamp?))
            -> (record: Record?, diagnostics: [Diagnostic]) {
            let stamp = given ?? LoadCache.stamp(of: path, variant: variant)
            if let stamp {
                let (cached, kept) = lock.withLock { (results[path], stored[path]) }
                if let cached, cached.stamp == stamp { return (cached.record, cached.diagnostics) }
                if cached == nil, let kept, kept.stamp == stamp, let record = restore(kept.bytes) {
                    lock.withLock { asked[kept.index] = true }
                    return (record, [])
                }
            }
            let loaded = load()
            if let stamp = loaded.read ?? stamp {
                lock.withLock {
                    results[path] = (stamp, loaded.record, loaded.diagnostics)
                    if let kept = stored.removeValue(forKey: path) { asked[kept.index] = false }
                }
            }
            return (loaded.record, loaded.diagnostics)
        }

        /// The stored record at `range` of `storedBytes`; `nil` when it cannot be read back.
        private func restore(_ range: Range<Int>) -> Record? {
            guard let storable else { return nil }
            return storedBytes.withUnsafeBytes { bytes -> Record? in
                var reader = RecordReader(UnsafeRawBufferPointer(rebasing: bytes[range]))
                guard let record = storable.restore(from: &reader), reader.isAtEnd else { return nil }
                return record as? Record
            }
        }

        /// Takes records an earlier process stored: `entries` name their files, their stamps and where
        /// each record's bytes are in `bytes`. A file's own result, once known, takes precedence.
        func takeStored(_ entries: [String: (stamp: Stamp, bytes: Range<Int>)], in bytes: [UInt8]) {
            lock.withLock {
                var index = 0
                stored = entries.mapValues { entry in
                    defer { index += 1 }
                    return (entry.stamp, entry.bytes, index)
                }
                storedBytes = bytes
                asked = Array(repeating: false, count: entries.count)
            }
        }

        /// Every file whose record can be stored and was read without a problem, with its stamp, by path;
        /// a stored record given since comes as its stored bytes. `changed` tells whether that differs
        /// from the records stored: a file was parsed, or a stored one was not asked for.
        func storableResults() -> (results: [(path: String, stamp: Stamp, record: StoredForm)], changed: Bool) {
            guard storable != nil else { return ([], false) }
            return lock.withLock {
                var found = results.compactMap { path, result -> (path: String, stamp: Stamp, record: StoredForm)? in
                    guard result.diagnostics.isEmpty, let record = result.record as? any StorableRecord else { return nil }
                    return (path, result.stamp, .record(record))
                }
                var askedCount = 0
                for (path, entry) in stored where asked[entry.index] && results[path] == nil {
                    found.append((path, entry.stamp, .stored(entry.bytes)))
                    askedCount += 1
                }
                return (found, !results.isEmpty || askedCount != asked.count)
            }
        }

        /// Calls `body` with the bytes stored records are in.
        func withStoredBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
            storedBytes.withUnsafeBytes(body)
        }
    }

    /// A record as `StoredRecords` writes it: made again, or as the bytes it was restored from.
    package enum StoredForm {
        case record(any StorableRecord)
        /// The bytes at this range of the entries' stored bytes (`Entries.withStoredBytes`).
        case stored(Range<Int>)
    }

    private let lock = NSLock()
    private var kinds: [ObjectIdentifier: AnyObject] = [:]

    /// The interfaces made from the templates' tables, kept likewise.
    public let interfaces = InterfaceCache()

    /// An empty cache.
    public init() {}

    /// The entries of `Kind`'s files, made when first asked for.
    package func entries<Kind: ContentKind>(of kind: Kind.Type) -> Entries<Kind.Record> {
        lock.withLock {
            if let entries = kinds[ObjectIdentifier(kind)] as? Entries<Kind.Record> { return entries }
            let entries = Entries<Kind.Record>()
            kinds[ObjectIdentifier(kind)] = entries
            return entries
        }
    }

    /// The file's stamp; `nil` when it cannot be read (then it is always parsed).
    package static func stamp(of path: String, variant: Bool = false) -> Stamp? {
        stamp(of: path, in: AT_FDCWD, variant: variant)
    }

    /// The stamp of the file `name` of the folder open as `folder` (see `openFolder`), following links as `stat` does.
    package static func stamp(of name: String, in folder: Int32, variant: Bool = false) -> Stamp? {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0 else { return nil }
        return stamp(of: info, variant: variant)
    }

    /// The stamp `info` (a file's `stat`) gives.
    package static func stamp(of info: stat, variant: Bool = false) -> Stamp {
        Stamp(size: Int(info.st_size), modified: info.modificationTime.nanoseconds, changed: info.statusChangeTime.nanoseconds,
              inode: UInt64(truncatingIfNeeded: info.st_ino), device: UInt64(truncatingIfNeeded: info.st_dev), variant: variant)
    }

    /// The folder at `path` opened to take its files' stamps from; -1 when it cannot be.
    package static func openFolder(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// Closes a folder `openFolder` opened (nothing for -1).
    package static func closeFolder(_ descriptor: Int32) {
        if descriptor >= 0 { close(descriptor) }
    }
}
