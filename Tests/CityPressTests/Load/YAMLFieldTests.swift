import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad

/// Each record type spells its field names once, in a `YAMLFields` enum: the warning about an
/// unknown field lists exactly those names, in the same words and order as before they were an enum.
@Suite struct YAMLFieldTests {
    /// The notes of the warning about `field` in `relative`, written into a copy of the fixture content.
    static func unknownFieldNotes(_ relative: String, _ edit: (String) -> String) throws -> [String] {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            let file = content.appendingPathComponent(relative)
            try writeText(edit(try readText(file)), to: file)
            let (_, diagnostics) = ContentLoader(contentPath: content.path).load()
            let warning = try #require(diagnostics.first { $0.message.hasPrefix("unknown field") })
            #expect(warning.severity == .warning)
            #expect(warning.location?.path.hasSuffix(relative) == true)
            return warning.notes
        }
    }

    @Test func cityFields() throws {
        #expect(CityFile.Field.names == ["name", "country", "subdivision", "kind"])
        let notes = try Self.unknownFieldNotes("cities/lodz.yml") { $0 + "kidn: city\n" }
        #expect(notes == ["did you mean 'kind'?", "known fields: name, country, subdivision, kind"])
    }

    @Test func declarationFields() throws {
        #expect(DeclarationFile.Field.names == ["title", "event", "venue", "location", "start_date", "end_date",
                                                "adopted", "signatories_as_of", "signatories", "draft"])
        let notes = try Self.unknownFieldNotes("declarations/second-accord.md") {
            $0.replacingOccurrences(of: "title:", with: "venu: x\ntitle:")
        }
        #expect(notes == ["did you mean 'venue'?", "known fields: " + DeclarationFile.Field.names.joined(separator: ", ")])
    }

    @Test func siteFields() throws {
        #expect(SiteConfigFile.Field.names == ["title", "network", "description", "language", "languages", "base_url", "unsafe_html"])
        let notes = try Self.unknownFieldNotes("site.yml") { $0 + "baseurl: https://example.org/\n" }
        #expect(notes == ["did you mean 'base_url'?",
                          "known fields: title, network, description, language, languages, base_url, unsafe_html"])
    }

    /// Every field of each enum is read: a file giving them all has no unknown field.
    @Test func everyFieldIsRead() throws {
        let text = "name: A\ncountry: B\nsubdivision: C\nkind: region\n"
        let source = SourceText(path: "c.yml", text: text)
        var yaml = YAMLDocument(yaml: text, source: source, lineOffset: 0)
        #expect(yaml.string(CityFile.Field.subdivision, required: false) == "C")
        #expect(yaml.location(of: CityFile.Field.kind).line == 4)
        yaml.warnAboutUnknownFields(of: CityFile.Field.self)
        #expect(yaml.diagnostics.isEmpty)
        var unknown = YAMLDocument(yaml: text + "motto: x\n", source: SourceText(path: "c.yml", text: text + "motto: x\n"),
                                   lineOffset: 0)
        unknown.warnAboutUnknownFields(of: CityFile.Field.self)
        #expect(unknown.diagnostics.map(\.description) == ["c.yml:5:1: warning: unknown field 'motto' is ignored"])
    }
}
