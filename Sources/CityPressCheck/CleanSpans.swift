#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spans of markup that one worker has read before and found to need nothing of the check: no problem,
/// no id, no `<h1>`, `<html>`, `<body>` or `<title>`, no link whose target depends on the page's own
/// folder (nor an external one, when they are collected). A generated site repeats such spans on page
/// after page (the menu, a declaration's row of commitment links on every city that endorsed it, a
/// city's line on every declaration it endorsed), and reading one again on another page at the same
/// depth would find the same nothing, so the inspector steps over it.
///
/// A span starts where the inspector is between two tokens with nothing open (no link, no title, no
/// `<svg>`, no raw text) and ends before the first `<` of a later line that has only spaces before it,
/// at least `shortestSpan` bytes on;
/// it is remembered only when the scanner's tokens end exactly there, by the span's own bytes (not at
/// the page's end, not after a title's or textarea's text), and nothing is open again.
/// Headings below `<h1>` are allowed: what a heading is checked against is the level of the heading
/// before it, so that level is part of the span's key, and the level the span leaves is remembered
/// with it. A span is known by two 64-bit hashes of its bytes, the page's depth, whether external
/// links are collected and that level, seeded per table: a wrong answer needs two different spans to
/// agree on the 60 bits of a slot and the 10 to 14 that chose it, and the seed keeps anyone from
/// writing two pages that do.
///
/// One table per worker (held by its `LinkMemo`): not shared, so it takes no lock.
package final class CleanSpans: @unchecked Sendable {
    /// A span's fingerprint: `bucket` from its bytes and the depth of the page it was read on, `check`
    /// from those and the level of the heading before it. In the table, `check` stands for the span,
    /// its low three bits holding the level of the last heading after it.
    package struct Key: Equatable, Sendable {
        var bucket: Int
        var check: UInt64
    }

    /// A span found, before the level of the heading before it is known (`PageInspector` finds the
    /// next span while it reads this one). A slot only ever holds a span found clean, so one read
    /// early is still a true answer after the table changed, or none.
    package struct Probe {
        /// Where the span starts in the page.
        package var start: Int
        /// Where it ends: before the `<` of the next span, or at the page's end.
        package var end: Int
        private var bucket: Int
        /// The check without the heading level (`Key.check` is this with the level mixed in).
        private var hash: UInt64
        /// The span's bucket in the table, and its slot among the recent spans (read at once: it is near).
        private let slots: UnsafeMutablePointer<UInt64>
        private let recentSlot: UnsafeMutablePointer<UInt64>
        private let recent: UInt64

        init(start: Int, end: Int, bucket: Int, hash: UInt64, table: UnsafeMutablePointer<UInt64>,
             recent: UnsafeMutablePointer<UInt64>) {
            self.start = start
            self.end = end
            self.bucket = bucket
            self.hash = hash
            slots = table + 2 * bucket
            recentSlot = recent + (bucket & (CleanSpans.recentCount - 1))
            self.recent = recentSlot.pointee
        }

        /// The key of this span after a heading of `level` (0: none yet).
        @inline(__always)
        package func key(afterHeading level: Int) -> Key {
            Key(bucket: bucket, check: CleanSpans.check(hash, level: level))
        }

        /// The level of the last heading after this span (0: none), if it was found clean after a
        /// heading of `level` before.
        @inline(__always)
        package func headingLevel(afterHeading level: Int) -> Int? {
            let check = CleanSpans.check(hash, level: level)
            if recent & ~CleanSpans.levelBits == check { return Int(recent & CleanSpans.levelBits) }
            for slot in 0..<2 where slots[slot] & ~CleanSpans.levelBits == check {
                recentSlot.pointee = slots[slot]
                return Int(slots[slot] & CleanSpans.levelBits)
            }
            return nil
        }
    }

    /// The bits of `Key.check` that hold a heading level.
    static let levelBits: UInt64 = 7

    /// A fixed two-way table, as `LinkMemo`'s: a span's bucket is chosen by its first hash; a bucket
    /// that is full forgets its older span. Losing a span only costs reading it again.
    private static let bucketCount = 1 << 14
    /// Two slots per bucket, the newer first; a slot is a key's `check` and a level, never 0 when taken.
    private let slots: UnsafeMutablePointer<UInt64>
    /// In front of the table, one slot per bucket's low bits for the spans found or stored last (8 KB,
    /// in the core's nearest cache): the menu and a declaration's row on city after city are found
    /// here. Waiting for a slot of the table (256 KB, shared with the pages being rendered) was a third
    /// of the time spent on a span.
    fileprivate static let recentCount = 1 << 10
    private let recent: UnsafeMutablePointer<UInt64>
    /// This table's seed: two pages cannot be made to have spans with one key without knowing it.
    private let seed = UInt64.random(in: .min ... .max)

    /// An empty table.
    package init() {
        slots = .allocate(capacity: 2 * Self.bucketCount)
        slots.initialize(repeating: 0, count: 2 * Self.bucketCount)
        recent = .allocate(capacity: Self.recentCount)
        recent.initialize(repeating: 0, count: Self.recentCount)
    }

    deinit {
        slots.deallocate()
        recent.deallocate()
    }

    /// The span that starts at `start` of `bytes`, on a page `depth` folders below the site's root,
    /// read by a check that does or does not collect external links, with its bucket read.
    @inline(__always)
    package func probe(spanAt start: Int, in bytes: UnsafeBufferPointer<UInt8>, depth: Int, collectsExternalLinks: Bool) -> Probe {
        let end = Self.end(ofSpanAt: start, in: bytes)
        let (first, second) = hashes(of: UnsafeBufferPointer(rebasing: bytes[start..<end]),
                                     context: Self.context(depth: depth, collectsExternalLinks: collectsExternalLinks))
        return Probe(start: start, end: end, bucket: Int(truncatingIfNeeded: first) & (Self.bucketCount - 1), hash: second,
                     table: slots, recent: recent)
    }

    /// The key of `span`, read on a page `depth` folders below the site's root after a heading of
    /// `level` (0: none yet).
    package func key(of span: UnsafeBufferPointer<UInt8>, depth: Int, collectsExternalLinks: Bool = false,
                     headingLevel level: Int = 0) -> Key {
        let (first, second) = hashes(of: span, context: Self.context(depth: depth, collectsExternalLinks: collectsExternalLinks))
        return Key(bucket: Int(truncatingIfNeeded: first) & (Self.bucketCount - 1), check: Self.check(second, level: level))
    }

    /// What besides its bytes decides what a span needs: the page's depth and whether external links are collected.
    @inline(__always)
    private static func context(depth: Int, collectsExternalLinks: Bool) -> UInt64 {
        UInt64(truncatingIfNeeded: depth &* 2 &+ (collectsExternalLinks ? 1 : 0) &+ 1)
    }

    /// The level of the last heading after the span with `key` (0: none), if it was found clean before.
    package func headingLevel(after key: Key) -> Int? {
        let recentSlot = recent[key.bucket & (Self.recentCount - 1)]
        if recentSlot & ~Self.levelBits == key.check { return Int(recentSlot & Self.levelBits) }
        let bucket = slots + 2 * key.bucket
        if bucket[0] & ~Self.levelBits == key.check { return Int(bucket[0] & Self.levelBits) }
        if bucket[1] & ~Self.levelBits == key.check { return Int(bucket[1] & Self.levelBits) }
        return nil
    }

    /// Remembers that the span with `key` is clean and leaves the last heading at `level` (0: none, 2…6).
    @inline(__always)
    package func insert(_ key: Key, headingLevel level: Int = 0) {
        let bucket = slots + 2 * key.bucket
        let slot = key.check | UInt64(truncatingIfNeeded: level) & Self.levelBits
        recent[key.bucket & (Self.recentCount - 1)] = slot
        if bucket[0] & ~Self.levelBits == key.check {
            bucket[0] = slot
            return
        }
        bucket[1] = bucket[0]
        bucket[0] = slot
    }

    /// A span's check: its second hash with the heading level before it mixed in, never 0, the level bits clear.
    @inline(__always)
    static func check(_ hash: UInt64, level: Int) -> UInt64 {
        ((hash ^ UInt64(truncatingIfNeeded: level &+ 1) &* 0xA24B_AED4_963E_E407) | 8) & ~levelBits
    }

    /// Two 64-bit hashes of `span` and `context`, with this table's seed.
    @inline(__always)
    private func hashes(of span: UnsafeBufferPointer<UInt8>, context: UInt64) -> (UInt64, UInt64) {
        let start = (context &* 0x9E37_79B9_7F4A_7C15) ^ seed
        var first = start ^ UInt64(span.count) ^ 0x2D35_8DCC_AA6C_78A5, second = start &+ UInt64(span.count) ^ 0x8BB8_4B93_962E_ACC9
        guard let base = span.baseAddress else { return (first, second) }
        let raw = UnsafeRawPointer(base)
        // Sixteen bytes per step, one wide multiplication per hash (wyhash's mixing): the bytes of a
        // whole site go through here, so this is most of the cost of knowing a span. The hash so far
        // is carried past each product (rotated), so a block that makes a factor 0 does not erase it;
        // the two hashes' factors differ, so no block makes both 0.
        var offset = 0
        while offset + 16 <= span.count {
            let low = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let high = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
            first = Self.mix(low ^ 0xA076_1D64_78BD_642F, high ^ first) ^ Self.rotated(first)
            second = Self.mix(low ^ 0xE703_7ED1_A0B4_28DB, high ^ second ^ 0x5899_65CC_7537_4CC3) ^ Self.rotated(second)
            offset += 16
        }
        var low: UInt64 = 0, high: UInt64 = 0
        if offset < span.count, span.count >= 16 {
            // The last sixteen bytes, overlapping the blocks before (the length is already in the hash).
            low = raw.loadUnaligned(fromByteOffset: span.count - 16, as: UInt64.self)
            high = raw.loadUnaligned(fromByteOffset: span.count - 8, as: UInt64.self)
        } else {
            var shift: UInt64 = 0
            while offset < span.count {
                if shift < 64 { low |= UInt64(base[offset]) << shift } else { high |= UInt64(base[offset]) << (shift - 64) }
                shift += 8
                offset += 1
            }
        }
        first = Self.mix(low ^ 0xA076_1D64_78BD_642F, high ^ first) ^ Self.rotated(first)
        second = Self.mix(low ^ 0xE703_7ED1_A0B4_28DB, high ^ second ^ 0x5899_65CC_7537_4CC3) ^ Self.rotated(second)
        return (Self.mix(first ^ 0x5899_65CC_7537_4CC3, 0x1D8E_4E27_C47D_124F) ^ first,
                Self.mix(second ^ 0x1D8E_4E27_C47D_124F, 0x5899_65CC_7537_4CC3) ^ second)
    }

    @inline(__always)
    private static func rotated(_ value: UInt64) -> UInt64 { value << 23 | value >> 41 }

    /// The two halves of the 128-bit product, folded.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// A span is at least this long (unless the page ends): knowing a short line (`</li>`) costs more
    /// than reading it.
    private static let shortestSpan = 48

    /// Where the span that starts at `start` of `bytes` ends: at the first `<` of a later line with only
    /// spaces or tabs before it, at least `shortestSpan` bytes after `start`, or at the end of the page.
    package static func end(ofSpanAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        var index = start
        while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "\n")), count - index) {
            var next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            while next < count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
            if next < count, bytes[next] == UInt8(ascii: "<"), next - start >= Self.shortestSpan { return next }
            index = next
        }
        return count
    }
}
