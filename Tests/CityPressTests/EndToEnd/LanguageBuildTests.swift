import Foundation
import Testing
@testable import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressSite

/// The fixture site built in French and in Arabic by the real binary: no English word of the interface
/// is left on any page (every value of the English table is looked for, the content's own words taken
/// out first), `lang` and `dir` are set, and the bytes do not depend on the process's locale.
@Suite struct LanguageBuildTests {
    /// A copy of the fixture site whose `site.yml` says `language`, built into `root/out`.
    func build(_ language: String, in root: URL, environment: [String: String] = [:]) throws -> (site: URL, out: URL) {
        let site = try makeFixtureSite(in: root)
        let config = site.appendingPathComponent("Content/site.yml")
        // The fixture's other languages (`languages: [fr, ar]`) but the one the site is now written in.
        let others = ["fr", "ar"].filter { $0 != language }
        let lines = try readText(config).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("language:") ? "language: \(language)"
                : $0.hasPrefix("languages:") ? "languages: [\(others.joined(separator: ", "))]" : String($0) }
        try writeText(lines.joined(separator: "\n"), to: config)
        // A translation into the site's own language is an error: the fixture's would be, in this language.
        try? FileManager.default.removeItem(at: site.appendingPathComponent("Content/translations/\(language)"))
        let out = root.appendingPathComponent("out")
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = ["build", "--quiet", "--content", "Content", "--templates", "Templates", "--output", out.path]
        process.currentDirectoryURL = site
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (site, out)
    }

    /// The English table's texts that the language's table words otherwise, cut at placeholders.
    func englishFragments(against language: String) throws -> Set<String> {
        let read = { (name: String) in
            InterfaceTableFile.read(SourceText(path: name, text: try readText(TestPaths.templates.appendingPathComponent("i18n/" + name)))).0
        }
        let english = try read("en.yml"), other = try read(language + ".yml")
        var fragments: Set<String> = []
        for key in TextKey.allCases {
            let translated = PluralCategory.allCases.map { other.texts[key]?.text($0) ?? "" }
            for category in PluralCategory.allCases {
                for part in english.texts[key]?.parts(category) ?? [] {
                    guard case .literal(let text) = part else { continue }
                    let fragment = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,.:;()·–\n"))
                    // Words both languages write alike (`Date`, `PDF, A4`) are not English left behind.
                    if fragment.count >= 4, !translated.contains(where: { $0.contains(fragment) }) { fragments.insert(fragment) }
                }
            }
        }
        return fragments
    }

    /// Every text of the content (names, titles, the declarations' and reports' own words), which a page
    /// shows as written whatever the interface's language.
    func contentTexts(of site: URL) throws -> [String] {
        let options = BuildOptions(contentPath: site.appendingPathComponent("Content").path,
                                   templatesPath: site.appendingPathComponent("Templates").path)
        let model = try #require(SiteBuild.prepare(options).0)
        var texts = [model.config.title, model.config.network, model.config.description]
        texts += model.cities.flatMap { [$0.name, $0.subdivision ?? ""] } + model.countries.map(\.name)
        for declaration in model.declarations {
            texts += [declaration.title, declaration.event, declaration.venue, declaration.location]
            texts += ([declaration.preambleHTML, declaration.closingHTML] + declaration.commitments.map(\.html)).flatMap(Self.lines)
        }
        for report in model.reports {
            texts += Self.lines(report.summaryHTML) + report.actions.flatMap { [$0.title] + Self.lines($0.html) }
        }
        return texts.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The text a reader meets on `html`: text between tags and the attributes read aloud or shown
    /// (`aria-label`, `alt`, `title`, `content`), scripts left out.
    static func readerText(_ html: String) -> String {
        var text = html.replacing(/<script[^>]*>[\s\S]*?<\/script>/, with: "\n")
        // Code (the open data's column names) and file names (`signatories.csv`) are identifiers, no words.
        text = text.replacing(/<code>[^<]*<\/code>/, with: "\n").replacing(/[\w.-]+\.(?:csv|json)\b/, with: "\n")
        var attributes: [String] = []
        for match in text.matches(of: /(?:aria-label|alt|title|content)="([^"]*)"/) where !match.output.1.hasPrefix("http") {
            attributes.append(String(match.output.1))
        }
        // Addresses (a print edition's colophon prints its page's) are no words.
        text = text.replacing(/<[^>]*>/, with: "\n").replacing(/https?:\/\/\S+/, with: "\n")
        return unescaped(text + "\n" + attributes.joined(separator: "\n"))
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func lines(_ html: String) -> [String] {
        unescaped(html.replacing(/<[^>]*>/, with: "\n")).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `en-GB` is the fixture as it is: every page of its French and Arabic trees (`languages: [fr, ar]`:
    /// home, indexes, city and country pages, the translations) is checked.
    @Test(arguments: ["en-GB", "fr", "ar"])
    func noEnglishInterfaceWordIsLeft(_ language: String) throws {
        try withTemporaryFolder { root in
            let (site, out) = try build(language, in: root)
            // Pages of the site's language, and those of the fixture's translations into the other one.
            var fragments: [String: Set<String>] = [:]
            for checked in ["fr", "ar"] { fragments[checked] = try englishFragments(against: checked) }
            #expect(fragments["fr"]?.count ?? 0 > 100 && fragments["ar"]?.count ?? 0 > 100)
            let content = try contentTexts(of: site)
            var left: [String] = []
            var pages = 0
            for path in (FileManager.default.subpaths(atPath: out.path) ?? []).sorted() where path.hasSuffix(".html") {
                let pageLanguage = ["fr", "ar"].first { path.hasPrefix($0 + "/") } ?? language
                guard fragments[pageLanguage] != nil else { continue }
                pages += 1
                var text = Self.readerText(try readText(out.appendingPathComponent(path)))
                for piece in content { text = text.replacingOccurrences(of: piece, with: "\n") }
                for fragment in fragments[pageLanguage] ?? [] {
                    let escaped = NSRegularExpression.escapedPattern(for: fragment)
                    if text.range(of: "(?<![\\p{L}])" + escaped + "(?![\\p{L}])", options: .regularExpression) != nil {
                        left.append("\(path): '\(fragment)'")
                    }
                }
                let head = try readText(out.appendingPathComponent(path)).prefix(200)
                #expect(head.contains("<html lang=\"\(pageLanguage)\"" + (pageLanguage == "ar" ? " dir=\"rtl\">" : ">")), "\(path)")
            }
            #expect(pages >= 30)
            // Every page of the other languages' trees was checked: the home page, the indexes, each city and country.
            for checked in ["fr", "ar"] where checked != language {
                for page in ["", "declarations/", "cities/", "countries/", "commitments/", "cities/lodz/", "countries/poland/"] {
                    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(checked)/\(page)index.html").path),
                            "\(checked)/\(page)")
                }
            }
            #expect(left == [], "English interface words on \(language) pages")
        }
    }

    @Test func aSitesOwnTableOverridesKeyByKeyAndItsMistakesAreWarnings() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            try writeText("text:\n  home: Start\n  hmoe: Start\n", to: site.appendingPathComponent("Templates/i18n/en.yml"))
            let result = try runCityPress(["build", "--content", "Content", "--templates", "Templates", "--output", "out"], in: site)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("Templates/i18n/en.yml:3:3: warning: unknown interface text 'hmoe' (did you mean 'home'?)"),
                    "\(result.stderr)")
            let page = try readText(site.appendingPathComponent("out/cities/index.html"))
            #expect(page.contains("<li><a href=\"../\">Start</a></li>"), "the site's key")
            #expect(page.contains("<h1>Cities</h1>"), "the built-in table's other keys")
        }
    }

    @Test func theProcessLocaleDoesNotChangeABuild() throws {
        try withTemporaryFolder { root in
            let plain = try snapshot(of: try build("fr", in: root.appendingPathComponent("a")).out)
            let other = try snapshot(of: try build("fr", in: root.appendingPathComponent("b"),
                                                   environment: ["LC_ALL": "ar_SA.UTF-8", "LANG": "ar_SA.UTF-8", "TZ": "Pacific/Kiritimati"]).out)
            #expect(plain.keys.sorted() == other.keys.sorted())
            // The build's marker file names its output folder; every page must be the same.
            for (path, bytes) in plain where !path.hasPrefix(".citypress-build") { #expect(other[path] == bytes, "\(path)") }
        }
    }
}
