import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressScaffold
@testable import CityPressSite
@testable import CityPressServer

/// Saving city records makes the preview re-render only the pages they affect; the files it then
/// serves must be exactly those of a full build.
@Suite struct PreviewIncrementalTests {
    /// A copy of the fixture site in `root`, and a preview builder that has built it once.
    private func builtFixture(in root: URL) throws -> (content: URL, templates: URL, options: BuildOptions, builder: PreviewBuilder) {
        let (content, templates) = try copyFixtureSite(to: root)
        let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
        let builder = PreviewBuilder(options: options)
        _ = builder.build()
        return (content, templates, options, builder)
    }

    func files(_ outcome: PreviewBuilder.Outcome) -> [String: [UInt8]] {
        // Every file, those the preview renders only when asked for included: what a build writes.
        guard case .built(let files) = outcome.content else { return [:] }
        return files.all
    }

    @Test func cityEditsReRenderOnlyWhatTheyTouchAndEqualAFullBuild() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            // Another country, so a city can move between two countries that both stay.
            try writeText("name: Berlin\ncountry: Germany\n", to: content.appendingPathComponent("cities/berlin.yml"))
            let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
            let builder = PreviewBuilder(options: options)
            _ = builder.build()
            func path(_ slug: String) -> String { content.path + "/cities/\(slug).yml" }

