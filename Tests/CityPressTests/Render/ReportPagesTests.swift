import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressRender

/// What the fixture site's reports become: each action with an anchor on its report's page; the
/// commitment pages and the implementation updates list actions by title, linking to those anchors;
/// the print edition carries their text.
@Suite struct ReportPagesTests {
    let pages: [String: String]

    init() throws {
        pages = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content")).pages
    }

    /// `detail` of the cities an update lists, as templates.md documents for every city link: the
    /// built-in template shows none, a site's own may.
    @Test func anUpdatesCitiesHaveTheirDetail() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            try writeText("{{<layout}}{{$main}}<h1>x</h1>{{#reported}}<p>R {{name}}={{detail}}</p>{{/reported}}"
                          + "{{#notYetReported}}<p>N {{name}}={{detail}}</p>{{/notYetReported}}{{/main}}{{/layout}}\n",
                          to: templates.appendingPathComponent("update.mustache"))
            let page = try #require(try renderInMemory(content: content, templates: templates).pages["declarations/second-accord/updates/2022/index.html"])
            let lines = page.split(separator: "<p>").dropFirst().map { $0.prefix { $0 != "<" } }
            #expect(lines.contains("R Wroclaw=Lower Silesia"), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("N Greater Leeds") && $0.hasSuffix("=Region") }, "\(lines)")
        }
    }

    @Test func everyActionHasAnAnchorOnItsReport() throws {
        let report = try #require(pages["declarations/second-accord/updates/2022/lodz/index.html"])
        #expect(report.contains("<li class=\"report-action\" id=\"action-1\">\n<h3>Four thousand trees on school grounds</h3>"))
        #expect(report.contains("<li class=\"report-action\" id=\"action-2\">\n<h3>The urban canopy as open data</h3>"))
        #expect(report.contains("Pupils of 38 primary schools planted 4,012 native trees"))
    }

    @Test func aCommitmentPageListsActionsNewestYearFirstByTitle() throws {
        let page = try #require(pages["declarations/second-accord/commitments/2/index.html"])
        let newer = try #require(page.range(of: "href=\"../../../../declarations/second-accord/updates/2023/lodz/#action-1\">Data shared with the network&#39;s cities</a>"))
        let older = try #require(page.range(of: "href=\"../../../../declarations/second-accord/updates/2022/lodz/#action-2\">The urban canopy as open data</a>"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(page.contains("<a href=\"../../../../cities/lodz/\">Łódź</a>, 2023"))
        #expect(page.contains(" reported by "))
        // The text stays on the report's page.
        #expect(!page.contains("Every tree planted by the city since 2020"))
    }

    @Test func anUpdateListsItsActionsAndItsPrintEditionPrintsThem() throws {
        let update = try #require(pages["declarations/second-accord/updates/2022/index.html"])
        #expect(update.contains("href=\"../../../../declarations/second-accord/updates/2022/lodz/#action-1\">Four thousand trees on school grounds</a>"))
        #expect(!update.contains("Pupils of 38 primary schools"))
        let print = try #require(pages["declarations/second-accord/updates/2022/print/index.html"])
        #expect(print.contains("Pupils of 38 primary schools planted 4,012 native trees"))
        // An action naming two commitments is printed under each, its links rewritten for the print page.
        #expect(print.components(separatedBy: "Every tree planted by the city since 2020").count == 3)
        #expect(print.contains("href=\"../../../../../cities/lodz/\""))
    }
}
