import Foundation
import Testing
@testable import CityPressLoad
@testable import CityPressScaffold
@testable import CityPressSite

/// `citypress init` and `citypress new`, run as a user would: the real binary, then `citypress build`.
@Suite struct InitTests {
    @Test func initThenBuildGivesASiteWithNoWarning() throws {
        try withTemporaryFolder { root in
            let site = root.appendingPathComponent("nested/my-site")
            let created = try runCityPress(["init", site.path, "--network", "Strong Cities Network"], in: root)
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stderr.isEmpty)
            #expect(created.stdout.contains("citypress build"))

            let config = try readText(site.appendingPathComponent("Content/site.yml"))
            #expect(config.contains("network: Strong Cities Network"))
            #expect(config.contains("title: Strong Cities Network Declarations"))
            #expect(config.contains("# base_url: "), "base_url is there, commented out")
            #expect(!config.contains("\nbase_url:"))
            let gitignore = try readText(site.appendingPathComponent(".gitignore"))
            #expect(gitignore.contains(".citypress-staging-"))
            let readme = try readText(site.appendingPathComponent("README.md"))
            for command in ["citypress build", "citypress serve", "citypress new city"] { #expect(readme.contains(command)) }

            // The templates are an editable copy of the repository's, byte for byte.
            let copied = try snapshot(of: site.appendingPathComponent("Templates"))
            let original = try snapshot(of: TestPaths.templates).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
            #expect(copied == original)

            let built = try runCityPress(["build"], in: site)
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stderr.isEmpty, "a new site builds with no warning: \(built.stderr)")
            #expect(built.stdout.hasPrefix("Built "))
            let home = try readText(site.appendingPathComponent("Public/index.html"))
            #expect(home.contains("Strong Cities Network"))
            let declaration = try readText(site.appendingPathComponent("Public/declarations/example-declaration/index.html"))
            #expect(declaration.contains("commitment-3"), "the example declaration has three commitments")
            for city in ["northport", "eastvale"] {
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/cities/\(city)/index.html").path))
            }

            // What builds leave beside Public/ (an `--incremental` build's spare) is ignored by git.
            for _ in 0..<2 { #expect(try runCityPress(["build", "--incremental"], in: site).status == 0) }
            let patterns = gitignore.split(separator: "\n").filter { $0.hasPrefix("/") }.map { String($0.dropFirst()) }
            let beside = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".Public") }
            #expect(beside == [".Public.citypress-spare"])
            for name in beside { #expect(patterns.contains { fnmatch($0, name, 0) == 0 }, "\(name) is not in .gitignore") }
        }
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        try withTemporaryFolder { root in
            let site = root.appendingPathComponent("site")
            try writeText("mine\n", to: site.appendingPathComponent("notes.txt"))
            let before = try snapshot(of: site)
            let result = try runCityPress(["init", site.path], in: root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("is not empty"), "\(result.stderr)")
            #expect(result.stderr.contains("notes.txt"))
            #expect(try snapshot(of: site) == before, "nothing was written")

            let file = root.appendingPathComponent("file.txt")
            try writeText("x\n", to: file)
            let onFile = try runCityPress(["init", file.path], in: root)
            #expect(onFile.status == 1)
            #expect(onFile.stderr.contains("is a file, not a folder"))
        }
    }

    @Test func initInTheCurrentFolderWhenItIsEmptyOrANewRepository() throws {
        try withTemporaryFolder { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
            let badLanguage = try runCityPress(["init", "--language", "english"], in: root)
            #expect(badLanguage.status == 1)
            #expect(badLanguage.stderr.contains("not a BCP 47 language tag"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [".git"], "nothing was written")
            let result = try runCityPress(["init"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/site.yml").path))
            let config = try readText(root.appendingPathComponent("Content/site.yml"))
            #expect(config.contains("network: \(SiteScaffold.defaultNetwork)"))
            #expect(config.contains("title: \(SiteScaffold.defaultNetwork) Declarations"))
            // In another language, its word, not English's (a new user's `init --language fr`).
            let french = try runCityPress(["init", "fr-site", "--language", "fr", "--network", "Réseau des Villes"], in: root)
            #expect(french.status == 0, "\(french.stderr)")
            #expect(try readText(root.appendingPathComponent("fr-site/Content/site.yml")).contains("title: Déclarations – Réseau des Villes"))
            #expect(SiteScaffold.defaultTitle(network: "N", language: "de") == "N Declarations", "no table: English, whole")
        }
    }

    @Test func newRecordsBuildOnceListed() throws {
        try withTemporaryFolder { root in
            let site = root.appendingPathComponent("site")
            #expect(try runCityPress(["init", site.path], in: root).status == 0)

            let city = try runCityPress(["new", "city", "Łódź", "--country", "Poland", "--subdivision", "Łódź Voivodeship"], in: site)
            #expect(city.status == 0, "\(city.stderr)")
            #expect(city.stdout.contains("Content/cities/lodz.yml"), "slug made with Slug.make(from:)")
            let cityText = try readText(site.appendingPathComponent("Content/cities/lodz.yml"))
            for field in ["name: Łódź", "country: Poland", "subdivision: Łódź Voivodeship", "kind: city"] {
                #expect(cityText.contains(field))
            }

            let declaration = try runCityPress(["new", "declaration", "The Łódź Declaration", "--date", "2024-03-01"], in: site)
            #expect(declaration.status == 0, "\(declaration.stderr)")
            let path = site.appendingPathComponent("Content/declarations/the-lodz-declaration.md")
            var text = try readText(path)
            for field in ["title:", "event:", "venue:", "location:", "start_date: 2024-03-01", "end_date:", "adopted:",
                          "signatories_as_of: 2024-03-01", "signatories: []", "draft: true"] {
                #expect(text.contains("\n\(field)"), "\(field) is present")
            }
            #expect(text.split(separator: "\n").filter { $0.hasPrefix("# ") }.count >= 10, "every field is explained")
            text = text.replacingOccurrences(of: "signatories: []", with: "signatories:\n  - lodz")
            try writeText(text, to: path)

            // The placeholders are warned about in a draft shown by --drafts, and stop a published declaration.
            let drafted = try runCityPress(["build", "--drafts"], in: site)
            #expect(drafted.status == 0, "\(drafted.stderr)")
            // Each at its value: `event: EVENT` on line 8, `venue:` on 10, `location:` on 12.
            let placeholders = [("event", "8:8"), ("venue", "10:8"), ("location", "12:11")].map { field, place in
                (place, "field '\(field)' is still '\(field.uppercased())', the placeholder citypress new wrote")
            }
            for (place, message) in placeholders {
                #expect(drafted.stderr.contains("the-lodz-declaration.md:\(place): warning: " + message), "\(drafted.stderr)")
            }
            text = text.replacingOccurrences(of: "draft: true", with: "draft: false")
            try writeText(text, to: path)
            let published = try runCityPress(["build"], in: site)
            #expect(published.status == 1)
            for (place, message) in placeholders { #expect(published.stderr.contains("the-lodz-declaration.md:\(place): error: " + message)) }
            for (placeholder, value) in [("event: EVENT", "event: Mayors Summit"), ("venue: VENUE", "venue: City Hall"),
                                         ("location: LOCATION", "location: Łódź")] {
                text = text.replacingOccurrences(of: placeholder, with: value)
            }
            try writeText(text, to: path)
            // The sample text is no declaration either: each of its lines stops the build, at the line.
            let sample = try runCityPress(["build"], in: site)
            #expect(sample.status == 1)
            let samples = sample.stderr.matches(of: /the-lodz-declaration\.md:(\d+):(\d+): error: the text is still citypress new's sample: '(.+)'\n/)
            #expect(samples.map { "\($0.output.2) \($0.output.3)" } == [
                "1 We, the mayors and city leaders gathered in LOCATION, commit to:",
                "4 The first commitment. The items of the one numbered list are the declaration's commitments.",
                "4 The second commitment.", "1 The closing paragraph, if the declaration has one.",
            ], "\(sample.stderr)")
            let body = text.range(of: "\n---\n").map { text[..<$0.upperBound] } ?? ""
            text = body + "\nWe, the mayors gathered in Łódź, commit to:\n\n1. Keep our cities open.\n2. Listen.\n"
            try writeText(text, to: path)

            let built = try runCityPress(["build"], in: site)
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stderr.isEmpty, "\(built.stderr)")
            let page = try readText(site.appendingPathComponent("Public/declarations/the-lodz-declaration/index.html"))
            #expect(page.contains("Łódź"))
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/cities/lodz/index.html").path))

            // A new city without --country is published under the placeholder: a warning at its line.
            #expect(try runCityPress(["new", "city", "Oslo"], in: site).status == 0)
            let withPlaceholder = try runCityPress(["build"], in: site)
            #expect(withPlaceholder.status == 0)
            #expect(withPlaceholder.stderr.contains("Content/cities/oslo.yml:7:1: warning: field 'country' is still 'COUNTRY'"),
                    "\(withPlaceholder.stderr)")
        }
    }

    @Test func newRefusesToReplaceARecord() throws {
        try withTemporaryFolder { root in
            let site = root.appendingPathComponent("site")
            #expect(try runCityPress(["init", site.path], in: root).status == 0)
            let existing = site.appendingPathComponent("Content/cities/northport.yml")
            let before = try readText(existing)
            let result = try runCityPress(["new", "city", "Northport"], in: site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("already exists"), "\(result.stderr)")
            #expect(try readText(existing) == before)

            let missing = try runCityPress(["new", "city", "Oslo", "--content", "Elsewhere"], in: site)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no content folder 'Elsewhere'"))
            let badSlug = try runCityPress(["new", "declaration", "Oslo", "--slug", "Not A Slug"], in: site)
            #expect(badSlug.status == 1)
            #expect(badSlug.stderr.contains("is not a slug"))
        }
    }
}
