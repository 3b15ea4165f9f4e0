import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Records read earlier, kept with their file's size and modification time, so that a rebuild (the
/// preview's) parses only the files that changed. Loading with a cache gives the same records and
/// diagnostics as loading without one.
public final class LoadCache: @unchecked Sendable {
    package struct Stamp: Hashable {
        package let size: Int64
        package let seconds: Int
        package let nanoseconds: Int
        package let variant: Bool
    }

    /// One kind's files, by path. Typed by the kind's record, so that a file's lookup needs no cast.
    package final class Entries<Record: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [String: (stamp: Stamp, record: Record?, diagnostics: [Diagnostic])] = [:]

        /// The cached result for `path` when its stamp (with `variant`, the settings parsing
        /// depended on) is unchanged; otherwise `load()`'s, kept for next time.
        package func result(at path: String, variant: Bool,
                            load: () -> (record: Record?, diagnostics: [Diagnostic]))
            -> (record: Record?, diagnostics: [Diagnostic]) {
            let stamp = LoadCache.stamp(of: path, variant: variant)
            if let stamp, let cached = lock.withLock({ results[path] }), cached.stamp == stamp {
                return (cached.record, cached.diagnostics)
            }
            let loaded = load()
            if let stamp { lock.withLock { results[path] = (stamp, loaded.record, loaded.diagnostics) } }
            return loaded
        }
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
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = info.modificationTime
        return Stamp(size: Int64(info.st_size), seconds: modified.tv_sec, nanoseconds: modified.tv_nsec, variant: variant)
    }
}
