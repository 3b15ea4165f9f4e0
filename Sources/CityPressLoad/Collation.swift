import Foundation
import CityPressCore

/// The A–Z order of names on every page: compare the folded names (diacritics removed,
/// case ignored, so `Łurenila` sorts with `L` and `Malmö` with `Malmo`), numbers in them by value
/// (`Paris 2e` before `Paris 10e`, as a reader counts); when two folded names are equal, the
/// original names by Unicode code points; then the slugs. This is a total order, so the output
/// never depends on the order files were read in.
public struct CollationKey: Sendable, Hashable, Comparable {
    /// The folded name (`lodz` for `Łódź`): what the A–Z order and search compare.
    public let folded: String
    /// The folded name (its numbers written by value: `appendComparingNumbersByValue`), the original
    /// name and the tie-breaker in UTF-8 (byte order is code point order), each ended by `0 0` with a `0`
    /// inside written `0 1`: comparing these bytes compares the three in turn, with one `memcmp`
    /// (sorting ten thousand names is then a few milliseconds).
    private let bytes: [UInt8]

    /// The letter a name is filed under in an A–Z index (`#` for names not starting with a letter):
    /// the language's own when its order decides it (`Ö` in Swedish), else the folded first letter.
    /// Made with the key: an index of ten thousand cities asks for it on every rebuild.
    public let initial: String

    /// The key of `name`, with `tieBreaker` (usually a slug) deciding between equal names.
    public init(_ name: String, tieBreaker: String = "") {
        self.init(name, tieBreaker: tieBreaker, sortText: nil, initial: nil)
    }

    /// The key of `name` compared by `sortText` (a language's folding, `LanguageCollation`) instead of
    /// the folded name, filed under `initial`; `folded` stays the default folding (search uses it).
    init(_ name: String, tieBreaker: String, sortText: String?, initial: String?) {
        let folded = TextFolding.fold(name)
        self.folded = folded
        self.initial = initial ?? Self.defaultInitial(of: folded)
        let compared = sortText ?? folded
        var bytes: [UInt8] = []
        bytes.reserveCapacity(compared.utf8.count + name.utf8.count + tieBreaker.utf8.count + 6)
        Self.appendComparingNumbersByValue(compared, to: &bytes)
        bytes += [0, 0]
        for part in [name, tieBreaker] {
            for byte in part.utf8 {
                bytes.append(byte)
                if byte == 0 { bytes.append(1) }
            }
            bytes += [0, 0]
        }
        self.bytes = bytes
    }

    /// A key made before, from its parts (`StoredRecords` keeps them).
    package init(folded: String, initial: String, comparedBytes: [UInt8]) {
        self.folded = folded
        self.initial = initial
        bytes = comparedBytes
    }

    /// The bytes keys are compared by (for `init(folded:initial:comparedBytes:)`).
    package var comparedBytes: [UInt8] { bytes }

    /// `text`'s bytes (a `0` written `0 1`), each run of ASCII digits written by its value: its digits
    /// without leading zeros, after its count of digits as two digits (`5` → `015`, `49` → `0249`). A
    /// shorter number is then a smaller one, and digits still sort before letters. Numbers of up to 99
    /// digits compare by value; other digits (`٣`, `２`) are letters like any other.
    private static func appendComparingNumbersByValue(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendComparingNumbersByValue($0, to: &bytes) }
    }

    private static func appendComparingNumbersByValue(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                bytes.append(byte)
                if byte == 0 { bytes.append(1) }
                index += 1
                continue
            }
            var end = index
            while end < utf8.count, utf8[end] >= UInt8(ascii: "0"), utf8[end] <= UInt8(ascii: "9") { end += 1 }
            var start = index
            while start < end - 1, utf8[start] == UInt8(ascii: "0") { start += 1 }
            let count = min(end - start, 99)
            bytes.append(UInt8(ascii: "0") + UInt8(count / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(count % 10))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
            index = end
        }
    }

    /// The folded name's first letter, capital (`#` when it does not start with a letter).
    private static func defaultInitial(of folded: String) -> String {
        guard let first = folded.unicodeScalars.first, ("a"..."z").contains(first) else { return "#" }
        return String(first).uppercased()
    }

    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        lhs.bytes.withUnsafeBufferPointer { left in
            rhs.bytes.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }
}
