import CityPressCore
import CityPressLoad
import CityPressSite
import CityPressTemplates

/// Numbers with their nouns, as readers see them: `1 declaration`, `2 declarations`, and the
/// signatories by kind (`38 cities, 1 region and 1 district`).
package enum Counted {
    /// `count` and the noun in the right form (`no` for zero when `zeroAsNo`).
    package static func text(_ count: Int, _ singular: String, _ plural: String, zeroAsNo: Bool = false) -> String {
        if count == 0 && zeroAsNo { return "no \(plural)" }
        return "\(count) \(count == 1 ? singular : plural)"
    }

    /// `Commitment 3`, `Commitments 2 and 5`, `Commitments 1, 3 and 5`.
    package static func commitments(_ numbers: [Int]) -> String {
        let texts = numbers.map(String.init)
        guard let last = texts.last else { return "No commitment" }
        if texts.count == 1 { return "Commitment \(last)" }
        return "Commitments " + texts.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The places of `kinds` counted by kind, cities first: `40 cities`, `1 region`,
    /// `38 cities, 1 region and 1 district`; `no cities` when empty.
    package static func places(_ kinds: some Sequence<CityKind>) -> String {
        var counts: [CityKind: Int] = [:]
        for kind in kinds { counts[kind, default: 0] += 1 }
        let parts = CityKind.allCases.compactMap { kind -> String? in
            guard let count = counts[kind], count > 0 else { return nil }
            return text(count, kind.singular, kind.plural)
        }
        switch parts.count {
        case 0: return "no cities"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        }
    }
}

extension CityKind {
    /// `city`, `region`, `district`.
    package var singular: String { rawValue }
    /// `cities`, `regions`, `districts`.
    package var plural: String { self == .city ? "cities" : rawValue + "s" }
}
