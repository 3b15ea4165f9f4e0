import CityPressCore
import CityPressLoad
import CityPressSite
import CityPressTemplates

/// Numbers with their nouns, as readers see them, in the interface's language and its plural rule:
/// `1 declaration`, `2 declarations`, and the signatories by kind (`38 cities, 1 region and 1 district`).
package enum Counted {
    /// `count` and the noun of `key` in the right form (`none`'s text for zero, when given).
    package static func text(_ count: Int, _ key: TextKey, none: TextKey? = nil, in interface: Interface) -> String {
        if count == 0, let none { return interface.text(none) }
        return interface.count(key, count)
    }

    /// `Commitment 3`, `Commitments 2 and 5`, `Commitments 1, 3 and 5`.
    package static func commitments(_ numbers: [Int], in interface: Interface) -> String {
        let texts = numbers.map(String.init)
        guard let last = texts.last else { return interface.text(.noCommitment) }
        if texts.count == 1 { return interface.text(.commitmentNumber, ("number", last)) }
        return interface.text(.commitmentNumbers, ("numbers", interface.list(texts)))
    }

    /// The places of `kinds` counted by kind, cities first: `40 cities`, `1 region`,
    /// `38 cities, 1 region and 1 district`; `no cities` when empty.
    package static func places(_ kinds: some Sequence<CityKind>, in interface: Interface) -> String {
        var counts: [CityKind: Int] = [:]
        for kind in kinds { counts[kind, default: 0] += 1 }
        let parts = CityKind.allCases.compactMap { kind -> String? in
            guard let count = counts[kind], count > 0 else { return nil }
            return interface.count(kind.countKey, count)
        }
        return parts.isEmpty ? interface.text(.noCities) : interface.list(parts)
    }
}

extension CityKind {
    /// The phrase that counts places of this kind (`3 regions`).
    package var countKey: TextKey {
        switch self {
        case .city: .countCities
        case .region: .countRegions
        case .district: .countDistricts
        }
    }

    /// The kind's label (`Region`).
    package var labelKey: TextKey {
        switch self {
        case .city: .kindCity
        case .region: .kindRegion
        case .district: .kindDistrict
        }
    }
}
