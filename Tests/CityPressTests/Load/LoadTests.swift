import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad
@testable import CityPressScaffold
@testable import CityPressSite

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDaysWrittenYYYYMMDD() {
        #expect(CalendarDate(iso: "2022-11-15")?.longForm == "15 November 2022")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2022-13-01") == nil)
        #expect(CalendarDate(iso: "15/11/2022") == nil)
        #expect(CalendarDate(iso: "2022-1-5") == nil)
    }

    /// A date written right that names no day says so, and why (not "must be a date written YYYY-MM-DD").
    @Test func saysWhyADateWrittenRightIsNoDay() {
        #expect(CalendarDate.whyNoDay("2025-02-30") == "February 2025 has 28 days")
        #expect(CalendarDate.whyNoDay("2024-02-30") == "February 2024 has 29 days")
        #expect(CalendarDate.whyNoDay("2025-04-31") == "April 2025 has 30 days")
        #expect(CalendarDate.whyNoDay("2025-01-00") == "January 2025 has 31 days")
        #expect(CalendarDate.whyNoDay("2025-13-01") == "there is no month 13: months go from 01 to 12")
        #expect(CalendarDate.whyNoDay("2025-00-01") == "there is no month 00: months go from 01 to 12")
        for other in ["2025-02-28", "10/05/2022", "2025-2-3", "２０２５-０１-０１", ""] { #expect(CalendarDate.whyNoDay(other) == nil, "\(other)") }
        var yaml = YAMLDocument(yaml: "start_date: 2025-02-30\n", source: SourceText(path: "d.md", text: "start_date: 2025-02-30\n"), lineOffset: 0)
        #expect(yaml.date("start_date", required: true) == nil)
        #expect(yaml.diagnostics.map(\.notes) == [["February 2025 has 28 days"]])
        #expect(yaml.diagnostics.map(\.message) == ["field 'start_date' names no day of the calendar: '2025-02-30'"])
    }

    @Test func formatsSpans() throws {
        let start = try #require(CalendarDate(iso: "2022-11-15"))
        #expect(CalendarDate.span(from: start, to: CalendarDate(iso: "2022-11-16")) == "15–16 November 2022")
        #expect(CalendarDate.span(from: start, to: CalendarDate(iso: "2022-12-01")) == "15 November – 1 December 2022")
        #expect(CalendarDate.span(from: start, to: nil) == "15 November 2022")
    }
}

@Suite struct SlugTests {
    @Test func validatesFileNames() {
        #expect(Slug.isValid("the-hague"))
        #expect(Slug.isValid("a1"))
        #expect(!Slug.isValid("The-Hague"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid(""))
    }

    @Test func makesCountrySlugsLikeTheCorpusGenerator() {
        #expect(Slug.make(from: "The Netherlands") == "the-netherlands")
        #expect(Slug.make(from: "Saint Lueck & Rigrad") == "saint-lueck-rigrad")
        #expect(Slug.make(from: "Côte d'Ivoire") == "cote-d-ivoire")
        #expect(Slug.make(from: "Łódź") == "lodz")
        #expect(Slug.make(from: "  USA ") == "usa")
    }

    @Test func collatesAccentedInitialsWithTheirBaseLetter() {
        let names = ["Zilina", "Łurenila", "Lurivik", "Lurenburg", "Malmö", "Malmo", "amsterdam"]
        let sorted = names.sorted { CollationKey($0) < CollationKey($1) }
        #expect(sorted == ["amsterdam", "Lurenburg", "Łurenila", "Lurivik", "Malmo", "Malmö", "Zilina"])
    }

    /// The key compares folded names, then names, then tie-breakers, each by UTF-8 bytes: a prefix
    /// first, and a NUL (which a quoted YAML string can hold) before every other byte.
    @Test func ordersLikeComparingFoldedNameNameAndTieBreakerInTurn() {
        let names = ["a", "A", "ab", "a b", "Ab", "a\u{0}", "a\u{0}b", "a\u{1}", "", "á", "Á", "aa", "a\u{0}\u{0}"]
        let slugs = ["", "x", "xy", "y", "x\u{0}"]
        let keys = names.flatMap { name in slugs.map { (name, $0) } }
        func expected(_ lhs: (String, String), _ rhs: (String, String)) -> Bool {
            let left = [TextFolding.fold(lhs.0), lhs.0, lhs.1].map { Array($0.utf8) }
            let right = [TextFolding.fold(rhs.0), rhs.0, rhs.1].map { Array($0.utf8) }
            for (a, b) in zip(left, right) where a != b { return a.lexicographicallyPrecedes(b) }
            return false
        }
        for lhs in keys {
            for rhs in keys {
                #expect((CollationKey(lhs.0, tieBreaker: lhs.1) < CollationKey(rhs.0, tieBreaker: rhs.1)) == expected(lhs, rhs),
                        "\(lhs) < \(rhs)")
            }
        }
    }
}

