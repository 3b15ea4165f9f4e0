import Foundation
import Testing

/// One problem a user can make, and the diagnostic CityPress must print for it.
struct BrokenSite: CustomTestStringConvertible, Sendable {
    let name: String
    /// Files to write (relative to the site folder, which holds Content/ and Templates/); `nil` deletes.
    let changes: [(String, Data?)]
    /// The start of the diagnostic's first line: `path:line:column: error: message`.
    let expected: String
    var testDescription: String { name }

    init(_ name: String, _ changes: [(String, String?)], expect expected: String) {
        self.name = name
        self.changes = changes.map { ($0.0, $0.1.map { Data($0.utf8) }) }
        self.expected = expected
    }

    init(_ name: String, bytes changes: [(String, Data?)], expect expected: String) {
        self.name = name
        self.changes = changes
        self.expected = expected
    }

    static let second = "Content/declarations/second-accord.md"
    static func declaration(_ frontMatter: String, body: String = "1. To plant trees.\n") -> String {
        "---\n\(frontMatter)---\n\n\(body)"
    }
    static let goodFront = """
        title: Second Accord
        event: Second Summit
        venue: Congress Centre
        location: Wrocław, Poland
        start_date: 2022-05-10
        signatories_as_of: 2022-06-01
        signatories:
          - lodz
          - wroclaw

        """

    static let report = "Content/reports/x.md"
    static func report(city: String = "wroclaw", declaration: String = "second-accord", year: String = "2023",
                       body: String = "## Commitment 1: Trees\n\nPlanted.\n") -> String {
        "---\ncity: \(city)\ndeclaration: \(declaration)\nyear: \(year)\npublished: 2024-02-01\n---\n\n\(body)"
    }

    static let reports: [BrokenSite] = [
        BrokenSite("report: unknown city", [(report, report(city: "lodzz"))],
                   expect: "\(report):2:7: error: unknown city 'lodzz' (did you mean 'lodz'?)"),
        BrokenSite("report: unknown declaration", [(report, report(declaration: "second-acord"))],
                   expect: "\(report):3:14: error: unknown declaration 'second-acord' (did you mean 'second-accord'?)"),
        BrokenSite("report: not a signatory", [(report, report(city: "lodz", declaration: "first-accord"))],
                   expect: "\(report):2:7: error: 'lodz' is not a signatory of 'first-accord': only its signatories report on it"),
        BrokenSite("report: endorsed after the year reported", [
            (second, declaration(goodFront.replacingOccurrences(of: "signatories_as_of: 2022-06-01", with: "signatories_as_of: 2024-01-01")
                                 + "  - {city: poznan, endorsed: 2023-03-01}\n", body: "1. To plant trees.\n2. To share data.\n")),
            (report, report(city: "poznan", year: "2022")),
        ], expect: "\(report):4:7: error: 'poznan' endorsed 'second-accord' on 2023-03-01, after the year 2022 this report covers"),
        BrokenSite("report: no such commitment", [(report, report(body: "## Commitment 3: Trees\n\nPlanted.\n"))],
                   expect: "\(report):8:15: error: 'second-accord' has no commitment 3 (it has 1–2)"),
        BrokenSite("report: year before the declaration", [(report, report(year: "2021"))],
                   expect: "\(report):4:7: error: year 2021 is before the declaration: 'second-accord' dates from 2022"),
        BrokenSite("report: two for one city, declaration and year", [(report, report(city: "lodz", year: "2022"))],
                   expect: "\(report):2:7: error: a second report of 'lodz' on 'second-accord' for 2022"),
        BrokenSite("report: an action naming no commitment", [(report, report(body: "## Trees for schools\n\nPlanted.\n"))],
                   expect: "\(report):8:4: error: an action must name the commitments it implements: write its heading as '## Commitment 3: Title' or '## Commitments 2 and 5: Title'"),
        BrokenSite("report: no actions", [(report, report(body: "We planted trees.\n"))],
                   expect: "\(report):8:1: error: report has no actions"),
        BrokenSite("report: year not four digits", [(report, report(year: "23"))],
                   expect: "\(report):4:7: error: year must be a year written with four digits (2024), not '23'"),
        BrokenSite("report template missing while the site has reports", [("Templates/report.mustache", nil)],
                   expect: "Templates/report.mustache: error: missing template 'report': the site has 4 pages rendered with it (a report page)"),
        BrokenSite("report: not a commitment number", [(report, report(body: "## Commitments 1 and two: Trees\n\nPlanted.\n"))],
                   expect: "\(report):8:22: error: 'two' is not a commitment number"),
        BrokenSite("report: a link to an unknown city", [(report, report(body: "## Commitment 1: Trees\n\nWith [Łódź](/cities/lodzz/).\n"))],
                   expect: "\(report):10:13: error: link '/cities/lodzz/' names an unknown city 'lodzz' (did you mean 'lodz'?)"),
        BrokenSite("report: a relative link", [(report, report(body: "## Commitment 1: Trees\n\nSee [Łódź](../lodz/).\n"))],
                   expect: "\(report):10:12: error: relative link '../lodz/' would point elsewhere on the print edition of the year's implementation update"),
        BrokenSite("report: a link to a year without an update", [(report, report(body: "## Commitment 1: Trees\n\nAs [last year](/declarations/second-accord/updates/2019/).\n"))],
                   expect: "\(report):10:16: error: link '/declarations/second-accord/updates/2019/' names no implementation update: 'Second Accord' has no reports for 2019"),
    ]

