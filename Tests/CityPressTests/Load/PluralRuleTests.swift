import Testing
@testable import CityPressLoad

/// CLDR's integer cardinal rules (common/supplemental/plurals.xml), number by number, and the
/// phrases the shipped tables make of them.
@Suite struct PluralRuleTests {
    func categories(_ language: String, _ numbers: [Int]) -> [PluralCategory] {
        numbers.map(PluralRule(language: language).category)
    }

    @Test func englishAndItsKinHaveOneForOneOnly() {
        for language in ["en", "en-GB", "de", "nl", "sv", "it", "xx"] {
            #expect(categories(language, [0, 1, 2, 11, 21, 101]) == [.other, .one, .other, .other, .other, .other], "\(language)")
        }
    }

    @Test func frenchCountsZeroAndOneAsOneAndMillionsAsMany() {
        #expect(categories("fr", [0, 1, 2, 10, 999_999, 1_000_000, 2_000_000, 1_000_001, 21])
                == [.one, .one, .other, .other, .other, .many, .many, .other, .other])
        #expect(categories("fr-CA", [1, 1_000_000]) == [.one, .many])
    }

    @Test func polishHasFewForTwoToFourButNotTheTeens() {
        #expect(categories("pl", [0, 1, 2, 3, 4, 5, 11, 12, 13, 14, 21, 22, 24, 25, 102, 112, 122])
                == [.many, .one, .few, .few, .few, .many, .many, .many, .many, .many, .many, .few, .few, .many, .few, .many, .few])
    }

    @Test func arabicHasAllSixCategories() {
        #expect(categories("ar", [0, 1, 2, 3, 10, 11, 26, 99, 100, 101, 102, 103, 110, 111, 199, 1000])
                == [.zero, .one, .two, .few, .few, .many, .many, .many, .other, .other, .other, .few, .few, .many, .many, .other])
    }

    @Test func czechRussianAndHebrew() {
        #expect(categories("cs", [1, 2, 4, 5, 0, 22]) == [.one, .few, .few, .other, .other, .other])
        #expect(categories("sk", [1, 3]) == [.one, .few])
        #expect(categories("ru", [1, 21, 11, 2, 22, 12, 5, 0, 111, 101]) == [.one, .one, .many, .few, .few, .many, .many, .many, .many, .one])
        #expect(categories("uk", [31, 34, 35]) == [.one, .few, .many])
        #expect(categories("he", [1, 2, 3, 0, 20]) == [.one, .two, .other, .other, .other])
    }

    @Test func phrasesTakeTheFormOfTheirNumber() {
        let en = InterfaceTables.interface(for: "en", siteFiles: [:]).0
        #expect(en.count(.countCities, 1) == "1 city")
        #expect(en.count(.countCities, 0) == "0 cities")
        #expect(en.count(.countCities, 2) == "2 cities")
        let fr = InterfaceTables.interface(for: "fr", siteFiles: [:]).0
        #expect(fr.count(.countCities, 0) == "0 ville")
        #expect(fr.count(.countCities, 1) == "1 ville")
        #expect(fr.count(.countCities, 2) == "2 villes")
        #expect(fr.count(.countCities, 1_000_000) == "1\u{202F}000\u{202F}000 de villes")
        let pl = InterfaceTables.interface(for: "pl", siteFiles: [:]).0
        #expect([1, 2, 5, 12, 22, 25].map { pl.count(.countCities, $0) }
                == ["1 miasto", "2 miasta", "5 miast", "12 miast", "22 miasta", "25 miast"])
        let ar = InterfaceTables.interface(for: "ar", siteFiles: [:]).0
        #expect([0, 1, 2, 3, 11, 100].map { ar.count(.countCities, $0) }
                == ["لا مدن", "مدينة واحدة", "مدينتان", "3 مدن", "11 مدينة", "100 مدينة"])
        #expect(ar.list(["أ", "ب", "ج"]) == "أ، ب وج")
        #expect(en.list(["a", "b", "c"]) == "a, b and c")
        #expect(fr.list(["a", "b"]) == "a et b")
    }
}
