import Foundation
import CityPressCore
import CityPressMarkdown
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

    private let lock = NSLock()
    private var cities: [String: (Stamp, CityRecord?, [Diagnostic])] = [:]
    private var declarations: [String: (Stamp, DeclarationRecord?, [Diagnostic])] = [:]

    /// An empty cache.
    public init() {}

    /// The file's stamp; `nil` when it cannot be read (then it is always parsed).
    package static func stamp(of path: String, variant: Bool = false) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Stamp(size: Int64(info.st_size), seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec, variant: variant)
        #else
        return Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, variant: variant)
        #endif
    }

    package func city(at path: String, load: () -> (CityRecord?, [Diagnostic])) -> (CityRecord?, [Diagnostic]) {
        let stamp = Self.stamp(of: path)
        if let stamp, let cached = lock.withLock({ cities[path] }), cached.0 == stamp { return (cached.1, cached.2) }
        let loaded = load()
        if let stamp { lock.withLock { cities[path] = (stamp, loaded.0, loaded.1) } }
        return loaded
    }

    package func declaration(at path: String, unsafeHTML: Bool,
                     load: () -> (DeclarationRecord?, [Diagnostic])) -> (DeclarationRecord?, [Diagnostic]) {
        let stamp = Self.stamp(of: path, variant: unsafeHTML)
        if let stamp, let cached = lock.withLock({ declarations[path] }), cached.0 == stamp { return (cached.1, cached.2) }
        let loaded = load()
        if let stamp { lock.withLock { declarations[path] = (stamp, loaded.0, loaded.1) } }
        return loaded
    }
}
