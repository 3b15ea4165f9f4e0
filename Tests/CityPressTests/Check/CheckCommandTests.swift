import Foundation
import Testing
@testable import CityPressCheck
@testable import CityPressCore

/// `citypress check` and `citypress build --check` run as users run them: output format, exit status,
/// and the sites the built-in templates make.
@Suite struct CheckCommandTests {
    @Test func aBrokenSiteIsReportedLikeTheBuildsDiagnosticsWithStatusOne() throws {
        try withTemporaryFolder { root in
            try writeText(validPage(#"<a href="cities/amstrdam/">Amsterdam</a> <img src="map.png">"#),
                          to: root.appendingPathComponent("Public/index.html"))
            try writeText(validPage(), to: root.appendingPathComponent("Public/cities/amsterdam/index.html"))
            let result = try runCityPress(["check"], in: root)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == """
            Public/index.html:8:4: error: broken link 'cities/amstrdam/': no file cities/amstrdam/index.html in the site
            <a href="cities/amstrdam/">Amsterdam</a> <img src="map.png">
               ^
            Public/index.html:8:42: error: <img> has no alt attribute
            <a href="cities/amstrdam/">Amsterdam</a> <img src="map.png">
                                                     ^
            note: describe the image in alt="…", or write alt="" when it is only decoration
            Public/index.html:8:47: error: broken src 'map.png': no file map.png in the site
            <a href="cities/amstrdam/">Amsterdam</a> <img src="map.png">
                                                          ^
            citypress: check found 3 errors in 2 pages

            """)
            let missing = try runCityPress(["check", "--output", "Nowhere"], in: root)
            #expect(missing.status == 1)
            #expect(missing.stderr.hasPrefix("citypress: error: cannot read the built site 'Nowhere': No such file or directory"))
            // A folder with no page (the content folder, by mistake) is no site that passed.
            try writeText("name: A\n", to: root.appendingPathComponent("Content/cities/a.yml"))
            let noPages = try runCityPress(["check", "--output", "Content"], in: root)
            #expect(noPages.status == 1)
            #expect(noPages.stderr.hasPrefix("citypress: error: 'Content' has no pages (.html files) to check"), "\(noPages.stderr)")
        }
    }

