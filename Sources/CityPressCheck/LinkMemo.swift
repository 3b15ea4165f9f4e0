#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Links already resolved by one worker, for links whose target does not depend on the page they are on:
/// root-relative links, and relative links that climb (`../../`) to the site's root before naming
/// anything. Most links of a generated site are those (every city page links the same declarations,
/// commitments and menus from the same depth), so most are found here instead of resolved again.
///
/// One memo per worker thread: it is not shared, so it takes no lock.
package final class LinkMemo {
    package init() {}

    private var entries: [UInt64: (url: [UInt8], target: LinkTarget)] = [:]

    /// The target remembered for `url`, whose hash is `hash`.
    @inline(__always)
    package func target(for url: UnsafeBufferPointer<UInt8>, hash: UInt64) -> LinkTarget? {
        guard let entry = entries[hash], entry.url.count == url.count else { return nil }
        let same = entry.url.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = url.baseAddress else { return true }  // both empty
            return memcmp(left, right, url.count) == 0
        }
        return same ? entry.target : nil
    }

    /// Remembers `target` for `url` (a second URL with the same hash is not remembered).
    package func store(_ target: LinkTarget, for url: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if entries[hash] == nil { entries[hash] = (Array(url), target) }
    }

    /// Whether `url` leads to the same place from every page with `depth` folders above it.
    @inline(__always)
    package static func isIndependent(_ url: UnsafeBufferPointer<UInt8>, depth: Int) -> Bool {
        guard let first = url.first, first > 0x20 else { return false }
        if first == UInt8(ascii: "/") || hasScheme(url) { return !url.contains(UInt8(ascii: "#")) }
        var climbs = 0, index = 0
        while climbs < depth, index + 2 < url.count, url[index] == UInt8(ascii: "."), url[index + 1] == UInt8(ascii: "."),
              url[index + 2] == UInt8(ascii: "/") {
            climbs += 1
            index += 3
        }
        return climbs == depth && !url.contains(UInt8(ascii: "#"))
    }

    /// Whether `url` starts with a scheme (`https:`): absolute links lead to one place from every page.
    @inline(__always)
    private static func hasScheme(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        for (offset, byte) in url.prefix(16).enumerated() {
            if byte == UInt8(ascii: ":") { return offset > 0 }
            let isSchemeByte = (byte | 0x20) &- 0x61 < 26 || (offset > 0 && (byte &- 0x30 < 10 || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
            if !isSchemeByte { return false }
        }
        return false
    }
}
