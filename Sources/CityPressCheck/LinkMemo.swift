#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Links already resolved by one worker, for links whose target does not depend on the page they are on:
/// root-relative links, and relative links that climb (`../../`) to the site's root before naming
/// anything, remembered by what follows the climb. Most links of a generated site are those (every city
/// page links the same declarations, commitments and menus; declaration, commitment and country pages
/// link the same cities from different depths), so most are found here instead of resolved again.
///
/// One memo per worker thread: it is not shared, so it takes no lock.
package final class LinkMemo: @unchecked Sendable {
    /// A two-way table: a link's bucket is chosen by its first hash; its second hash confirms it (a
    /// wrong answer needs two different links to agree on 40 more bits). A bucket is two slots of eight
    /// bytes, one fetch from memory; a link that finds both taken replaces the older. Only links to a
    /// file of the site are remembered, as its entry. The table (256 KB) stays in the core's cache
    /// beside the pages being read: a table of 16-byte slots filled it, and the load of a slot was
    /// two thirds of resolving a link.
    private static let bucketCount = 1 << 14
    /// A slot: the check in the high 40 bits, the entry in the low 24 (0: empty, else entry + 1).
    private static let entryBits: UInt64 = 24
    private static let entryMask: UInt64 = (1 << entryBits) - 1
    /// Owned by this memo, used by one worker at a time (`@unchecked Sendable`: a pool may hand it to
    /// another thread between pages, never to two at once). Two slots per bucket, the newer first.
    private let slots: UnsafeMutablePointer<UInt64>
    /// The same worker's spans of markup found clean on earlier pages.
    package let cleanSpans = CleanSpans()

    package init() {
        slots = .allocate(capacity: 2 * Self.bucketCount)
        slots.initialize(repeating: 0, count: 2 * Self.bucketCount)
    }

    deinit { slots.deallocate() }

    /// The two hashes of a key (`key(of:depth:)`), computed in one pass eight bytes at a time.
    @inline(__always)
    package static func fingerprint(_ url: UnsafeBufferPointer<UInt8>, fromRoot: Bool = false) -> (UInt64, UInt64) {
        // A path from the root and a whole link with the same bytes are different keys.
        let kind: UInt64 = fromRoot ? 0x5555_5555_5555_5555 : 0
        guard let base = url.baseAddress else { return (kind, ~kind) }
        let raw = UnsafeRawPointer(base)
        var first = (UInt64(url.count) ^ kind) &* 0x9E37_79B9_7F4A_7C15, second = (UInt64(url.count) ^ kind) &+ 0xD6E8_FEB8_6659_FD93
        var offset = 0
        while offset + 8 <= url.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            first = (first ^ word) &* 0xBF58_476D_1CE4_E5B9
            first ^= first >> 31
            second = (second ^ word) &* 0x94D0_49BB_1331_11EB
            second ^= second >> 29
            offset += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while offset < url.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        first = (first ^ tail) &* 0xBF58_476D_1CE4_E5B9
        second = (second ^ tail) &* 0x94D0_49BB_1331_11EB
        return (first ^ (first >> 32), second ^ (second >> 32))
    }

    /// The target remembered for the link whose fingerprint is `hashes`.
    @inline(__always)
    package func target(for hashes: (UInt64, UInt64)) -> LinkTarget? {
        let bucket = slots + 2 * (Int(truncatingIfNeeded: hashes.0) & (Self.bucketCount - 1))
        let check = hashes.1 & ~Self.entryMask
        var slot = bucket[0]
        if slot & ~Self.entryMask != check {
            slot = bucket[1]
            guard slot & ~Self.entryMask == check else { return nil }
        }
        guard slot & Self.entryMask != 0 else { return nil }
        return .file(Int(slot & Self.entryMask) - 1, fragment: nil)
    }

    /// Remembers `target` for the link whose fingerprint is `hashes`, if it is a file of the site.
    @inline(__always)
    package func store(_ target: LinkTarget, for hashes: (UInt64, UInt64)) {
        guard case .file(let entry, nil) = target, entry >= 0, UInt64(entry) + 1 <= Self.entryMask else { return }
        let bucket = slots + 2 * (Int(truncatingIfNeeded: hashes.0) & (Self.bucketCount - 1))
        bucket[1] = bucket[0]
        bucket[0] = hashes.1 & ~Self.entryMask | (UInt64(entry) + 1)
    }

    /// Whether `url` leads to the same place from every page with `depth` folders above it.
    @inline(__always)
    package static func isIndependent(_ url: UnsafeBufferPointer<UInt8>, depth: Int) -> Bool {
        key(of: url, depth: depth) != nil
    }

    /// What decides where `url` leads from a page `depth` folders deep, when the page does not: the
    /// whole link for a root-relative or absolute one, and what follows the `../` that climb to the root
    /// for a relative one (`cities/x/` of `../../cities/x/`), so the same target linked from pages at
    /// different depths is one entry. `nil` when the page matters (a link that stays below the page's
    /// folder, or one with a `#fragment`).
    @inline(__always)
    package static func key(of url: UnsafeBufferPointer<UInt8>, depth: Int) -> (bytes: UnsafeBufferPointer<UInt8>, fromRoot: Bool)? {
        guard let first = url.first, first > 0x20, !hasFragment(url) else { return nil }
        if first == UInt8(ascii: "/") || hasScheme(url) { return (url, false) }
        var climbs = 0, index = 0
        while climbs < depth, index + 2 < url.count, url[index] == UInt8(ascii: "."), url[index + 1] == UInt8(ascii: "."),
              url[index + 2] == UInt8(ascii: "/") {
            climbs += 1
            index += 3
        }
        guard climbs == depth else { return nil }
        return (UnsafeBufferPointer(rebasing: url[index...]), true)
    }

    /// Whether `url` has a `#`, found with `memchr`.
    @inline(__always)
    private static func hasFragment(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = url.baseAddress else { return false }
        return memchr(base, Int32(UInt8(ascii: "#")), url.count) != nil
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
