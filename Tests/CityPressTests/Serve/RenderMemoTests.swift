import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressLoad
@testable import CityPressRender
@testable import CityPressScaffold
@testable import CityPressSite
@testable import CityPressServer

/// The preview reuses pages whose view values and templates did not change; the result must be the
/// same bytes as a full build.
@Suite struct RenderMemoTests {
    /// What the memo's last render wrote, served to the next one as the preview serves its last build.
    final class Served: @unchecked Sendable {
        var files: PreviewFiles?
    }
    let served = Served()

    /// With a memo, also with a load cache (as the preview builds); without, a plain full build.
    func render(_ content: URL, _ templates: URL, memo: RenderMemo?, cache: LoadCache? = nil) throws -> [String: String] {
        var options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
        options.loadCache = memo == nil ? nil : cache
        let (site, templateSet, diagnostics) = SiteBuild.prepare(options)
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let sink = MemorySink()
        memo?.start(from: served.files)
        try SiteRenderer(site: try #require(site), templates: try #require(templateSet)).render(into: sink, reuse: memo)
        memo?.finish(succeeded: true)
        if memo != nil { served.files = PreviewFiles(sink.pages.mapValues { Array($0.utf8) }) }
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
            #expect(memo.reusedCount > 0)
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

    /// A page the memo knew is rendered again without it (the preview's quick path after an edit) and
    /// the memo is told to forget it: when its view is back to what the memo knew, the page is rendered
    /// again, not taken from the served files, which hold the other version.
    @Test func forgottenPagesAreRenderedAgain() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content"), templates = root.appendingPathComponent("Templates")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            try copyFolder(TestPaths.templates, to: templates)
            let memo = RenderMemo()
            let first = try render(content, templates, memo: memo)
            let city = "cities/wroclaw/index.html"
            // The served files now hold another version of the page, rendered without the memo.
            var files = first.mapValues { Array($0.utf8) }
            files[city] = Array("<html>another version</html>".utf8)
            served.files = PreviewFiles(files)
            memo.forget([city])
            let again = try render(content, templates, memo: memo)
            #expect(memo.reusedCount > 0)
            #expect(again[city] == first[city])
            #expect(again == (try render(content, templates, memo: nil)))

            // Without being told, it would take the served bytes: what `forget` is for.
            files = again.mapValues { Array($0.utf8) }
            files[city] = Array("<html>another version</html>".utf8)
            served.files = PreviewFiles(files)
            #expect(try render(content, templates, memo: memo)[city] == "<html>another version</html>")

            // A failed build forgets every page.
            served.files = PreviewFiles(files)
            memo.finish(succeeded: false)
            #expect(try render(content, templates, memo: memo)[city] == first[city])
            #expect(memo.reusedCount == 0)
        }
    }
}
