import Foundation
import Testing
@testable import CityPressLoad
@testable import CityPressScaffold
@testable import CityPressSite

/// New records read back as what was asked for, whatever the name holds.
@Suite struct RecordScaffoldTests {
    @Test(arguments: ["Los Angeles", "Budavár (Budapest I)", "Hello: World", "#1 City", "null", "true", "- dash",
                      "Quote \"inside\"", "Back\\slash", "O'Brien Town", "Trailing:", "yes",
                      "Line\u{2028}Separator", "Next\u{85}Line"])
    func cityNamesReadBackExactly(name: String) throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try writeText("title: T\nnetwork: N\ndescription: D\nlanguage: en\n", to: content.appendingPathComponent("site.yml"))
            try FileManager.default.createDirectory(at: content.appendingPathComponent("declarations"), withIntermediateDirectories: true)
            let city = RecordScaffold.City(name: name, country: "Country: \(name)", subdivision: name, kind: .region)
            let written = try RecordScaffold.write(city, slug: "place", contentPath: content.path).get()
            #expect(written.slug == "place")
            let loaded = ContentLoader(contentPath: content.path).loadFiles()
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
            let record = try #require(loaded.content.cities.first)
            #expect(record.name == name)
            #expect(record.country.value == "Country: \(name)")
            #expect(record.subdivision == name)
            #expect(record.kind == .region)
        }
    }

    @Test func slugIsMadeFromTheName() throws {
        try withTemporaryFolder { root in
            let written = try RecordScaffold.write(RecordScaffold.City(name: "Côte d'Ivoire City"), contentPath: root.path).get()
            #expect(written.slug == "cote-d-ivoire-city")
            #expect(written.path == root.path + "/cities/cote-d-ivoire-city.yml")
            guard case .failure(let error) = RecordScaffold.write(RecordScaffold.City(name: "???"), contentPath: root.path) else {
                Issue.record("a name without letters or digits has no slug"); return
            }
            #expect(error.diagnostic.message.contains("cannot make a file name"))
        }
    }

    @Test func newDeclarationIsADraftThatLoads() throws {
        try withTemporaryFolder { root in
            let declaration = RecordScaffold.Declaration(title: "Oslo: A Declaration", startDate: CalendarDate(iso: "2024-02-29"))
            let written = try RecordScaffold.write(declaration, contentPath: root.path).get()
            #expect(written.slug == "oslo-a-declaration")
            let text = try readText(URL(fileURLWithPath: written.path))
            #expect(text.contains("start_date: 2024-02-29"))
            #expect(text.contains("title: \"Oslo: A Declaration\""))
            #expect(RecordScaffold.today().count == 10)
            #expect(CalendarDate(iso: RecordScaffold.today()) != nil)
        }
    }
}
