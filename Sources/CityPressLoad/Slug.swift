import Foundation
import CityPressCore

/// The slug rules of Content format v1.
public enum Slug {
    /// Whether `text` matches `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        var previousWasDash = false
        for byte in text.utf8 {
            let isDash = byte == UInt8(ascii: "-")
            let isAlnum = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isDash || isAlnum, !(isDash && previousWasDash) else { return false }
            previousWasDash = isDash
        }
        return true
    }

    /// The slug of a name: diacritics folded, lowercased, each run of characters outside
    /// `[a-z0-9]` turned into one `-`, and dashes trimmed (`Côte d'Ivoire` → `cote-d-ivoire`).
    public static func make(from name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in TextFolding.fold(name).unicodeScalars {
            let isAlnum = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if isAlnum {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}

/// Folding text for slugs and for the A–Z collation: letters lose their diacritics
/// (`é` → `e`, `ł` → `l`, `ß` → `ss`) and become lowercase.
public enum TextFolding {
    /// Letters that Unicode does not decompose into a base letter and marks, with what they fold to.
    /// The search script folds queries with the same table (a test keeps the two equal).
    public static let transliterations: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ı": "i", "ð": "d",
    ]

    /// `Poznań` → `poznan`, `Łurenila` → `lurenila`.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var transliterated = ""
        for scalar in text.unicodeScalars {
            if let replacement = transliterations[scalar] {
                transliterated += replacement
            } else {
                transliterated.unicodeScalars.append(scalar)
            }
        }
        var folded = String.UnicodeScalarView()
        for scalar in transliterated.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            folded.append(scalar)
        }
        return String(folded).lowercased()
    }
}
