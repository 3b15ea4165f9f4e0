/// A CLDR plural category: which form of a phrase a count takes.
public enum PluralCategory: String, Sendable, CaseIterable, Hashable {
    case zero, one, two, few, many, other
}

/// The CLDR cardinal plural rules of a language, for whole numbers (pages count things; they never
/// print fractions, so the rules' `v`, `f` and `t` operands are always 0 here).
///
/// From `common/supplemental/plurals.xml` of unicode-org/cldr (CLDR 44). Languages not listed take
/// English's rule (one for 1, other for the rest), which is right for most of Western Europe.
public enum PluralRule: Sendable, Hashable {
    /// en, de, nl, sv, da, no, it, es, …: one (1), other.
    case oneOther
    /// fr: one (0 and 1), many (non-zero multiples of 1,000,000), other.
    case french
    /// pl: one (1), few (2–4, 22–24, … but not 12–14), many (the rest).
    case polish
    /// ar: zero, one, two, few (n % 100 in 3…10), many (n % 100 in 11…99), other.
    case arabic
    /// cs, sk: one (1), few (2–4), other.
    case czech
    /// ru, uk: one (21, 31… but not 11), few (2–4, 22–24… but not 12–14), many (the rest).
    case russian
    /// he: one (1), two (2), other.
    case hebrew

    /// The rule of the language of `tag` (`fr`, `fr-CA`, `pl`).
    public init(language tag: String) {
        switch tag.split(separator: "-").first.map({ $0.lowercased() }) ?? "" {
        case "fr": self = .french
        case "pl": self = .polish
        case "ar": self = .arabic
        case "cs", "sk": self = .czech
        case "ru", "uk": self = .russian
        case "he", "iw": self = .hebrew
        default: self = .oneOther
        }
    }

    /// The category of the whole number `count` (its absolute value: `-1 city` is still singular).
    public func category(_ count: Int) -> PluralCategory {
        let i = count.magnitude
        let mod10 = i % 10, mod100 = i % 100
        switch self {
        case .oneOther:
            return i == 1 ? .one : .other
        case .french:
            if i == 0 || i == 1 { return .one }
            return i % 1_000_000 == 0 ? .many : .other
        case .polish:
            if i == 1 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case .arabic:
            switch i {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(mod100) { return .few }
                if (11...99).contains(mod100) { return .many }
                return .other
            }
        case .czech:
            if i == 1 { return .one }
            return (2...4).contains(i) ? .few : .other
        case .russian:
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        case .hebrew:
            if i == 1 { return .one }
            return i == 2 ? .two : .other
        }
    }
}
