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
    /// A direct-mapped table: a link's slot is chosen by its first hash; its second hash confirms it (a
    /// wrong answer needs two different links to agree on 64 more bits); a link that lands on a taken
    /// slot replaces what was there. Only links to a file of the site are remembered, as its entry:
    /// sixteen bytes a slot keep the table in the core's cache (a table of whole `LinkTarget`s, three
    /// times larger, missed the cache on most lookups).
    private static let slotCount = 1 << 15
    private struct Slot {
        var check: UInt64 = 0
        /// The file's entry in the output index; -1 for none.
        var entry: Int32 = -1
    }
    /// Owned by this memo, used by one worker at a time (`@unchecked Sendable`: a pool may hand it to
    /// another thread between pages, never to two at once).
    private let slots: UnsafeMutablePointer<Slot>

    package init() {
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: Slot(), count: Self.slotCount)
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
        let slot = slots[Int(truncatingIfNeeded: hashes.0) & (Self.slotCount - 1)]
        guard slot.check == hashes.1, slot.entry >= 0 else { return nil }
        return .file(Int(slot.entry), fragment: nil)
    }

    /// Remembers `target` for the link whose fingerprint is `hashes`, if it is a file of the site.
    @inline(__always)
    package func store(_ target: LinkTarget, for hashes: (UInt64, UInt64)) {
        guard case .file(let entry, nil) = target, let compact = Int32(exactly: entry) else { return }
        slots[Int(truncatingIfNeeded: hashes.0) & (Self.slotCount - 1)] = Slot(check: hashes.1, entry: compact)
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
