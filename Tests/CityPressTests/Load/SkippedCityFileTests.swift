import Foundation
import Testing

/// A city record saved as `.yaml` is skipped with a warning; the "unknown city" error a declaration
/// naming it then gets says why, and how to fix it.
@Suite struct SkippedCityFileTests {
    @Test func theUnknownCityErrorNamesTheSkippedFile() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            try writeText("name: Budavár (Budapest I)\ncountry: Hungary\n", to: content.appendingPathComponent("cities/budavar.yaml"))
            let declaration = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(declaration).replacingOccurrences(of: "  - lodz\n", with: "  - budavar\n"), to: declaration)
            let (_, diagnostics) = try renderInMemory(content: content)
            let prefix = content.path + "/"
            let skipped = try #require(diagnostics.first { $0.severity == .warning })
            #expect(skipped.description.replacingOccurrences(of: prefix, with: "")
                    == "cities/budavar.yaml: warning: file is ignored: only .yml files belong in cities/")
            #expect(skipped.notes == ["rename it to 'budavar.yml'"])
            let unknown = try #require(diagnostics.first { $0.message.hasPrefix("unknown city 'budavar'") })
            #expect(unknown.location?.line == 9)
            #expect(unknown.notes.last?.replacingOccurrences(of: prefix, with: "")
                    == "'cities/budavar.yaml' was skipped: only .yml files are read; rename it to 'budavar.yml'")
        }
    }

    /// Beside the record it would be renamed to, a file is a second copy: renaming it would replace the
    /// record, so the note says to merge instead (for `.yaml` and for a name that is no slug alike).
    @Test func aSecondCopyOfARecordIsNotToldToTakeItsName() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            let lodz = try readText(content.appendingPathComponent("cities/lodz.yml"))
            try writeText(lodz, to: content.appendingPathComponent("cities/lodz.yaml"))
            try writeText(lodz, to: content.appendingPathComponent("cities/Lodz.yml"))
            try writeText(lodz, to: content.appendingPathComponent("cities/Gdansk.yml"))
            let (_, diagnostics) = try renderInMemory(content: content)
            let yaml = try #require(diagnostics.first { $0.location?.path.hasSuffix("cities/lodz.yaml") == true })
            #expect(yaml.notes == ["'lodz.yml' is there already: merge what this file adds into it, then remove this one"])
            let capital = try #require(diagnostics.first { $0.location?.path.hasSuffix("cities/Lodz.yml") == true })
            #expect(capital.notes == ["'lodz.yml' is there already: merge what this file adds into it, then remove this one"])
            let free = try #require(diagnostics.first { $0.location?.path.hasSuffix("cities/Gdansk.yml") == true })
            #expect(free.notes == ["rename the file to 'gdansk.yml'"])
        }
    }

    /// A report naming a city saved as `.yaml` is told the same.
    @Test func aReportsUnknownCityErrorNamesTheSkippedFile() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            try FileManager.default.moveItem(at: content.appendingPathComponent("cities/wroclaw.yml"),
                                             to: content.appendingPathComponent("cities/wroclaw.yaml"))
            let (_, diagnostics) = try renderInMemory(content: content)
            let report = try #require(diagnostics.first { $0.message == "unknown city 'wroclaw'" && $0.location?.path.contains("/reports/") == true })
            #expect(report.notes.last?.replacingOccurrences(of: content.path + "/", with: "")
                    == "'cities/wroclaw.yaml' was skipped: only .yml files are read; rename it to 'wroclaw.yml'")
        }
    }

    /// A folder in `cities/` is said to be one, with where its records belong; what an editor leaves
    /// beside a record is passed over without a word.
    @Test func aFolderInCitiesAndEditorsLeftoversAreToldApart() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            try writeText("name: Paris\ncountry: France\n", to: content.appendingPathComponent("cities/europe/paris.yml"))
            for leftover in ["lodz.yml~", "#lodz.yml#", "lodz.yml.orig"] {
                try writeText("name: Łódź\n", to: content.appendingPathComponent("cities/" + leftover))
            }
            let (_, diagnostics) = try renderInMemory(content: content)
            let warnings = diagnostics.filter { $0.location?.path.contains("/cities/") == true }
            #expect(warnings.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
                    == ["cities/europe: warning: folder is ignored: cities/ is read without its subfolders"])
            #expect(warnings.first?.notes == ["move its .yml files up into cities/"])
        }
    }

    @Test func anUnknownCityWithoutASkippedFileHasNoSuchNote() throws {
        try withTemporaryFolder { root in
            let content = try makeFixtureSite(in: root).appendingPathComponent("Content")
            try writeText("notes", to: content.appendingPathComponent("cities/budapest.yaml"))
            let declaration = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(declaration).replacingOccurrences(of: "  - lodz\n", with: "  - budavar\n"), to: declaration)
            let (_, diagnostics) = try renderInMemory(content: content)
            let unknown = try #require(diagnostics.first { $0.message.hasPrefix("unknown city 'budavar'") })
            #expect(unknown.notes == ["signatories name cities by the file name of their record in cities/"])
        }
    }
}
