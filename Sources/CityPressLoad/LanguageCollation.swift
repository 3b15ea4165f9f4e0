import Foundation
import CityPressCore

/// How a language orders names A–Z where it differs from CityPress's default order (`CollationKey`:
/// diacritics folded away, so `Åre` sorts with `A`). Written as data, not taken from the machine's
/// locale (no ICU, no `Locale`): the same names give the same order on every machine.
///
/// The differences handled are letters a language files as letters of their own after `z`: Swedish and
/// Finnish `å`, `ä`, `ö` (with `æ` as `ä` and `ø` as `ö`), Danish and Norwegian `æ`, `ø`, `å` (with `ä`
/// as `æ` and `ö` as `ø`). Every other language uses the default order.
public struct LanguageCollation: Sendable, Hashable {
    /// The letters filed after `z`, in order; the letters of one group are one letter (lowercase, NFC).
    public let lettersAfterZ: [[Unicode.Scalar]]

    /// The order of `language` (a BCP 47 tag: `sv`, `sv-FI`, `nb`), or `nil` when it is the default order.
    public static func of(_ language: String) -> LanguageCollation? {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        switch primary {
        case "sv", "fi": return LanguageCollation(lettersAfterZ: [["å"], ["ä", "æ"], ["ö", "ø"]])
        case "da", "nb", "nn", "no": return LanguageCollation(lettersAfterZ: [["æ", "ä"], ["ø", "ö"], ["å"]])
        default: return nil
        }
    }

    /// The key of `name` in this order, with `tieBreaker` (usually a slug) deciding between equal names.
    public func key(_ name: String, tieBreaker: String = "") -> CollationKey {
        // Each letter after `z` becomes a private-use character, which folding keeps and whose UTF-8
        // bytes (EE 80 80 +n) compare above every Latin letter's, in the letters' order.
        var marked = String.UnicodeScalarView()
        var changed = false
        for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            if let position = lettersAfterZ.firstIndex(where: { $0.contains(lower) }),
               let placeholder = Unicode.Scalar(Self.firstPlaceholder + UInt32(position)) {
                marked.append(placeholder)
                changed = true
            } else {
                marked.append(scalar)
            }
        }
        guard changed else { return CollationKey(name, tieBreaker: tieBreaker) }
        let sortText = TextFolding.fold(String(marked))
        var initial = "#"
        if let first = sortText.unicodeScalars.first {
            if first.value >= Self.firstPlaceholder, first.value < Self.firstPlaceholder + UInt32(lettersAfterZ.count),
               let letter = lettersAfterZ[Int(first.value - Self.firstPlaceholder)].first {
                initial = String(letter).uppercased()
            } else if ("a"..."z").contains(first) {
                initial = String(first).uppercased()
            }
        }
        return CollationKey(name, tieBreaker: tieBreaker, sortText: sortText, initial: initial)
    }

    /// U+E000, the first character of Unicode's private use area.
    private static let firstPlaceholder: UInt32 = 0xE000
}