    static let all: [BrokenSite] = reports + [
        BrokenSite("malformed YAML", [("Content/cities/poznan.yml", "name: Poznań\ncountry: [Poland\n")],
                   expect: "Content/cities/poznan.yml:2:17: error: malformed YAML"),
        BrokenSite("unclosed front matter", [(second, "---\ntitle: Second Accord\n\n1. To plant trees.\n")],
                   expect: "\(second):1:1: error: front matter is never closed"),
        BrokenSite("missing required field", [("Content/cities/wroclaw.yml", "name: Wroclaw\n")],
                   expect: "Content/cities/wroclaw.yml:1:1: error: missing required field 'country'"),
        BrokenSite("date not YYYY-MM-DD",
                   [(second, declaration(goodFront.replacingOccurrences(of: "2022-05-10", with: "10/05/2022")))],
                   expect: "\(second):6:13: error: field 'start_date' must be a date written YYYY-MM-DD, not '10/05/2022'"),
        BrokenSite("list where a string belongs",
                   [(second, declaration(goodFront.replacingOccurrences(of: "title: Second Accord", with: "title: [Second, Accord]")))],
                   expect: "\(second):2:8: error: field 'title' must be a single line of text, not a list"),
        BrokenSite("unknown city", [(second, declaration(goodFront.replacingOccurrences(of: "- wroclaw", with: "- wroclw")))],
                   expect: "\(second):10:5: error: unknown city 'wroclw' (did you mean 'wroclaw'?)"),
        BrokenSite("city listed twice", [(second, declaration(goodFront + "  - lodz\n"))],
                   expect: "\(second):11:5: error: city 'lodz' is listed twice in signatories"),
        BrokenSite("endorsed before the meeting", [(second, declaration(goodFront + "  - {city: poznan, endorsed: 2022-05-01}\n"))],
                   expect: "\(second):11:30: error: 'poznan' endorsed on 2022-05-01, before the declaration's start_date 2022-05-10"),
        // On the meeting's own day (no `adopted`: its start_date) the history would put the city before the meeting.
        BrokenSite("endorsed at the meeting, with a date", [(second, declaration(goodFront + "  - {city: poznan, endorsed: 2022-05-10}\n"))],
                   expect: "\(second):11:30: error: 'poznan' endorsed on 2022-05-10, not after the meeting (start_date 2022-05-10)"),
        BrokenSite("endorsed during the meeting, before its adoption",
                   [(second, declaration(goodFront.replacingOccurrences(of: "start_date: 2022-05-10\n", with: "start_date: 2022-05-10\nadopted: 2022-05-12\n")
                                         + "  - {city: poznan, endorsed: 2022-05-11}\n"))],
                   expect: "\(second):12:30: error: 'poznan' endorsed on 2022-05-11, not after the meeting (adopted 2022-05-12)"),
        BrokenSite("endorsed after the list's date", [(second, declaration(goodFront + "  - city: poznan\n    endorsed: 2022-07-01\n"))],
                   expect: "\(second):12:15: error: 'poznan' endorsed on 2022-07-01, after signatories_as_of 2022-06-01"),
        BrokenSite("endorsement date not YYYY-MM-DD", [(second, declaration(goodFront + "  - {city: poznan, endorsed: 20 May 2022}\n"))],
                   expect: "\(second):11:30: error: 'endorsed' must be a date written YYYY-MM-DD, not '20 May 2022'"),
        BrokenSite("misspelt key in a signatory entry", [(second, declaration(goodFront + "  - {city: poznan, endorsd: 2022-05-20}\n"))],
                   expect: "\(second):11:20: error: unknown key 'endorsd' in an entry of 'signatories' (did you mean 'endorsed'?)"),
        BrokenSite("dated entry without its city", [(second, declaration(goodFront + "  - {endorsed: 2022-05-20}\n"))],
                   expect: "\(second):11:5: error: an entry of 'signatories' with 'endorsed' must name its city"),
        BrokenSite("city listed twice, once with a date", [(second, declaration(goodFront + "  - {city: lodz, endorsed: 2022-05-20}\n"))],
                   expect: "\(second):11:12: error: city 'lodz' is listed twice in signatories"),
        BrokenSite("bad slug", [("Content/cities/Bad_Name.yml", "name: Bad\ncountry: Poland\n")],
                   expect: "Content/cities/Bad_Name.yml: error: bad slug 'Bad_Name'"),
        BrokenSite("no ordered list", [(second, declaration(goodFront, body: "Only a preamble.\n"))],
                   expect: "\(second):13:1: error: declaration has no commitments"),
        BrokenSite("two ordered lists", [(second, declaration(goodFront, body: "1. One.\n\nText.\n\n1. Again.\n"))],
                   expect: "\(second):17:1: error: declaration has more than one top-level numbered list"),
        BrokenSite("not UTF-8", bytes: [("Content/cities/poznan.yml", Data("name: Pozna".utf8) + Data([0xF1]) + Data("\ncountry: Poland\n".utf8))],
                   expect: "Content/cities/poznan.yml:1:12: error: file is not valid UTF-8"),
        BrokenSite("missing site.yml", [("Content/site.yml", nil)],
                   expect: "citypress: error: 'Content/site.yml' is missing"),
        BrokenSite("template syntax error", [("Templates/city.mustache", "{{<layout}}\n{{$main}}\n<h1>{{name}</h1>\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/city.mustache:3:"),
        BrokenSite("missing template", [("Templates/country.mustache", nil)],
                   expect: "Templates/country.mustache: error: missing template 'country'"),
        BrokenSite("unknown field in a template",
                   [("Templates/city.mustache", "{{<layout}}\n{{$main}}\n<h1>{{nmae}}</h1>\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/city.mustache:3:5: error: a city page has no field 'nmae' (did you mean 'name'?)"),
        BrokenSite("misspelt partial",
                   [("Templates/home.mustache", "{{<layout}}\n{{$main}}\n{{#declarations}}\n  {{>declaration-crad}}\n{{/declarations}}\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/home.mustache:4:3: error: template 'home' uses 'declaration-crad', which does not exist (did you mean 'declaration-card'?)"),
        BrokenSite("section over a text field",
                   [("Templates/country.mustache", "{{<layout}}\n{{$main}}\n{{#name}}<h1>{{name}}</h1>{{/name}}\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/country.mustache:3:1: error: {{#name}} always shows"),
        BrokenSite("section name misspelt",
                   [("Templates/cities.mustache", "{{<layout}}\n{{$main}}\n{{#leters}}{{letter}}{{/leters}}\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/cities.mustache:3:1: error: the cities index has no field 'leters' (did you mean 'letters'?)"),
        BrokenSite("list printed as text",
                   [("Templates/cities.mustache", "{{<layout}}\n{{$main}}\n<p>{{letters}}</p>\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/cities.mustache:3:4: error: {{letters}} prints nothing"),
        BrokenSite("missing partial", [("Templates/countries.mustache", "{{<layout}}\n{{$main}}\n  {{>country-lisst}}\n{{/main}}\n{{/layout}}\n")],
                   expect: "Templates/countries.mustache:3:3: error: template 'countries' uses 'country-lisst', which does not exist"),
    ]
}

/// Builds a folder of broken sites, one problem each: the message, its location, exit status 1,
/// and an output folder left byte for byte as the last good build wrote it.
@Suite struct BrokenSitesTests {
    func makeSite(in root: URL) throws -> URL { try makeFixtureSite(in: root) }

    @Test(arguments: BrokenSite.all)
    func reportsTheProblemAndLeavesTheOutputAlone(_ broken: BrokenSite) throws {
        try withTemporaryFolder { root in
            let site = try makeSite(in: root)
            let good = try runCityPress(["build"], in: site)
            #expect(good.status == 0, "\(good.stderr)")
            let before = try snapshot(of: site.appendingPathComponent("Public"))
            #expect(before["index.html"] != nil)

            for (path, data) in broken.changes {
                let url = site.appendingPathComponent(path)
                if let data {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                } else {
                    try FileManager.default.removeItem(at: url)
                }
            }
            let result = try runCityPress(["build"], in: site)
            #expect(result.status == 1)
            let firstError = result.stderr.split(separator: "\n").first { $0.contains("error:") }.map(String.init) ?? ""
            #expect(firstError.hasPrefix(broken.expected), "stderr was:\n\(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
            #expect(try snapshot(of: site.appendingPathComponent("Public")) == before)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
        }
    }

    @Test func reportsEveryProblemOfARunTogether() throws {
        try withTemporaryFolder { root in
            let site = try makeSite(in: root)
            try writeText("name: Wroclaw\n", to: site.appendingPathComponent("Content/cities/wroclaw.yml"))
            try writeText("name: Poznań\ncountry: Poland\nmayor: X\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            try FileManager.default.removeItem(at: site.appendingPathComponent("Templates/404.mustache"))
            let result = try runCityPress(["build"], in: site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("Content/cities/wroclaw.yml:1:1: error: missing required field 'country'"))
            #expect(result.stderr.contains("Content/cities/poznan.yml:3:1: warning: unknown field 'mayor' is ignored"))
            #expect(result.stderr.contains("error: missing template '404'"))
            #expect(result.stderr.contains("mayor: X\n^"))
            // A broken city file is reported once, not again by every declaration naming it.
            #expect(!result.stderr.contains("unknown city 'wroclaw'"))
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public").path))
        }
    }

    /// A declaration with an error is reported once, at its place: not again by each report and
    /// translation of it as "unknown" (the fixture's second accord has three reports and two translations).
    @Test func aBrokenDeclarationIsNotReportedAgainByItsReportsAndTranslations() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let file = site.appendingPathComponent("Content/declarations/second-accord.md")
            try writeText(try readText(file).replacingOccurrences(of: "{city: poznan, endorsed: 2022-05-20}",
                                                                  with: "{city: poznan, endorsed: 2022-07-20}"), to: file)
            let result = try runCityPress(["build", "--content", "Content", "--templates", "Templates", "--output", "out"], in: site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("second-accord.md:11:"), "\(result.stderr)")
            #expect(!result.stderr.contains("unknown declaration"), "\(result.stderr)")
            #expect(result.stderr.contains("build failed with 1 error;"), "\(result.stderr)")
        }
    }

    /// The content folder given as the templates folder is one mistake, not one per missing template;
    /// a folder missing some templates lists what every site needs once.
    @Test func aFolderWithoutTemplatesIsOneError() throws {
        try withTemporaryFolder { root in
            let site = try makeSite(in: root)
            let wrong = try runCityPress(["build", "--templates", "Content"], in: site)
            #expect(wrong.status == 1)
            #expect(wrong.stderr.components(separatedBy: "error:").count - 1 == 1, "\(wrong.stderr)")
            #expect(wrong.stderr.contains("citypress: error: templates folder 'Content' has no templates (no .mustache files)"))
            #expect(wrong.stderr.contains("--templates"))
            for name in ["city", "country", "home"] {
                try FileManager.default.removeItem(at: site.appendingPathComponent("Templates/\(name).mustache"))
            }
            let missing = try runCityPress(["build"], in: site)
            #expect(missing.status == 1)
            #expect(missing.stderr.components(separatedBy: "missing template").count - 1 == 3, "\(missing.stderr)")
            #expect(missing.stderr.components(separatedBy: "every site needs the templates").count - 1 == 1, "\(missing.stderr)")
        }
    }

    /// A template folder made before reports existed builds a site that has none.
    @Test func aSiteWithoutReportsNeedsNoReportTemplates() throws {
        try withTemporaryFolder { root in
            let site = try makeSite(in: root)
            try FileManager.default.removeItem(at: site.appendingPathComponent("Content/reports"))
            for name in ["report", "update", "update-print"] {
                try FileManager.default.removeItem(at: site.appendingPathComponent("Templates/\(name).mustache"))
            }
            let result = try runCityPress(["build"], in: site)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("error:"))
        }
    }

    @Test func anUnknownFieldIsOnlyAWarning() throws {
        try withTemporaryFolder { root in
            let site = try makeSite(in: root)
            try writeText("name: Poznań\ncountry: Poland\npopulation: 500000\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            let result = try runCityPress(["build"], in: site)
            #expect(result.status == 0)
            #expect(result.stderr.contains("Content/cities/poznan.yml:3:1: warning: unknown field 'population' is ignored"))
            // The other warning: the fixture's raw <script> tag, omitted from the page.
            #expect(result.stdout.contains("(2 warnings)"))
        }
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        try withTemporaryFolder { root in
            let site = try makeSite(in: root)
            try writeText("my notes", to: site.appendingPathComponent("Public/notes.txt"))
            let before = try snapshot(of: site.appendingPathComponent("Public"))
            let refused = try runCityPress(["build"], in: site)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("output folder 'Public' was not written by CityPress"))
            #expect(refused.stderr.contains("--force"))
            #expect(try snapshot(of: site.appendingPathComponent("Public")) == before)
            let contentBefore = try snapshot(of: site.appendingPathComponent("Content"))
            let templatesBefore = try snapshot(of: site.appendingPathComponent("Templates"))
            // The reported data loss: folders inside the content and templates folders, with --force.
            for dangerous in [".", "Content", "..", "~", "Content/cities", "Content/declarations", "Templates",
                              "Templates/assets", "./Content/cities/", "Public/../Templates/assets"] {
                let result = try runCityPress(["build", "--output", dangerous, "--force"], in: site)
                #expect(result.status == 1, "--output \(dangerous) was accepted")
                #expect(result.stderr.contains("refusing to use"), "--output \(dangerous): \(result.stderr)")
            }
            #expect(try snapshot(of: site.appendingPathComponent("Content")) == contentBefore)
            #expect(try snapshot(of: site.appendingPathComponent("Templates")) == templatesBefore)
            let forced = try runCityPress(["build", "--force"], in: site)
            #expect(forced.status == 0)
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/notes.txt").path))
        }
    }
}
