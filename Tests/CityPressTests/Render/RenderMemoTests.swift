import Foundation
import Testing
@testable import CityPress

/// The preview reuses pages whose view values and templates did not change; the result must be the
/// same bytes as a full build.
@Suite struct RenderMemoTests {
    func render(_ content: URL, _ templates: URL, memo: RenderMemo?) throws -> [String: String] {
        let (site, templateSet, diagnostics) = SiteBuild.prepare(BuildOptions(contentPath: content.path, templatesPath: templates.path))
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let sink = MemorySink()
        try SiteRenderer(site: try #require(site), templates: try #require(templateSet)).render(into: sink, memo: memo)
        return sink.pages
    }

    @Test func incrementalRebuildsEqualFullBuilds() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content"), templates = root.appendingPathComponent("Templates")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            try copyFolder(TestPaths.templates, to: templates)
            let memo = RenderMemo()
            _ = try render(content, templates, memo: memo)

            // A city renamed: its page, its country, the indexes and the declarations listing it change.
            try writeText("name: Wrocław City\ncountry: Poland\nsubdivision: Lower Silesia\n",
                          to: content.appendingPathComponent("cities/wroclaw.yml"))
            let incremental = try render(content, templates, memo: memo)
            #expect(memo.reusedCount > 0)
            #expect(incremental == (try render(content, templates, memo: nil)))
            #expect(incremental["cities/wroclaw/index.html"]?.contains("Wrocław City") == true)
            #expect(incremental["declarations/second-accord/index.html"]?.contains("Wrocław City") == true)

            // A city moved to another country.
            try writeText("name: Poznań\ncountry: Greater Poland\n", to: content.appendingPathComponent("cities/poznan.yml"))
            #expect(try render(content, templates, memo: memo) == (try render(content, templates, memo: nil)))

            // A template edited: nothing stale survives.
            let city = templates.appendingPathComponent("city.mustache")
            try writeText(try readText(city).replacingOccurrences(of: "<h1>{{name}}</h1>", with: "<h1 class=\"x\">{{name}}</h1>"), to: city)
            let afterTemplate = try render(content, templates, memo: memo)
            #expect(afterTemplate == (try render(content, templates, memo: nil)))
            #expect(afterTemplate["cities/lodz/index.html"]?.contains("<h1 class=\"x\">") == true)

            // A declaration edited.
            let declaration = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(declaration).replacingOccurrences(of: "To share data.", with: "To share open data."), to: declaration)
            #expect(try render(content, templates, memo: memo) == (try render(content, templates, memo: nil)))
        }
    }
}
