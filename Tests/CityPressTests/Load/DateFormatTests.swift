import Foundation
import Testing
@testable import CityPressLoad

/// Dates written by the tables' month names and patterns: no locale data of the host is read, so the
/// same date gives the same bytes on any machine (`LanguageBuildTests` builds under other locales too).
@Suite struct DateFormatTests {
    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }
    func interface(_ language: String) -> Interface { InterfaceTables.interface(for: language, siteFiles: [:]).0 }

    @Test func englishIsAsBefore() throws {
        let en = interface("en-GB")
        for iso in ["2022-11-15", "2024-05-01", "1999-02-28"] {
            #expect(en.date(try date(iso)) == (try date(iso)).longForm)
        }
        #expect(en.span(from: try date("2022-11-15"), to: try date("2022-11-16")) == "15–16 November 2022")
        #expect(en.span(from: try date("2023-09-30"), to: try date("2023-10-02")) == "30 September – 2 October 2023")
        #expect(en.span(from: try date("2023-12-30"), to: try date("2024-01-02")) == "30 December 2023 – 2 January 2024")
        #expect(en.span(from: try date("2023-12-30"), to: nil) == "30 December 2023")
    }

    @Test func frenchWritesTheFirstAsPremier() throws {
        let fr = interface("fr")
        #expect(fr.date(try date("2024-05-01")) == "1er mai 2024")
        #expect(fr.date(try date("2022-11-15")) == "15 novembre 2022")
        #expect(fr.span(from: try date("2024-05-01"), to: try date("2024-05-03")) == "1er–3 mai 2024")
        #expect(fr.span(from: try date("2023-09-30"), to: try date("2023-10-01")) == "30 septembre – 1er octobre 2023")
    }

    /// A phrase names a language as its own table does: French "anglais"; an English phrase standing in
    /// for one Polish lacks says "English", not Polish "angielski".
    @Test func aPhraseNamesALanguageAsItsOwnTableDoes() {
        #expect(interface("fr").languageName("en-GB", in: .translationNote) == "anglais")
        #expect(interface("ar").languageName("en", in: .translationNote) == "الإنجليزية")
        #expect(interface("pl").languageName("en-GB", in: .translationNote) == "English")
        #expect(interface("pl").languageName("en-GB", in: .declarations) == "angielski")
        #expect(interface("fr").languageName("tlh", in: .translationNote) == nil)
    }

    @Test func polishUsesTheGenitiveInDates() throws {
        let pl = interface("pl")
        #expect(pl.date(try date("2022-11-15")) == "15 listopada 2022")
        #expect(pl.month(11) == "listopad")
        // A number that is no month is written as it is, never a trap.
        #expect(pl.month(13) == "13" && pl.month(0) == "0")
        #expect(pl.span(from: try date("2022-05-30"), to: try date("2022-06-02")) == "30 maja – 2 czerwca 2022")
    }

    @Test func arabicWritesItsMonthNames() throws {
        let ar = interface("ar")
        #expect(ar.date(try date("2022-11-15")) == "15 نوفمبر 2022")
        #expect(ar.span(from: try date("2022-11-15"), to: try date("2022-11-16")) == "15–16 نوفمبر 2022")
        #expect(ar.direction == .rightToLeft)
    }

    @Test func theProcessLocaleChangesNothing() throws {
        let day = try date("2024-05-01")
        let before = ["en", "fr", "pl", "ar"].map { interface($0).date(day) }
        for locale in ["ar_SA.UTF-8", "pl_PL.UTF-8", "C"] {
            setenv("LC_ALL", locale, 1)
            setenv("LANG", locale, 1)
            #expect(["en", "fr", "pl", "ar"].map { interface($0).date(day) } == before)
        }
        unsetenv("LC_ALL")
        unsetenv("LANG")
    }
}