            let edits: [(String, String, String)] = [
                ("renamed, so it moves in every A–Z list", "wroclaw", "name: Aachen-Wrocław\ncountry: Poland\nsubdivision: Lower Silesia\n"),
                ("its detail dropped", "wroclaw", "name: Aachen-Wrocław\ncountry: Poland\n"),
                ("its kind changed", "lodz", "name: Łódź\ncountry: Poland\nkind: district\n"),
                ("moved to another country that exists", "poznan", "name: Poznań\ncountry: Germany\n"),
                ("a city no declaration lists", "berlin", "name: Berlin <Mitte>\ncountry: Germany\n"),
            ]
            for (what, slug, text) in edits {
                try writeText(text, to: URL(fileURLWithPath: path(slug)))
                let before = builder.fullRenderCount
                let incremental = files(builder.build(changed: [path(slug)]))
                #expect(builder.fullRenderCount == before, "\(what): the fast path, not a full render, built it")
                let full = files(PreviewBuilder(options: options).build())
                #expect(!full.isEmpty)
                let same = incremental == full
                #expect(same, "\(what): \(Set(full.keys).symmetricDifference(incremental.keys)), differing: \(full.keys.filter { full[$0] != incremental[$0] }.sorted())")
            }
            #expect(String(decoding: files(builder.build(changed: [path("berlin")]))["cities/berlin/index.html"] ?? [], as: UTF8.self)
                        .contains("Berlin &lt;Mitte&gt;"))

            // Changes the fast path does not cover fall back to a full build, with the same result.
            try writeText("name: Gdańsk\ncountry: Poland\n", to: URL(fileURLWithPath: path("gdansk")))
            let added = files(builder.build(changed: [path("gdansk")]))
            #expect(added["cities/gdansk/index.html"] != nil)
            let addedSame = added == files(PreviewBuilder(options: options).build())
            #expect(addedSame)
            try writeText("name: Berlin\ncountry: Austria\n", to: URL(fileURLWithPath: path("berlin")))
            let newCountry = files(builder.build(changed: [path("berlin")]))
            #expect(newCountry["countries/austria/index.html"] != nil)
            let newCountrySame = newCountry == files(PreviewBuilder(options: options).build())
            #expect(newCountrySame)
        }
    }

    /// Rebuilds that read only the changed files (content or templates) serve what a full build serves,
    /// errors included, and recover when the error is fixed.
    @Test func rebuildsFromChangedFilesEqualFullBuilds() throws {
        try withTemporaryFolder { root in
            let (content, templates, options, builder) = try builtFixture(in: root)
            func check(_ what: String, _ relative: String, in folder: URL, _ edit: (String) -> String) throws -> PreviewBuilder.Outcome {
                let file = folder.appendingPathComponent(relative)
                try writeText(edit(try readText(file)), to: file)
                let incremental = builder.build(changed: [file.path])
                let full = PreviewBuilder(options: options).build()
                let same = files(incremental) == files(full)
                #expect(same, "\(what)")
                #expect(incremental.diagnostics == full.diagnostics, "\(what)")
                return incremental
            }
            let declaration = try check("a declaration's text", "declarations/second-accord.md", in: content) {
                $0.replacingOccurrences(of: "To plant trees.", with: "To plant ten thousand trees.")
            }
            #expect(String(decoding: files(declaration)["declarations/second-accord/index.html"] ?? [], as: UTF8.self)
                        .contains("To plant ten thousand trees."))
            let template = try check("a template", "signatory-entry.mustache", in: templates) {
                $0.replacingOccurrences(of: "<li>", with: "<li class=\"signatory\">")
            }
            #expect(String(decoding: files(template)["declarations/second-accord/index.html"] ?? [], as: UTF8.self)
                        .contains("<li class=\"signatory\">"))
            let broken = try check("a city broken", "cities/lodz.yml", in: content) { _ in "name: Łódź\ncountry: [Poland\n" }
            #expect(broken.diagnostics.contains { $0.severity == .error })
            let fixed = try check("the city fixed", "cities/lodz.yml", in: content) { _ in "name: Łódź\ncountry: Poland\n" }
            #expect(!fixed.diagnostics.contains { $0.severity == .error })
            #expect(!files(fixed).isEmpty)
        }
    }

    /// Declaration edits take the fast path too: only the outputs that depend on the declaration
    /// (its pages, its signatories' city pages, the lists) are rendered again, with a full build's bytes.
    @Test func declarationEditsReRenderOnlyWhatTheyTouchAndEqualAFullBuild() throws {
        try withTemporaryFolder { root in
            let (content, templates, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("declarations/second-accord.md")
            let edits: [(String, (String) -> String)] = [
                ("retitled", { $0.replacingOccurrences(of: "title: Second Accord", with: "title: The Second Accord") }),
                ("a signatory removed", { $0.replacingOccurrences(of: "  - city: greater-leeds\n    endorsed: 2022-05-28\n", with: "") }),
                ("a signatory added", { $0.replacingOccurrences(of: "  - lodz\n", with: "  - lodz\n  - greater-leeds\n") }),
                ("an endorsement date moved", { $0.replacingOccurrences(of: "endorsed: 2022-05-20", with: "endorsed: 2022-05-25") }),
                ("a later endorsement now at the meeting", { $0.replacingOccurrences(of: "{city: poznan, endorsed: 2022-05-25}", with: "poznan") }),
                ("a commitment reworded", { $0.replacingOccurrences(of: "To plant trees.", with: "To plant many trees.") }),
                ("the date moved", { $0.replacingOccurrences(of: "start_date: 2022-05-10", with: "start_date: 2022-05-11") }),
            ]
            try expectFastPathEqualsFullBuild(edits, of: file, builder: builder, options: options)
            #expect(String(decoding: files(builder.build(changed: [file.path]))["cities/poznan/index.html"] ?? [], as: UTF8.self)
                        .contains("The Second Accord"))

            // A commitment added changes the routes: a full build, with the same result.
            try writeText(try readText(file).replacingOccurrences(of: "1. To plant many trees.", with: "1. To plant many trees.\n1. To water them."), to: file)
            // Its translations get the commitment too: they must have as many as the original.
            var changed = [file.path]
            for language in ["fr", "ar"] {
                let translation = content.appendingPathComponent("translations/\(language)/second-accord.md")
                try writeText(try readText(translation) + "3. …\n", to: translation)
                changed.append(translation.path)
            }
            let renumbered = files(builder.build(changed: changed))
            #expect(renumbered["declarations/second-accord/commitments/3/index.html"] != nil)
            let renumberedSame = renumbered == files(PreviewBuilder(options: options).build())
            #expect(renumberedSame)

            // A stylesheet edited is served anew, and the pages are kept as they were.
            let css = templates.appendingPathComponent("assets/site.css")
            try writeText(try readText(css) + "\n/* edited */\n", to: css)
            let rendersBefore = builder.fullRenderCount
            let styled = files(builder.build(changed: [css.path]))
            #expect(builder.fullRenderCount == rendersBefore, "an asset alone renders no page")
            #expect(String(decoding: styled["assets/site.css"] ?? [], as: UTF8.self).hasSuffix("/* edited */\n"))
            let styledSame = styled == files(PreviewBuilder(options: options).build())
            #expect(styledSame)
            // An asset removed is gone, one added is there.
            let logo = templates.appendingPathComponent("assets/favicon.svg")
            try FileManager.default.removeItem(at: logo)
            try writeText("body{}\n", to: templates.appendingPathComponent("assets/extra.css"))
            let swapped = files(builder.build(changed: [logo.path, templates.appendingPathComponent("assets/extra.css").path]))
            #expect(builder.fullRenderCount == rendersBefore)
            #expect(swapped["assets/favicon.svg"] == nil && swapped["assets/extra.css"] == Array("body{}\n".utf8))
            let swappedSame = swapped == files(PreviewBuilder(options: options).build())
            #expect(swappedSame)
            // A static file added is served at the root, and one removed is gone, with no page rendered.
            let cname = content.appendingPathComponent("static/CNAME")
            try writeText("cities.example.org\n", to: cname)
            #expect(files(builder.build(changed: [cname.path]))["CNAME"] == Array("cities.example.org\n".utf8))
            try FileManager.default.removeItem(at: cname)
            let unpublished = files(builder.build(changed: [cname.path]))
            #expect(unpublished["CNAME"] == nil && unpublished["assets/extra.css"] != nil && unpublished["index.html"] != nil)
            #expect(builder.fullRenderCount == rendersBefore, "a static file alone renders no page")
        }
    }

    /// Report edits take the fast path: the report, its city's page, its declaration's update for that
    /// year and the pages of the commitments its changed actions name (before or after) are rendered
    /// again, with a full build's bytes.
    @Test func reportEditsReRenderOnlyWhatTheyTouchAndEqualAFullBuild() throws {
        try withTemporaryFolder { root in
            let (content, _, options, builder) = try builtFixture(in: root)
            let file = content.appendingPathComponent("reports/2022/lodz-second-accord.md")
            let edits: [(String, (String) -> String)] = [
                ("an action reworded", { $0.replacingOccurrences(of: "4,012 native trees", with: "4,013 native trees") }),
                ("an action retitled", { $0.replacingOccurrences(of: "## Commitment 1: Four thousand", with: "## Commitment 1: 4,000") }),
                ("a commitment added to an action", { $0.replacingOccurrences(of: "## Commitment 1:", with: "## Commitments 1 and 2:") }),
                ("republished", { $0.replacingOccurrences(of: "published: 2023-02-15", with: "published: 2023-02-16") }),
                // Commitment 1's page loses the action: the commitments an action named before count too.
                ("a commitment taken from an action", {
                    $0.replacingOccurrences(of: "## Commitments 1 and 2: The urban canopy", with: "## Commitment 2: The urban canopy")
                }),
                // Every later action's place (its link's `#action-n`) moves.
                ("an action added first", {
                    $0.replacingOccurrences(of: "## Commitments 1 and 2: 4,000", with: "## Commitment 2: Seedlings\n\nGrown.\n\n## Commitments 1 and 2: 4,000")
                }),
                ("an action removed", { $0.replacingOccurrences(of: "## Commitment 2: Seedlings\n\nGrown.\n\n", with: "") }),
            ]
            try expectFastPathEqualsFullBuild(edits, of: file, builder: builder, options: options)
            let page = String(decoding: files(builder.build(changed: [file.path]))["declarations/second-accord/commitments/2/index.html"] ?? [],
                              as: UTF8.self)
            #expect(page.contains("4,000 trees on school grounds"))
        }
    }

    /// A template edit re-renders only the pages rendered with the template or with one that includes
    /// it, or whose kind includes it as a shared fragment (signatory entries…), unless most pages may
    /// change; whichever template is edited, the preview serves what a full build serves.
    @Test func templateEditsReRenderOnlyThePagesUsingThemAndEqualAFullBuild() throws {
        try withTemporaryFolder { root in
            let (_, templates, options, builder) = try builtFixture(in: root)
            let names = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }.sorted()
            var quick: Set<String> = []
            for name in names {
                let file = templates.appendingPathComponent(name)
                let original = try readText(file)
                try writeText(original + "<!-- edited: \(name) -->\n", to: file)
                let before = builder.fullRenderCount
                let incremental = builder.build(changed: [file.path])
                if builder.fullRenderCount == before { quick.insert(name) }
                let full = PreviewBuilder(options: options).build()
                let (edited, expected) = (files(incremental), files(full))
                #expect(!expected.isEmpty)
                let same = edited == expected
                #expect(same, "\(name): differing: \(expected.keys.filter { expected[$0] != edited[$0] }.sorted())")
                #expect(incremental.diagnostics == full.diagnostics, "\(name)")
                try writeText(original, to: file)
                _ = builder.build(changed: [file.path])
            }
            let restored = files(builder.build(changed: [templates.appendingPathComponent("home.mustache").path]))
            let restoredSame = restored == files(PreviewBuilder(options: options).build())
            #expect(restoredSame)
            // An interface table edited changes words on every page (the preview keeps the tables' interfaces).
            let table = templates.appendingPathComponent("i18n/en.yml")
            try writeText(try readText(table).replacingOccurrences(of: "skipToMain: Skip to main content",
                                                                  with: "skipToMain: Skip to the page"), to: table)
            let reworded = builder.build(changed: [table.path])
            let rewordedHome = String(decoding: files(reworded)["index.html"] ?? [], as: UTF8.self).contains("Skip to the page")
            #expect(rewordedHome)
            let rewordedSame = files(reworded) == files(PreviewBuilder(options: options).build())
            #expect(rewordedSame)
            // A shared fragment renders the pages of the kinds that include it (`OutputKind.sharedFragments`);
            // the layout and the header, every page.
            #expect(quick.isSuperset(of: ["declaration-card.mustache", "home.mustache", "declaration.mustache", "report.mustache",
                                          "signatory-entry.mustache", "city-endorsement.mustache", "print-signatories.mustache"]),
                    "quick: \(quick.sorted())")
            #expect(quick.isDisjoint(with: ["layout.mustache", "site-header.mustache", "site-footer.mustache"]), "quick: \(quick.sorted())")
        }
    }

    /// A partial of a partial, a partial drawn into shared fragments (every signatory entry), a template
    /// added and then removed, and a template saved with a city: each rebuild equals a full build, and
    /// the template edits take the quick path.
    @Test func nestedPartialsAndAddedTemplatesEqualAFullBuild() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            func template(_ name: String) -> URL { templates.appendingPathComponent(name + ".mustache") }
            for (partial, parent) in [("card-meta", "declaration-card"), ("entry-extra", "signatory-entry")] {
                try writeText("<!-- \(partial) -->", to: template(partial))
                try writeText(try readText(template(parent)) + "{{>\(partial)}}\n", to: template(parent))
            }
            let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
            let builder = PreviewBuilder(options: options)
            _ = builder.build()
            func expectEdit(_ what: String, quick: Bool?, _ changed: [URL], _ edit: () throws -> Void) throws {
                try edit()
                let before = builder.fullRenderCount
                let incremental = files(builder.build(changed: changed.map(\.path)))
                if let quick { #expect((builder.fullRenderCount == before) == quick, "\(what): quick path \(quick ? "expected" : "not expected")") }
                let full = files(PreviewBuilder(options: options).build())
                let same = !full.isEmpty && incremental == full
                #expect(same, "\(what): differing: \(full.keys.filter { full[$0] != incremental[$0] }.sorted().prefix(5))")
            }
            try expectEdit("a partial of a partial", quick: true, [template("card-meta")]) {
                try writeText("<p class=\"card-meta\">edited</p>", to: template("card-meta"))
            }
            // The pages listing signatories are rendered again, with entries made anew (not the memo's).
            try expectEdit("a partial of the signatory entries", quick: true, [template("entry-extra")]) {
                try writeText("<span>edited</span>", to: template("entry-extra"))
            }
            try expectEdit("a template nothing uses, added", quick: true, [template("unused")]) {
                try writeText("<p>unused</p>", to: template("unused"))
            }
            try expectEdit("that template removed", quick: true, [template("unused")]) {
                try FileManager.default.removeItem(at: template("unused"))
            }
            let lodz = content.appendingPathComponent("cities/lodz.yml")
            try expectEdit("a city and a partial saved together", quick: nil, [lodz, template("card-meta")]) {
                try writeText("name: Łódź Kaliska\ncountry: Poland\n", to: lodz)
                try writeText("<p class=\"card-meta\">again</p>", to: template("card-meta"))
            }
        }
    }

    /// Applies each of `edits` to `file` in turn, rebuilds from the change, and checks that the quick
    /// path (not the memo of a full render) made it and that it equals a full build.
    private func expectFastPathEqualsFullBuild(_ edits: [(String, (String) -> String)], of file: URL, builder: PreviewBuilder,
                                               options: BuildOptions) throws {
        for (what, edit) in edits {
            try writeText(edit(try readText(file)), to: file)
            let before = builder.fullRenderCount
            let incremental = files(builder.build(changed: [file.path]))
            #expect(builder.fullRenderCount == before, "\(what): the fast path, not a full render, built it")
            let full = files(PreviewBuilder(options: options).build())
            #expect(!full.isEmpty)
            let same = incremental == full
            #expect(same, "\(what): differing: \(full.keys.filter { full[$0] != incremental[$0] }.sorted())")
        }
    }

    @Test func filesGatheringTheWholeSiteAreRenderedWhenAskedForAndKeptUntilAnEditTouchesThem() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let builder = PreviewBuilder(options: BuildOptions(contentPath: content.path, templatesPath: templates.path))
            guard case .built(let files) = builder.build().content else { Issue.record("no build"); return }
            #expect(files.madeLater.pages.isEmpty, "nothing late is made before it is asked for")
            let packed = files.pack.size
            #expect(files.rendered["data/cities.csv"] == nil && files.contains("data/cities.csv"))
            #expect(files.contains("data/index.html") && files.contains("search-index.js") && files.contains("sitemap.xml"))
            let csv = String(decoding: files["data/cities.csv"] ?? [], as: UTF8.self)
            #expect(csv.contains("Łódź"))
            #expect(Set(files.madeLater.pages.keys) == ["data/cities.csv"])
            // Kept in the pack, not in the server's memory, and read back from there.
            #expect(files.pack.size == packed + csv.utf8.count)
            #expect(files["data/cities.csv"] == Array(csv.utf8))

            // Renaming a city changes the cities table: the next build makes it again, from the new site.
            let lodz = content.appendingPathComponent("cities/lodz.yml")
            try writeText("name: Łódź Fabryczna\ncountry: Poland\n", to: lodz)
            guard case .built(let edited) = builder.build(changed: [lodz.path]).content else { Issue.record("no rebuild"); return }
            #expect(edited.madeLater.pages.isEmpty)
            #expect(String(decoding: edited["data/cities.csv"] ?? [], as: UTF8.self).contains("Łódź Fabryczna"))
        }
    }

    /// With no slack the preview copies its pack after a few edits; the builds that start from the copy
    /// serve what a full build serves.
    @Test func buildsStartingFromACopiedPackEqualFullBuilds() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let options = BuildOptions(contentPath: content.path, templatesPath: templates.path)
            let builder = PreviewBuilder(options: options, compactionSlack: 0)
            _ = builder.build()
            let city = content.appendingPathComponent("cities/lodz.yml")
            var taken = 0
            for step in 0..<8 {
                try writeText("name: Łódź \(step)\ncountry: Poland\n", to: city)
                let copy = builder.compaction
                copy?.waitUntilOver()
                let fullRenders = builder.fullRenderCount
                let outcome = builder.build(changed: [city.path])
                guard case .built(let files) = outcome.content else { Issue.record("step \(step): no build"); return }
                // Only an edit's build starts from the copy: a full render makes a new pack of its own.
                #expect(builder.fullRenderCount == fullRenders, "step \(step): rendered in full")
                if let copy, !copy.copies(files.pack), builder.fullRenderCount == fullRenders { taken += 1 }
                let same = files.all == self.files(PreviewBuilder(options: options).build())
                #expect(same, "step \(step)")
            }
            #expect(taken > 0, "no build started from a copy")
        }
    }
}
