import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressLoad
@testable import CityPressRender
@testable import CityPressScaffold
@testable import CityPressSite
@testable import CityPressServer

/// The preview's full renders take unchanged cities' signatory entries from the last build (its
/// memo); the result must be the same bytes as a full build.
@Suite struct RenderMemoTests {
    /// With a memo, also with a load cache (as the preview builds); without, a plain full build.
    func render(_ content: URL, _ templates: URL, memo: RenderMemo?, cache: LoadCache? = nil) throws -> [String: String] {
        var options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
        options.loadCache = memo == nil ? nil : cache
        let (site, templateSet, diagnostics) = SiteBuild.prepare(options)
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let sink = MemorySink()
        try SiteRenderer(site: try #require(site), templates: try #require(templateSet)).render(into: sink, reuse: memo)
        return sink.pages
    }

    @Test func incrementalRebuildsEqualFullBuilds() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content"), templates = root.appendingPathComponent("Templates")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            try copyFolder(TestPaths.templates, to: templates)
            let memo = RenderMemo(), cache = LoadCache()
            _ = try render(content, templates, memo: memo, cache: cache)

            // A city renamed: its page, its country, the indexes and the declarations listing it change.
            try writeText("name: Wrocław City\ncountry: Poland\nsubdivision: Lower Silesia\n",
                          to: content.appendingPathComponent("cities/wroclaw.yml"))
            let incremental = try render(content, templates, memo: memo, cache: cache)
            #expect(incremental == (try render(content, templates, memo: nil)))
            #expect(incremental["cities/wroclaw/index.html"]?.contains("Wrocław City") == true)
            #expect(incremental["declarations/second-accord/index.html"]?.contains("Wrocław City") == true)

            // A city moved to another country.
            try writeText("name: Poznań\ncountry: Greater Poland\n", to: content.appendingPathComponent("cities/poznan.yml"))
            #expect(try render(content, templates, memo: memo, cache: cache) == (try render(content, templates, memo: nil)))

            // A template edited: nothing stale survives.
            let city = templates.appendingPathComponent("city.mustache")
            try writeText(try readText(city).replacingOccurrences(of: "<h1>{{name}}</h1>", with: "<h1 class=\"x\">{{name}}</h1>"), to: city)
            let afterTemplate = try render(content, templates, memo: memo, cache: cache)
            #expect(afterTemplate == (try render(content, templates, memo: nil)))
            #expect(afterTemplate["cities/lodz/index.html"]?.contains("<h1 class=\"x\">") == true)

            // A declaration edited.
            let declaration = content.appendingPathComponent("declarations/second-accord.md")
            try writeText(try readText(declaration).replacingOccurrences(of: "To share data.", with: "To share open data."), to: declaration)
            #expect(try render(content, templates, memo: memo, cache: cache) == (try render(content, templates, memo: nil)))

            // A record broken, then a new city added: diagnostics and new files are seen through the cache.
            try writeText("name: Poznań\ncountry: [Poland\n", to: content.appendingPathComponent("cities/poznan.yml"))
            var options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
            options.loadCache = cache
            #expect(SiteBuild.prepare(options).2.containsErrors)
            try writeText("name: Poznań\ncountry: Poland\n", to: content.appendingPathComponent("cities/poznan.yml"))
            try writeText("name: Gdańsk\ncountry: Poland\n", to: content.appendingPathComponent("cities/gdansk.yml"))
            let added = try render(content, templates, memo: memo, cache: cache)
            #expect(added == (try render(content, templates, memo: nil)))
            #expect(added["cities/gdansk/index.html"] != nil)
        }
    }
}