@Suite struct SourceReadingTests {
    @Test func findsTheFirstInvalidUTF8Byte() {
        #expect(SourceFileReader.firstUnreadableOffset(in: Array("Poznań\tx\r\n".utf8)) == nil)
        #expect(SourceFileReader.firstUnreadableOffset(in: [0x61, 0x62, 0xE9, 0x63]) == 2)
        #expect(SourceFileReader.firstUnreadableOffset(in: [0xC0, 0x80]) == 0)
        #expect(SourceFileReader.firstUnreadableOffset(in: [0xED, 0xA0, 0x80]) == 0)
        #expect(SourceFileReader.firstUnreadableOffset(in: [0x61, 0x00]) == 1)
        #expect(SourceFileReader.firstUnreadableOffset(in: Array("ab\u{0B}".utf8)) == 2)
        #expect(SourceFileReader.firstUnreadableOffset(in: Array("a\u{2028}".utf8)) == 1)
    }

    @Test func splitsFrontMatterAndCountsLines() throws {
        let text = "---\ntitle: A\n---\n\nBody\n"
        let split = try FrontMatter.split(text, source: SourceText(path: "x.md", text: text), record: "declaration").get()
        #expect(split.yaml == "title: A")
        #expect(split.bodyLineOffset == 3)
        #expect(split.body == "\nBody\n")
    }

    @Test func reportsUnclosedFrontMatterAtItsOpening() {
        let text = "---\ntitle: A\n\nBody\n"
        guard case .failure(let error) = FrontMatter.split(text, source: SourceText(path: "x.md", text: text), record: "declaration") else {
            Issue.record("expected a failure"); return
        }
        #expect(error.diagnostic.message.contains("never closed"))
        #expect(error.diagnostic.location?.line == 1)
    }

    @Test func yamlFieldsReportTypeErrorsWithLineAndColumn() {
        let text = "name: Oslo\ncountry:\n  - Norway\nkind: town\nmotto: x\n"
        var yaml = YAMLDocument(yaml: text, source: SourceText(path: "c.yml", text: text), lineOffset: 0)
        #expect(yaml.string("name", required: true) == "Oslo")
        #expect(yaml.string("country", required: true) == nil)
        #expect(yaml.string("subdivision", required: false) == nil)
        yaml.warnAboutUnknownFields(known: ["name", "country", "kind"])
        let messages = yaml.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(messages == ["3:3 field 'country' must be a single line of text, not a list",
                             "5:1 unknown field 'motto' is ignored"])
    }

    @Test func malformedYAMLIsReportedWhereItBreaks() {
        let text = "name: Oslo\ncountry: \"Norway\n"
        let yaml = YAMLDocument(yaml: text, source: SourceText(path: "c.yml", text: text), lineOffset: 0)
        #expect(!yaml.isValid)
        // At the quote left open, not where libyaml noticed (the end of the text).
        #expect(yaml.diagnostics.first?.message == "the quoted value that starts here is not closed")
        #expect(yaml.diagnostics.first?.location?.description == "c.yml:2:10")
    }
}

@Suite struct ContentLoaderTests {
    @Test func loadsTheFixtureSiteIntoTypedRecords() throws {
        let (content, diagnostics) = ContentLoader(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path).load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(content.config?.baseURL == "https://example.org/declarations/")
        #expect(content.cities.map(\.slug) == ["greater-leeds", "lodz", "poznan", "setagaya", "wroclaw"])
        let first = try #require(content.declarations.first { $0.slug == "first-accord" })
        #expect(first.signatories.map(\.city.value) == ["wroclaw", "poznan", "greater-leeds", "setagaya"])
        #expect(first.signatories[0].city.location.line == 11)
        #expect(first.signatories[0].city.location.column == 5)
        #expect(first.signatories.allSatisfy { $0.endorsed == nil })
        // Both forms of a later endorsement: a flow mapping on one line, a block mapping on two.
        let second = try #require(content.declarations.first { $0.slug == "second-accord" })
        #expect(second.signatories.map(\.city.value) == ["lodz", "wroclaw", "poznan", "greater-leeds"])
        #expect(second.signatories.map { $0.endorsed?.value.description } == [nil, nil, "2022-05-20", "2022-05-28"])
        #expect(second.signatories[3].endorsed?.location.line == 13)
        #expect(first.body.orderedLists.count == 1)
        #expect(content.declarations.first { $0.slug == "draft-accord" }?.isDraft == true)
    }

