import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressScaffold
@testable import CityPressSite

/// Content that builds but would surprise its author becomes a warning with file:line and a fix.
@Suite struct ContentWarningsTests {
    func warnings(editing edit: (URL) throws -> Void) throws -> [Diagnostic] {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            try edit(site.appendingPathComponent("Content"))
            let (_, diagnostics) = try renderInMemory(content: site.appendingPathComponent("Content"))
            #expect(!diagnostics.containsErrors, "\(diagnostics)")
            return diagnostics.filter { $0.severity == .warning }
        }
    }

    @Test func similarCountryNames() throws {
        let found = try warnings { content in
            try writeText("name: Amsterdam\ncountry: The Netherlands\n", to: content.appendingPathComponent("cities/amsterdam.yml"))
            try writeText("name: Utrecht\ncountry: Netherlands\n", to: content.appendingPathComponent("cities/utrecht.yml"))
            try writeText("name: Denver\ncountry: USA\n", to: content.appendingPathComponent("cities/denver.yml"))
            try writeText("name: Seattle\ncountry: United States\n", to: content.appendingPathComponent("cities/seattle.yml"))
            try writeText("name: Bratislava\ncountry: Slovakia\n", to: content.appendingPathComponent("cities/bratislava.yml"))
            try writeText("name: Ljubljana\ncountry: Slovenia\n", to: content.appendingPathComponent("cities/ljubljana.yml"))
            for slug in ["amsterdam", "utrecht", "denver", "seattle", "bratislava", "ljubljana"] {
                try addSignatory(slug, in: content)
            }
        }.filter { $0.message.contains("probably the same") }
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.message.contains("'The Netherlands' is probably the same as 'Netherlands'") || $0.message.contains("'Netherlands' is probably the same as 'The Netherlands'") })
        #expect(found.contains { $0.location?.path.hasSuffix("cities/utrecht.yml") == true && $0.location?.line == 2 })
        #expect(found.contains { $0.message.contains("'United States' is probably the same as 'USA'") })
        #expect(ContentWarnings.probablySame("Belgium", "Belguim"))  // two letters swapped: one slip
        #expect(ContentWarnings.probablySame("Switzerland", "Swizerland"))
        #expect(!ContentWarnings.probablySame("Austria", "Australia"))
        #expect(!ContentWarnings.probablySame("Slovakia", "Slovenia"))
        #expect(!ContentWarnings.probablySame("Iceland", "Ireland"))
        // Names that differ in their numbers are different places, however alike their letters.
        #expect(!ContentWarnings.probablySame("Country 01", "Country 00"))
        #expect(!ContentWarnings.probablySame("District 10", "District 01"))
        #expect(ContentWarnings.probablySame("Region 7 Nortth", "Region 7 North"))
    }

    @Test func aCityNoPublishedDeclarationLists() throws {
        let found = try warnings { content in
            try writeText("name: Gdańsk\ncountry: Poland\n", to: content.appendingPathComponent("cities/gdansk.yml"))
        }.filter { $0.message.contains("endorses no published declaration") }
        #expect(found.count == 1)
        #expect(found.first?.location?.path.hasSuffix("cities/gdansk.yml") == true)
        #expect(found.first?.notes.contains { $0.contains("signatories:") } == true)
    }

    @Test func manyCitiesEndorsingNothingAreSummed() throws {
        let found = try warnings { content in
            for number in 1...25 {
                try writeText("name: Town \(number)\ncountry: Poland\n", to: content.appendingPathComponent("cities/town-\(number).yml"))
            }
        }.filter { $0.message.contains("endorse no published declaration") || $0.message.contains("endorses no published declaration") }
        #expect(found.count == ContentWarnings.unlistedCitiesShown + 1)
        #expect(found.last?.message == "15 more cities endorse no published declaration")
    }

    @Test func markdownTheSiteCannotShowAsWritten() throws {
        let found = try warnings { content in
            let file = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(file) + """

            | City | Year |
            |------|-----:|
            | Łódź | 2022 |

            As agreed[^1], ~~never~~ always. <!-- TODO: check the year -->

            - [ ] publish the report
            - [x] agree the text
            """, to: file)
        }
        let messages = found.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("22:1 a GitHub-style table") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("26:10 a footnote") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("26:16 '~~'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("28:3 a task-list box ('[ ]')") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("29:3 a task-list box ('[x]')") }, "\(messages)")
        // The fixture's first accord holds a <script> tag, omitted from the page.
        #expect(messages.contains { $0.contains("raw HTML is omitted") }, "\(messages)")
        #expect(!messages.contains { $0.hasPrefix("23:") && $0.contains("raw HTML") }, "an HTML comment is meant to be hidden")
    }

    private func addSignatory(_ slug: String, in content: URL) throws {
        let file = content.appendingPathComponent("declarations/second-accord.md")
        try writeText(try readText(file).replacingOccurrences(of: "signatories:\n", with: "signatories:\n  - \(slug)\n"), to: file)
    }
}
