import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressLoad
@testable import CityPressRender
@testable import CityPressScaffold
@testable import CityPressSite
@testable import CityPressServer

/// The preview's memo of each city's signatory entries: full renders only fill it; an edit's build
/// takes the unchanged cities' entries from it and renders the edited ones again.
@Suite struct RenderMemoTests {
    /// With a memo and a load cache (as the preview builds); without, a plain full build.
    func render(_ content: URL, _ templates: URL, memo: RenderMemo?, cache: LoadCache? = nil) throws -> [String: String] {
        var options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
        options.loadCache = memo == nil ? nil : cache
        let (site, templateSet, diagnostics) = SiteBuild.prepare(options)
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let sink = MemorySink()
        try SiteRenderer(site: try #require(site), templates: try #require(templateSet)).render(into: sink, reuse: memo)
        return sink.pages
    }

    /// Full renders through the preview's load cache, as records change, equal plain builds. (They
    /// render every signatory entry: the memo is read only by an edit's build, tested below.)
    @Test func fullRendersThroughALoadCacheEqualPlainBuilds() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
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

    /// The memo is seeded with entries from a marked template: an edit's build must show the marked
    /// entry for an unchanged city (it read the memo) and a fresh one for the edited city (it did not
    /// take a stale entry); a full render then fills the memo anew, marks gone.
    @Test func anEditsBuildTakesUnchangedCitiesEntriesFromTheMemo() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let marked = root.appendingPathComponent("Marked")
            try copyFolder(TestPaths.templates, to: marked)
            let entry = marked.appendingPathComponent("signatory-entry.mustache")
            try writeText(try readText(entry).replacingOccurrences(of: "<li>", with: "<li data-memo>"), to: entry)
            let (site, markedTemplates, problems) = SiteBuild.prepare(BuildOptions(contentPath: content.path, templatesPath: marked.path))
            #expect(!problems.containsErrors, "\(problems)")
            let markedEntries = SignatoryEntries(renderer: SiteRenderer(site: try #require(site), templates: try #require(markedTemplates)))

            let builder = PreviewBuilder(options: BuildOptions(contentPath: content.path, templatesPath: templates.path))
            _ = builder.build()
            #expect(builder.memo.signatoryEntries?.slugs == markedEntries.slugs, "a full render fills the memo")
            builder.memo.signatoryEntries = markedEntries

            let wroclaw = content.appendingPathComponent("cities/wroclaw.yml")
            try writeText("name: Wrocław City\ncountry: Poland\nsubdivision: Lower Silesia\n", to: wroclaw)
            let fullRenders = builder.fullRenderCount
            guard case .built(let files) = builder.build(changed: [wroclaw.path]).content else { Issue.record("no build"); return }
            #expect(builder.fullRenderCount == fullRenders, "an edit's build, not a full render")
            let page = String(decoding: files["declarations/second-accord/index.html"] ?? [], as: UTF8.self)
            // A signatory entry is an `<li>` (marked or not) around a link to the city, up to the next `<li`.
            let pieces: [String] = page.components(separatedBy: "<li")
            let listed: [String] = pieces.dropFirst().filter { (piece: String) -> Bool in
                piece.hasPrefix("><a") || piece.hasPrefix(" data-memo><a")
            }
            let edited: [String] = listed.filter { $0.contains(">Wrocław City</a>") }
            let kept: [String] = listed.filter { $0.contains(">Łódź</a>") }
            #expect(edited.count == 1, "\(edited)")
            #expect(edited.first?.hasPrefix("><a") == true, "the edited city's entry is rendered anew: \(edited)")
            #expect(kept.count == 1, "\(kept)")
            #expect(kept.first?.hasPrefix(" data-memo><a") == true, "an unchanged city's entry comes from the memo: \(kept)")

            _ = builder.build()
            #expect(builder.memo.signatoryEntries?.web.contains { $0.contains("data-memo") } == false, "a full render does not read the memo")
        }
    }

    /// The memo forgets its entries when the templates they were rendered with change.
    @Test func newTemplatesEmptyTheMemo() throws {
        try withTemporaryFolder { root in
            let templates = root.appendingPathComponent("Templates")
            try copyFolder(TestPaths.templates, to: templates)
            let content = TestPaths.fixtureSite.appendingPathComponent("Content").path
            let (site, before, _) = SiteBuild.prepare(BuildOptions(contentPath: content, templatesPath: templates.path))
            let memo = RenderMemo()
            memo.prepare(for: try #require(before))
            memo.signatoryEntries = SignatoryEntries(renderer: SiteRenderer(site: try #require(site), templates: try #require(before)))
            memo.prepare(for: try #require(before))
            #expect(memo.signatoryEntries != nil, "the same templates: kept")
            let entry = templates.appendingPathComponent("signatory-entry.mustache")
            try writeText(try readText(entry) + "\n", to: entry)
            let after = try #require(SiteBuild.prepare(BuildOptions(contentPath: content, templatesPath: templates.path)).1)
            memo.prepare(for: after)
            #expect(memo.signatoryEntries == nil, "other templates: forgotten")
        }
    }
}
