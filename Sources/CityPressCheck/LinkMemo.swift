/// Links already resolved by one worker, for links whose target does not depend on the page they are on:
/// root-relative links, and relative links that climb (`../../`) to the site's root before naming
/// anything. Most links of a generated site are those (every city page links the same declarations,
/// commitments and menus from the same depth), so most are found here instead of resolved again.
///
/// One memo per worker thread: it is not shared, so it takes no lock.
package final class LinkMemo {
    /// A direct-mapped table: a link's slot is chosen by its first hash; its second hash confirms it. Two
    /// different links agree on both 64-bit hashes with a chance of about 2⁻¹²⁸; a link that lands on a
    /// taken slot replaces what was there. (A dictionary keyed by the link's bytes cost twice as much.)
    private static let slotCount = 1 << 16  // a declaration page links every city: 10,000 links a worker meets again
    /// One slot's hashes and target side by side: a lookup touches one cache line, not three.
    private struct Slot {
        var first: UInt64 = 0
        var second: UInt64 = 0
        var target: LinkTarget?
    }
    private var slots = [Slot](repeating: Slot(), count: slotCount)

    package init() {}

    /// The two hashes of `url`, computed in one pass eight bytes at a time.
    @inline(__always)
    package static func fingerprint(_ url: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = url.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        var first = UInt64(url.count) &* 0x9E37_79B9_7F4A_7C15, second = UInt64(url.count) &+ 0xD6E8_FEB8_6659_FD93
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
        let slot = Int(truncatingIfNeeded: hashes.0) & (Self.slotCount - 1)
        return slots.withUnsafeBufferPointer { table in
            table[slot].first == hashes.0 && table[slot].second == hashes.1 ? table[slot].target : nil
        }
    }

    /// Remembers `target` for the link whose fingerprint is `hashes`.
    package func store(_ target: LinkTarget, for hashes: (UInt64, UInt64)) {
        let slot = Int(truncatingIfNeeded: hashes.0) & (Self.slotCount - 1)
        slots[slot] = Slot(first: hashes.0, second: hashes.1, target: target)
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