    @Test func theFixtureSiteBuiltWithTheBuiltInTemplatesPassesBuildCheck() throws {
        try withTemporaryFolder { root in
            let result = try runCityPress(["build", "--check", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path, "--output", "out"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            // 39 pages, and the 14 of each of the French and Arabic trees (`languages: [fr, ar]`), search included.
            #expect(result.stdout.contains("Checked 67 pages: no errors"), "\(result.stdout)")
            #expect(!result.stderr.contains("error:"), "\(result.stderr)")
            // The site's base_url has a path (/declarations/): its 404 page links from there. Its robots.txt
            // names it, and check takes it from there unless told otherwise.
            let fromRobots = try runCityPress(["check", "--output", "out"], in: root)
            #expect(fromRobots.status == 0, "\(fromRobots.stderr)")
            #expect(fromRobots.stdout.hasPrefix("Checked 67 pages for https://example.org/declarations/ (the base URL in its robots.txt) in "),
                    "\(fromRobots.stdout)")
            let atTheRoot = try runCityPress(["check", "--output", "out", "--base-url", "https://example.org/"], in: root)
            #expect(atTheRoot.status == 1)
            #expect(atTheRoot.stderr.contains("out/404.html:21:24: error: broken link '/declarations/assets/site.css'"), "\(atTheRoot.stderr)")
            let withBase = try runCityPress(["check", "--output", "out", "--base-url", "https://example.org/declarations/"], in: root)
            #expect(withBase.status == 0, "\(withBase.stderr)")
            #expect(withBase.stdout.hasPrefix("Checked 67 pages in "), "\(withBase.stdout)")
        }
    }

    /// A build the check finds wrong publishes nothing, as any failed build: the old site stays, and the
    /// change list of the build before is removed rather than left for a deploy step to send again.
    @Test func aSiteTheCheckFindsWrongIsNotPublished() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let arguments = ["build", "--quiet", "--check", "--changes", "changes.json", "--content", content.path,
                             "--templates", templates.path, "--output", "out"]
            let first = try runCityPress(arguments, in: root)
            #expect(first.status == 0, "\(first.stderr)")
            let page = root.appendingPathComponent("out/index.html")
            let before = try Data(contentsOf: page)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("changes.json").path))
            let city = templates.appendingPathComponent("city.mustache")
            try writeText(try String(contentsOf: city, encoding: .utf8).replacingOccurrences(
                of: "<h1>{{name}}</h1>", with: "<h1>{{name}}</h1><a href=\"nowhere/\">gone</a>"), to: city)
            let home = templates.appendingPathComponent("home.mustache")
            try writeText(try String(contentsOf: home, encoding: .utf8) + "<!-- changed -->", to: home)
            let second = try runCityPress(arguments, in: root)
            #expect(second.status == 1)
            #expect(second.stderr.contains("out/cities/"), "\(second.stderr)")
            #expect(second.stderr.contains("error: broken link 'nowhere/'"), "\(second.stderr)")
            #expect(second.stderr.hasSuffix("; 'out' was left as it was (build without --check to write the site all the same)\n"),
                    "\(second.stderr)")
            #expect(try Data(contentsOf: page) == before)
            #expect(!(try String(contentsOf: root.appendingPathComponent("out/cities/lodz/index.html"), encoding: .utf8)).contains("nowhere/"))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("changes.json").path))
            // Only a regular file is a stale list: a link named as the list stays (as would a pipe or /dev/stdout).
            try writeText("{}", to: root.appendingPathComponent("kept.json"))
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.json").path, withDestinationPath: "kept.json")
            let linked = try runCityPress(arguments.map { $0 == "changes.json" ? "link.json" : $0 }, in: root)
            #expect(linked.status == 1)
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("link.json").path)) == "kept.json")
            // A page template that prints no markup makes pages the check refuses.
            try writeText("{{name}}\n", to: city)
            let textOnly = try runCityPress(arguments, in: root)
            #expect(textOnly.status == 1)
            #expect(textOnly.stderr.contains("/index.html:1:1: error: the page has no markup, only text"), "\(textOnly.stderr)")
            // An empty page template is a warning in any build: its pages would be empty files.
            try writeText("\n", to: city)
            let empty = try runCityPress(["build", "--quiet", "--content", content.path, "--templates", templates.path, "--output", "plain"],
                                         in: root)
            #expect(empty.status == 0, "\(empty.stderr)")
            #expect(empty.stderr.contains("city.mustache: warning: template 'city' is empty: its 5 pages (a city page) will be empty files"),
                    "\(empty.stderr)")
            // Nothing is left of the staging folder beside the output.
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") }.isEmpty)
        }
    }

    /// `build --check --pdf` reads its staging folder back (the PDFs are no planned files): the same rules,
    /// a rendered page without markup included, the output named, and nothing published when it fails.
    @Test func aBuildThatPrintsPDFsIsCheckedBeforeItIsPublished() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let browser = root.appendingPathComponent("fake-chromium")
            try writeText("#!/bin/sh\nfor argument in \"$@\"; do case \"$argument\" in --print-to-pdf=*) echo '%PDF-1.4' > \"${argument#--print-to-pdf=}\";; esac; done\n",
                          to: browser)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
            let arguments = ["build", "--quiet", "--check", "--pdf", "--browser", browser.path, "--content", content.path,
                             "--templates", templates.path, "--output", "out"]
            let first = try runCityPress(arguments, in: root)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/declarations/first-accord/first-accord-a4.pdf").path))
            let before = try Data(contentsOf: root.appendingPathComponent("out/cities/lodz/index.html"))
            try writeText("{{name}}\n", to: templates.appendingPathComponent("city.mustache"))
            let second = try runCityPress(arguments, in: root)
            #expect(second.status == 1)
            #expect(second.stderr.contains("/index.html:1:1: error: the page has no markup, only text"), "\(second.stderr)")
            #expect(second.stderr.contains("\nout/"), "the output is named: \(second.stderr)")
            #expect(!second.stderr.contains("staging"), "\(second.stderr)")
            #expect(second.stderr.contains("'out' was left as it was"), "\(second.stderr)")
            #expect(try Data(contentsOf: root.appendingPathComponent("out/cities/lodz/index.html")) == before)
        }
    }

    /// A build that printed PDFs checks its staging folder from disk, and names the output in what it finds.
    @Test func aCheckOfTheStagingFolderNamesTheOutput() throws {
        try withTemporaryFolder { root in
            try writeText(validPage(#"<a href="nowhere/">x</a>"#), to: root.appendingPathComponent(".out.staging/index.html"))
            let report = SiteCheck.run(SiteCheck.Options(outputPath: root.appendingPathComponent(".out.staging").path, shownPath: "out"))
            #expect(report.diagnostics.map(\.description) == ["out/index.html:8:4: error: broken link 'nowhere/': no file nowhere/index.html in the site"])
        }
    }

    @Test func theRepositorysSiteBuiltWithTheBuiltInTemplatesPassesCheck() throws {
        try withTemporaryFolder { root in
            let build = try runCityPress(["build", "--quiet", "--content", TestPaths.content.path, "--templates", TestPaths.templates.path,
                                          "--output", "Public"], in: root)
            #expect(build.status == 0, "\(build.stderr)")
            let result = try runCityPress(["check"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Checked 80 pages in "), "\(result.stdout)")
        }
    }

    @Test func externalLinksAreCheckedOnlyWhenAsked() throws {
        let server = try TestHTTPServer().start()
        defer { server.stop() }
        try withTemporaryFolder { root in
            try writeText(validPage(#"<a href="\#(server.base)/ok">fine</a> <a href="\#(server.base)/missing">gone</a>"#),
                          to: root.appendingPathComponent("Public/index.html"))
            let offline = try runCityPress(["check"], in: root)
            #expect(offline.status == 0)
            #expect(server.requestLog.isEmpty)

            let online = try runCityPress(["check", "--external", "--timeout", "2"], in: root)
            #expect(online.status == 1)
            #expect(online.stderr.hasPrefix(
                "Public/index.html:8:\(27 + server.base.count): error: broken external link '\(server.base)/missing': HTTP 404 Not Found\n"),
                "\(online.stderr)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".citypress-link-cache.json").path))
            // The summary of a failed check says what was checked, as a passing one does.
            #expect(online.stderr.contains("citypress: check found 1 error in 1 page and 2 external links (0 answered in the last 7 days"),
                    "\(online.stderr)")

            try writeText(validPage(#"<a href="\#(server.base)/ok">fine</a>"#), to: root.appendingPathComponent("Public/index.html"))
            let cached = try runCityPress(["check", "--external"], in: root)
            #expect(cached.status == 0, "\(cached.stderr)")
            #expect(cached.stdout.hasPrefix("Checked 1 page and 1 external link (1 answered in the last 7 days"), "\(cached.stdout)")
            #expect(server.requestLog.filter { $0.hasSuffix(" /ok") }.count == 1)
        }
    }
}
