import Foundation
import Testing

/// A rebuild renders only the outputs whose inputs changed (the fingerprints of the old manifest) and
/// keeps the other files as they are, yet its output is byte for byte what a build into a fresh folder
/// writes, and only files whose bytes changed are new files (issue 15).
@Suite struct IncrementalBuildTests {
    /// What the second build of `rebuild` did.
    struct Rebuild {
        /// Its output.
        var result: ProcessResult
        /// Outputs it rendered and kept, from its summary line (`nil`, `nil` when it kept none).
        var rendered: Int?
        var kept: Int?
        /// Files whose bytes differ from the first build's, and files the first build had and it has not.
        var changed: Set<String>
        var removed: Set<String>
    }

    /// Builds a copy of the fixture site into `Public` (with `--incremental`, so its manifest has the
    /// fingerprints), applies `edit` to the site's folder, builds again with `arguments`, and checks the
    /// second build: the same bytes as a build with the same arguments into a fresh folder, every file whose
    /// bytes did not change the same file (inode and modification time), every changed file a new one.
    ///
    /// Every build records what it wrote in `cache` beside the site (`Self.cache(of:)`); the second runs
    /// `binary` (the tool the tests built when `nil`). With `earlierBuilds` 2 (the default), the site is
    /// built twice before the edit, so the rebuild stages in the spare the second build left beside the
    /// output, whose files are mostly the output's own; with 1, it stages in an empty folder.
    func rebuild(after edit: (URL) throws -> Void, arguments: [String] = ["--incremental"], binary: URL? = nil,
                 earlierBuilds: Int = 2) throws -> Rebuild {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let output = site.appendingPathComponent("Public")
            let environment = ["XDG_CACHE_HOME": Self.cache(of: site).path]
            for _ in 0..<earlierBuilds {
                let earlier = try runCityPress(["build", "--incremental"], in: site, environment: environment)
                #expect(earlier.status == 0, "\(earlier.stderr)")
            }
            let spare = site.appendingPathComponent(".Public.citypress-spare")
            #expect(FileManager.default.fileExists(atPath: spare.path) == (earlierBuilds > 1))
            // Edited first: an edit of the output itself (a file changed by hand) is then part of what the rebuild replaces.
            try edit(site)
            let before = try snapshot(of: output), stampsBefore = stamps(of: output)
            let second = try runProgram(binary ?? TestPaths.binary, ["build"] + arguments, in: site, environment: environment)
            #expect(second.status == 0, "\(second.stderr)")
            let after = try snapshot(of: output), stampsAfter = stamps(of: output)

            // A build with `--incremental` keeps the output it replaced as the next one's spare; one without
            // deletes the spare.
            #expect(FileManager.default.fileExists(atPath: spare.path) == arguments.contains("--incremental"))
            let fresh = try runCityPress(["build", "--output", "Fresh"] + arguments, in: site, environment: environment)
            #expect(fresh.status == 0, "\(fresh.stderr)")
            let expected = try snapshot(of: site.appendingPathComponent("Fresh"))
            #expect(after.keys.sorted() == expected.keys.sorted())
            for (path, bytes) in expected where after[path] != bytes {
                Issue.record("\(path) differs from a build into a fresh folder")
            }
            for (path, stamp) in stampsAfter where path != ".citypress-build" {
                if before[path] == after[path] {
                    #expect(stampsBefore[path] == stamp, "\(path) has the same bytes but was written again")
                } else if let old = stampsBefore[path] {
                    #expect(old[0] != stamp[0], "\(path) changed in place")
                }
            }
            let counts = second.stdout.firstMatch(of: /(\d+) rendered, (\d+) kept/)
            return Rebuild(result: second, rendered: counts.flatMap { Int($0.1) }, kept: counts.flatMap { Int($0.2) },
                           changed: Set(after.keys.filter { before[$0] != nil && before[$0] != after[$0] }),
                           removed: Set(before.keys.filter { after[$0] == nil }))
        }
    }

    /// The cache folder (`XDG_CACHE_HOME`) of `rebuild`'s builds of `site`.
    static func cache(of site: URL) -> URL {
        site.deletingLastPathComponent().appendingPathComponent("cache")
    }

    @Test func anUnchangedSiteRendersNothing() throws {
        for earlierBuilds in [1, 2] {
            let rebuild = try rebuild(after: { _ in }, earlierBuilds: earlierBuilds)
            #expect(rebuild.rendered == 0 && (rebuild.kept ?? 0) > 50, "\(rebuild.result.stdout)")
            #expect(rebuild.changed == [".citypress-build"] || rebuild.changed.isEmpty)
        }
    }

    /// The first rebuild after a build into a new folder has no spare yet: it links the kept files into an empty staging folder.
    @Test func aCityEditWithoutASpareRendersOnlyWhatShowsTheCity() throws {
        let rebuild = try rebuild(after: { site in
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
        }, earlierBuilds: 1)
        #expect((rebuild.kept ?? 0) > 0, "\(rebuild.result.stdout)")
        #expect(rebuild.changed.isSuperset(of: ["cities/poznan/index.html", "cities/index.html", "countries/poland/index.html"]))
    }

    @Test func aCityEditRendersOnlyWhatShowsTheCity() throws {
        let rebuild = try rebuild(after: { site in
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
        })
        #expect((rebuild.kept ?? 0) > 0, "\(rebuild.result.stdout)")
        #expect(rebuild.changed.isSuperset(of: ["cities/poznan/index.html", "cities/index.html", "countries/poland/index.html"]))
    }

    /// A rebuild takes the records the last one stored: with nothing changed, it parses nothing, so it has
    /// nothing new to store and leaves the file as it was. (Files changed in the two seconds before a build
    /// are not stored: the site is older than that first.)
    @Test func aRebuildTakesTheStoredRecords() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            Thread.sleep(forTimeInterval: 2.2)
            let environment = ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
            let folder = root.appendingPathComponent("cache/citypress")
            func stored() throws -> (name: String, modified: Date?) {
                let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".records") })
                let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
                return (name, attributes[.modificationDate] as? Date)
            }
            let first = try runCityPress(["build", "--incremental", "--quiet"], in: site, environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            let before = try stored()
            Thread.sleep(forTimeInterval: 0.05)
            let second = try runCityPress(["build", "--incremental", "--quiet"], in: site, environment: environment)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(try stored().modified == before.modified)
            // One city edited: it is parsed, and the file written again.
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
            let third = try runCityPress(["build", "--incremental", "--quiet"], in: site, environment: environment)
            #expect(third.status == 0, "\(third.stderr)")
            #expect(try readText(site.appendingPathComponent("Public/cities/poznan/index.html")).contains("Poznań Miasto"))
            #expect(try stored().modified != before.modified)
        }
    }

    /// The earlier builds stored the records they parsed in the cache folder; a damaged file of them is
    /// no problem: the rebuild parses every file, and says nothing of it.
    @Test func aDamagedFileOfStoredRecordsIsIgnored() throws {
        let rebuild = try rebuild(after: { site in
            let folder = Self.cache(of: site).appendingPathComponent("citypress")
            let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".records") }
            #expect(stored.count == 1)
            for name in stored { try Data("damaged".utf8).write(to: folder.appendingPathComponent(name)) }
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
        })
        // The fixture's own warnings only (its raw HTML).
        #expect(!rebuild.result.stderr.contains("record") && !rebuild.result.stderr.contains("cache"), "\(rebuild.result.stderr)")
        #expect(rebuild.changed.isSuperset(of: ["cities/poznan/index.html", "cities/index.html", "countries/poland/index.html"]))
    }

    @Test func aDeclarationEditRendersItsPages() throws {
        let rebuild = try rebuild(after: { site in
            let url = site.appendingPathComponent("Content/declarations/second-accord.md")
            try writeText(try readText(url).replacingOccurrences(of: "title: Second Accord", with: "title: The Second Accord"), to: url)
        })
        #expect((rebuild.kept ?? 0) > 0, "\(rebuild.result.stdout)")
        #expect(rebuild.changed.isSuperset(of: ["declarations/second-accord/index.html", "cities/lodz/index.html", "index.html"]))
    }

    @Test func aTemplateEditRendersEveryPageUsingIt() throws {
        let rebuild = try rebuild(after: { site in
            let url = site.appendingPathComponent("Templates/declaration-card.mustache")
            try writeText("<!-- card -->" + (try readText(url)), to: url)
        })
        #expect((rebuild.kept ?? 0) > 0, "\(rebuild.result.stdout)")
        // The home page and the declarations index show declaration cards.
        #expect(rebuild.changed.isSuperset(of: ["index.html", "declarations/index.html"]), "\(rebuild.changed.sorted())")
    }

    /// Each kind declares the shared fragments its pages include (`OutputKind.sharedFragments`), and a
    /// rebuild after an edit of one renders only those kinds' pages: a kind including a fragment it does
    /// not declare would keep its old pages, which `rebuild` finds differing from a fresh build's.
    @Test(arguments: ["site-header", "site-footer", "signatories", "signatory-entry", "print-signatories",
                      "print-signatory-entry", "city-endorsement"])
    func aSharedFragmentEditRendersThePagesIncludingIt(_ fragment: String) throws {
        let rebuild = try rebuild(after: { site in
            let url = site.appendingPathComponent("Templates/\(fragment).mustache")
            try writeText("<!-- \(fragment) -->" + (try readText(url)), to: url)
        })
        let pages = rebuild.changed.subtracting([".citypress-build"])
        #expect(!pages.isEmpty)
        // Not every page: a data file, at least, is kept.
        #expect((rebuild.kept ?? 0) > 0, "\(rebuild.result.stdout)")
        #expect(!pages.contains("data/cities.csv") && !pages.contains("sitemap.xml"))
        switch fragment {
        case "city-endorsement":
            // The city pages, in every language.
            #expect(pages.allSatisfy { $0.contains("cities/") && !$0.hasSuffix("cities/index.html") }, "\(pages.sorted())")
            #expect(pages.count == 15, "\(pages.sorted())")
        case "signatories", "signatory-entry":
            #expect(pages.contains("declarations/first-accord/index.html"))
            #expect(!pages.contains("cities/lodz/index.html"))
        default: break
        }
    }

    @Test func aLayoutEditRendersEveryPage() throws {
        let rebuild = try rebuild(after: { site in
            let url = site.appendingPathComponent("Templates/layout.mustache")
            try writeText(try readText(url).replacingOccurrences(of: "</body>", with: "<!-- layout --></body>"), to: url)
        })
        #expect(rebuild.changed.count > 50, "\(rebuild.changed.count)")
    }

    @Test func aRemovedCityRemovesItsPagesAndRendersThoseThatListedIt() throws {
        let rebuild = try rebuild(after: { site in
            try FileManager.default.removeItem(at: site.appendingPathComponent("Content/cities/setagaya.yml"))
            let url = site.appendingPathComponent("Content/declarations/first-accord.md")
            try writeText(try readText(url).replacingOccurrences(of: "  - setagaya\n", with: ""), to: url)
        })
        #expect((rebuild.kept ?? 0) > 0, "\(rebuild.result.stdout)")
        #expect(rebuild.removed.contains("cities/setagaya/index.html"), "\(rebuild.removed.sorted())")
        #expect(rebuild.changed.isSuperset(of: ["cities/index.html", "declarations/first-accord/index.html"]))
    }

    @Test func aReportAndATranslationEditAreRenderedAgain() throws {
        _ = try rebuild(after: { site in
            let url = site.appendingPathComponent("Content/reports/2022/wroclaw-second-accord.md")
            try writeText(try readText(url) + "\nOne more line.\n", to: url)
        })
        _ = try rebuild(after: { site in
            let folder = site.appendingPathComponent("Content/translations/fr")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let url = folder.appendingPathComponent(name)
                try writeText(try readText(url).replacingOccurrences(of: "title: ", with: "title: Nouvelle "), to: url)
            }
        })
    }

    @Test func aFileEditedInTheOutputIsRenderedAgain() throws {
        let rebuild = try rebuild(after: { site in
            try writeText("edited by hand", to: site.appendingPathComponent("Public/cities/lodz/index.html"))
        })
        #expect(rebuild.rendered == 1, "\(rebuild.result.stdout)")
    }

    /// A page edited by hand to the same size is newer than the manifest: rendered again, not kept.
    @Test func aPageEditedByHandToTheSameSizeIsRenderedAgain() throws {
        let rebuild = try rebuild(after: { site in
            let page = site.appendingPathComponent("Public/cities/lodz/index.html")
            let text = try readText(page)
            #expect(text.contains("Poland"))
            try writeText(text.replacingOccurrences(of: "Poland", with: "Polanx"), to: page)
        })
        #expect(rebuild.rendered == 1, "\(rebuild.result.stdout)")
    }

    @Test func anOptionChangeRendersWhatItAffects() throws {
        let rebuild = try rebuild(after: { _ in }, arguments: ["--incremental", "--base-url", "https://other.example.org/"])
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(rebuild.changed.contains("sitemap.xml"))
    }

    @Test func aDamagedManifestMeansAFullBuildAndAWarning() throws {
        let rebuild = try rebuild(after: { site in
            try writeText("{\"format\": \"citypress-build-manifest\", \"version\": 2, \"files\": [", to: site.appendingPathComponent("Public/.citypress-build"))
        })
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(rebuild.result.stderr.contains("manifest cannot be read"), "\(rebuild.result.stderr)")
    }

    /// A manifest of a later format (a newer CityPress built the folder) is not called damaged: a note says what it is.
    @Test func aManifestOfANewerFormatMeansAFullBuildAndANote() throws {
        let rebuild = try rebuild(after: { site in
            try writeText("{\"format\": \"citypress-build-manifest\", \"version\": 3, \"tool\": \"9.0\", \"files\": []}\n",
                          to: site.appendingPathComponent("Public/.citypress-build"))
        })
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(rebuild.result.stderr.contains("note: the manifest of 'Public' was written by a newer CityPress"), "\(rebuild.result.stderr)")
        #expect(!rebuild.result.stderr.contains("cannot be read"), "\(rebuild.result.stderr)")
    }

    @Test func withoutIncrementalEverythingIsRenderedAndUnchangedFilesAreStillKept() throws {
        let rebuild = try rebuild(after: { site in
            try writeText("name: Poznań Miasto\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/poznan.yml"))
        }, arguments: [])
        #expect(rebuild.kept == nil, "\(rebuild.result.stdout)")
        #expect(!rebuild.result.stderr.contains("manifest"))
    }
}