    /// Reloading the files that changed gives what loading the whole folder gives.
    @Test func reloadingChangedFilesEqualsAFullLoad() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            let loader = ContentLoader(contentPath: content.path)
            func file(_ relative: String) -> URL { content.appendingPathComponent(relative) }
            func expectSame(_ reloaded: LoadedFiles?, _ what: String) {
                let full = loader.loadFiles()
                #expect(reloaded?.content.cities == full.content.cities, "\(what)")
                #expect(reloaded?.content.declarations == full.content.declarations, "\(what)")
                #expect(reloaded?.content.unreadableCitySlugs == full.content.unreadableCitySlugs, "\(what)")
                #expect(reloaded?.content.hasUnreadableDeclarations == full.content.hasUnreadableDeclarations, "\(what)")
                #expect(reloaded?.diagnostics == full.diagnostics, "\(what)")
            }
            var previous = loader.loadFiles()

            let edits: [(String, String, String)] = [
                ("a city renamed", "cities/lodz.yml", "name: Łódź City\ncountry: Poland\nkind: region\n"),
                ("a city broken", "cities/poznan.yml", "name: Poznań\ncountry: [Poland\n"),
                ("a city with an unknown field", "cities/wroclaw.yml", "name: Wrocław\ncountry: Poland\nmotto: x\n"),
                ("a declaration's signatories", "declarations/second-accord.md",
                 try readText(file("declarations/second-accord.md")).replacingOccurrences(of: "  - lodz\n", with: "")),
                ("a declaration broken", "declarations/first-accord.md", "---\ntitle: [First\n---\n"),
                ("a declaration mended", "declarations/first-accord.md", try readText(file("declarations/first-accord.md"))),
            ]
            for (what, relative, text) in edits {
                try writeText(text, to: file(relative))
                let reloaded = loader.reload(previous, changing: [file(relative).path])
                #expect(reloaded != nil, "\(what)")
                expectSame(reloaded, what)
                previous = reloaded ?? loader.loadFiles()
            }
            #expect(previous.diagnostics.contains { $0.severity == .error && $0.location?.path.hasSuffix("poznan.yml") == true })
            #expect(!previous.content.hasUnreadableDeclarations)
            try writeText("---\ntitle: [First\n---\n", to: file("declarations/first-accord.md"))
            #expect(loader.loadFiles().content.hasUnreadableDeclarations)
            try writeText(try #require(edits.last?.2), to: file("declarations/first-accord.md"))

            // Two files at once, one of them fixed.
            try writeText("name: Poznań\ncountry: Poland\n", to: file("cities/poznan.yml"))
            try writeText("name: Wrocław\ncountry: Poland\n", to: file("cities/wroclaw.yml"))
            let both = loader.reload(previous, changing: [file("cities/poznan.yml").path, file("cities/wroclaw.yml").path])
            expectSame(both, "two cities")
            #expect(both?.diagnostics.isEmpty == true)

            // What a reload cannot tell: it declines, and the caller loads the whole folder.
            let current = try #require(both)
            try writeText("name: Gdańsk\ncountry: Poland\n", to: file("cities/gdansk.yml"))
            #expect(loader.reload(current, changing: [file("cities/gdansk.yml").path]) == nil, "a new file")
            try FileManager.default.removeItem(at: file("cities/lodz.yml"))
            #expect(loader.reload(current, changing: [file("cities/lodz.yml").path]) == nil, "a removed file")
            #expect(loader.reload(current, changing: [file("site.yml").path]) == nil, "site.yml")
            try writeText("notes", to: file("cities/notes.txt"))
            #expect(loader.reload(current, changing: [file("cities/notes.txt").path]) == nil, "a file that does not belong")
        }
    }
}
