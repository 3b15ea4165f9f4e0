import Foundation
import Testing
@testable import CityPressBuild
import CityPressCore

/// A declaration file's problems come in one run: the cities its list names are checked even when the
/// file has an error of its own (a missing field, a bad date), so an author does not fix the file to
/// learn, in the next run, that a city is misspelt or listed twice.
@Suite struct DeclarationErrorsAtOnceTests {
    @Test func unknownAndRepeatedCitiesAreReportedBesideTheFilesOwnErrors() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let file = content.appendingPathComponent("declarations/second-accord.md")
            try """
                ---
                title: Second Accord
                event: Second Summit
                location: Wrocław, Poland
                start_date: 2022-05-10
                signatories_as_of: 2022-06-01
                signatories:
                  - lodz
                  - gdansk
                  - lodz
                  - {city: poznan, endorsed: 2022-05-01}
                ---

                1. To plant trees.

                """.write(to: file, atomically: true, encoding: .utf8)
            let (site, _, diagnostics) = SiteBuild.prepare(BuildOptions(contentPath: content.path, templatesPath: templates.path))
            #expect(site == nil)
            let errors = diagnostics.filter { $0.severity == .error && $0.location?.path.hasSuffix("second-accord.md") == true }
            #expect(errors.map(\.message).sorted() == [
                "'poznan' endorsed on 2022-05-01, before the declaration's start_date 2022-05-10",
                "city 'lodz' is listed twice in signatories",
                "missing required field 'venue'",
                "unknown city 'gdansk'",
            ])
            // Its reports and translations are still left out without an error each.
            #expect(!diagnostics.contains { $0.message.contains("unknown declaration") })
        }
    }
}
