import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressSite

/// `SiteChanges` decides which pages the preview renders again: a change it misses leaves a stale page.
@Suite struct SiteChangesTests {
    /// The fixture site, and the site after each of `edits` (applied one after another, in one folder:
    /// source locations are part of the model, so every site must be read from the same place).
    func sites(_ edits: [(URL) throws -> Void], drafts: [Bool]? = nil) throws -> [Site] {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            var sites: [Site] = []
            for (step, edit) in ([{ _ in }] + edits).enumerated() {
                try edit(content)
                var options = BuildOptions(contentPath: content.path, templatesPath: TestPaths.templates.path)
                options.includesDrafts = drafts?[step] ?? false
                sites.append(try #require(SiteBuild.prepare(options).0))
            }
            return sites
        }
    }

    func site() throws -> Site { try sites([])[0] }

    /// Every stored property of the model is one `SiteChanges.between` compares. A new property fails
    /// here until it is compared there (and listed here).
    @Test func everyFieldOfTheModelIsCompared() throws {
        let site = try site()
        let city = try #require(site.cities.first), declaration = try #require(site.declarations.first)
        let country = try #require(site.countries.first)
        // A city keeps its fields in a box.
        let cityFields = try #require(Mirror(reflecting: city).descendant("fields"))
        #expect(Mirror(reflecting: cityFields).children.compactMap(\.label)
                    == ["slug", "name", "kind", "subdivision", "sortKey", "country", "endorsements", "endorsementDates"])
        #expect(Mirror(reflecting: declaration).children.compactMap(\.label)
                    == ["slug", "title", "event", "venue", "location", "startDate", "endDate", "adopted", "signatoriesAsOf",
                        "preambleHTML", "commitments", "closingHTML", "signatories", "endorsed", "isDraft", "links"])
        #expect(Mirror(reflecting: country).children.compactMap(\.label) == ["slug", "name", "cities"])
        // A report's declaration, year and city say which it is; the rest is compared.
        let report = try #require(site.reports.first)
        #expect(Mirror(reflecting: report).children.compactMap(\.label)
                    == ["city", "declaration", "year", "published", "summaryHTML", "actions", "links"])
        #expect(Mirror(reflecting: site).children.compactMap(\.label) == ["config", "declarations", "cities", "countries", "reports", "translations"])
        // A translation's fields are all compared (Translation.isSame).
        let translation = try #require(site.translations.first)
        #expect(Mirror(reflecting: translation).children.compactMap(\.label)
                    == ["declaration", "language", "title", "event", "venue", "location", "preambleHTML", "commitments",
                        "closingHTML", "source"])
    }

    @Test func changesAreNamedBySlug() throws {
        let file = "declarations/second-accord.md"
        let sites = try sites([
            // Renamed to the front of the A–Z order: only the city itself (and its country's list) changed.
            { try writeText("name: Aachen\ncountry: Poland\n", to: $0.appendingPathComponent("cities/wroclaw.yml")) },
            // A signatory removed: the declaration and the city it no longer lists.
            { content in
                let url = content.appendingPathComponent(file)
                try writeText(try readText(url).replacingOccurrences(of: "  - {city: poznan", with: "  # {city: poznan"), to: url)
            },
        ])
        #expect(SiteChanges.between(sites[0], sites[0]) == SiteChanges())
        let rename = try #require(SiteChanges.between(sites[0], sites[1]))
        #expect(rename.cities == ["wroclaw"])
        #expect(rename.declarations.isEmpty)
        #expect(rename.countries == ["poland"])
        let removal = try #require(SiteChanges.between(sites[1], sites[2]))
        #expect(removal.declarations == ["second-accord"])
        // Its title, date and commitments did not change: other signatories' pages show nothing more of it.
        #expect(removal.declarationEntries.isEmpty)
        #expect(removal.cities == ["poznan"])
        #expect(removal.countries.isEmpty)
    }

    @Test func aRetitledDeclarationChangesWhatCityPagesShowOfIt() throws {
        let sites = try sites([{ content in
            let url = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(url).replacingOccurrences(of: "title: Second Accord", with: "title: The Second Accord"), to: url)
        }])
        let retitle = try #require(SiteChanges.between(sites[0], sites[1]))
        #expect(retitle.declarations == ["second-accord"] && retitle.declarationEntries == ["second-accord"])
    }

    @Test func reportsAreComparedWhereverTheirCityMovedInTheOrder() throws {
        let report = "reports/2022/lodz-second-accord.md"
        let sites = try sites([
            // An action reworded: that report, its declaration's and its city's pages.
            { content in
                let url = content.appendingPathComponent(report)
                try writeText(try readText(url).replacingOccurrences(of: "4,012 native trees", with: "4,013 native trees"), to: url)
            },
            // Łódź renamed to the end of the A–Z order: the reports move in the site's order, and none changed.
            { try writeText("name: Żyrardów-Łódź\ncountry: Poland\n", to: $0.appendingPathComponent("cities/lodz.yml")) },
        ])
        let reworded = try #require(SiteChanges.between(sites[0], sites[1]))
        #expect(reworded.reports == ["second-accord/2022/lodz"])
        #expect(reworded.reportDeclarations == ["second-accord"])
        #expect(reworded.reportCities == ["lodz"])
        // The update of that year, and the page of commitment 1 alone: the action reworded names only it.
        #expect(reworded.reportUpdates == ["second-accord/2022"])
        #expect(reworded.reportCommitments == ["second-accord#1"])
        #expect(reworded.cities.isEmpty && reworded.declarations.isEmpty)
        let renamed = try #require(SiteChanges.between(sites[1], sites[2]))
        #expect(renamed.reports.isEmpty)
        #expect(renamed.cities == ["lodz"])
    }

    @Test func anotherShapeIsNoChangeSet() throws {
        let sites = try sites([
            { _ in },  // drafts included: a declaration more
            { try writeText("name: Oslo\ncountry: Norway\n", to: $0.appendingPathComponent("cities/oslo.yml")) },
            { content in
                let url = content.appendingPathComponent("site.yml")
                try writeText(try readText(url).replacingOccurrences(of: "title: Fixture Declarations", with: "title: Other"), to: url)
            },
        ], drafts: [false, true, false, false])
        #expect(SiteChanges.between(sites[0], sites[1]) == nil)
        #expect(SiteChanges.between(sites[0], sites[2]) == nil)
        #expect(SiteChanges.between(sites[2], sites[3]) == nil)
    }
}
