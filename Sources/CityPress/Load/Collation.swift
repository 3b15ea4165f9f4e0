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
        if lhs.folded != rhs.folded { return lhs.folded.unicodeScalars.lexicographicallyPrecedes(rhs.folded.unicodeScalars) }
        if lhs.original != rhs.original { return lhs.original.unicodeScalars.lexicographicallyPrecedes(rhs.original.unicodeScalars) }
        return lhs.tieBreaker.unicodeScalars.lexicographicallyPrecedes(rhs.tieBreaker.unicodeScalars)
    }
}
