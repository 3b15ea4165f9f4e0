import Foundation
import CityPressCore

/// The A–Z order of names on every page: compare the folded names (diacritics removed,
/// case ignored, so `Łurenila` sorts with `L` and `Malmö` with `Malmo`); when two folded
/// names are equal, the original names by Unicode code points; then the slugs. This is a
/// total order, so the output never depends on the order files were read in.
public struct CollationKey: Sendable, Hashable, Comparable {
    private let folded: String
    private let original: String
    private let tieBreaker: String

    /// The key of `name`, with `tieBreaker` (usually a slug) deciding between equal names.
    public init(_ name: String, tieBreaker: String = "") {
        self.folded = TextFolding.fold(name)
        self.original = name
        self.tieBreaker = tieBreaker
    }

    /// The letter a name is filed under in an A–Z index (`#` for names not starting with a letter).
    public var initial: String {
        guard let first = folded.unicodeScalars.first, ("a"..."z").contains(first) else { return "#" }
        return String(first).uppercased()
    }

    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        // UTF-8 byte order is code point order, and bytes compare without decoding.
        let folded = compareBytes(lhs.folded, rhs.folded)
        if folded != 0 { return folded < 0 }
        let original = compareBytes(lhs.original, rhs.original)
        if original != 0 { return original < 0 }
        return compareBytes(lhs.tieBreaker, rhs.tieBreaker) < 0
    }

    /// Negative, zero or positive as `lhs`'s UTF-8 bytes order before, with or after `rhs`'s.
    private static func compareBytes(_ lhs: String, _ rhs: String) -> Int {
        let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right -> Int in
                let common = min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
        if let result = fast ?? nil { return result }
        if lhs.utf8.elementsEqual(rhs.utf8) { return 0 }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
    }
}
