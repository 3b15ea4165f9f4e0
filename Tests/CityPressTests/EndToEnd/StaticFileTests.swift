import CityPressCore
import Foundation
import Testing

/// `Content/static/` is published at the site's root as it is, hidden names servers read included, and
/// never over a file CityPress writes.
@Suite struct StaticFileTests {
    @Test func staticFilesArePublishedAtTheRootWithTheHiddenNamesServersRead() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let statics = site.appendingPathComponent("Content/static")
            for (name, text) in [("CNAME", "cities.example.org\n"), (".well-known/security.txt", "Contact: mailto:a@example.org\n"),
                                 (".nojekyll", ""), (".htaccess", "Options -Indexes\n"), ("charter/charter.pdf", "%PDF"),
                                 // A search engine's verification file: HTML by its name, no page (build --check passes it).
                                 ("google1234.html", "google-site-verification: google1234.html"),
                                 (".DS_Store", "x"), ("CNAME~", "x"), ("#CNAME#", "x"), (".git/config", "x")] {
                try writeText(text, to: statics.appendingPathComponent(name))
            }
            let result = try runCityPress(["build", "--quiet", "--check", "--changes", "-", "--content", "Content",
                                           "--templates", "Templates", "--output", "out"], in: site)
            #expect(result.status == 0, "\(result.stderr)")
            let out = site.appendingPathComponent("out")
            #expect(try readText(out.appendingPathComponent("CNAME")) == "cities.example.org\n")
            #expect(try readText(out.appendingPathComponent(".well-known/security.txt")) == "Contact: mailto:a@example.org\n")
            for name in [".nojekyll", ".htaccess", "charter/charter.pdf"] {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) is missing")
                #expect(result.stdout.contains("\"\(name)\""), "\(name) is not in the change list")
            }
            for name in [".DS_Store", "CNAME~", "#CNAME#", ".git"] {
                #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) was published")
            }
            #expect(try readText(out.appendingPathComponent(".citypress-build")).contains("CNAME"), "the manifest lists it")
        }
    }

    @Test func aStaticFileWhereCityPressWritesOneIsAnError() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let statics = site.appendingPathComponent("Content/static")
            try writeText("User-agent: *\n", to: statics.appendingPathComponent("robots.txt"))
            try writeText("body{}\n", to: statics.appendingPathComponent("assets/site.css"))
            try writeText("<p>mine</p>\n", to: statics.appendingPathComponent("cities/index.html"))
            try writeText("x\n", to: statics.appendingPathComponent("Feed.xml"))
            try writeText("x\n", to: statics.appendingPathComponent("countries"))
            try writeText("x\n", to: statics.appendingPathComponent("404.html/x"))
            let result = try runCityPress(["build", "--content", "Content", "--templates", "Templates", "--output", "out"], in: site)
            #expect(result.status == 1)
            for file in ["robots.txt", "assets/site.css", "cities/index.html"] {
                #expect(result.stderr.contains("Content/static/\(file): error: static file '\(file)' would replace the file CityPress writes at '\(file)'"),
                        "\(result.stderr)")
            }
            for line in ["Content/static/Feed.xml: error: static file 'Feed.xml' would replace the file CityPress writes at 'feed.xml' on a disk that ignores case (a Mac's)",
                         "Content/static/countries: error: static file 'countries' would replace the folder CityPress writes at 'countries'",
                         "Content/static/404.html/x: error: static file '404.html/x' needs a folder where CityPress writes the file '404.html'"] {
                #expect(result.stderr.contains(line), "\(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("out").path))
        }
    }
}
