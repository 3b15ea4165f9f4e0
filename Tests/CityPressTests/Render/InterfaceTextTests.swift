import Foundation
import Testing
@testable import CityPressBuild
import CityPressLoad
@testable import CityPressRender
@testable import CityPressTemplates

/// The interface's words as templates see them: every key is a field the checker knows, and every key
/// of the table is used by a template or by the Swift code that builds phrases.
@Suite struct InterfaceTextTests {
    @Test func aMisspeltKeyIsAnErrorWithASuggestion() throws {
        try withTemporaryFolder { root in
            let templates = root.appendingPathComponent("Templates")
            try copyFolder(TestPaths.templates, to: templates)
            let file = templates.appendingPathComponent("404.mustache")
            try writeText(try readText(file).replacingOccurrences(of: "page.text.pageNotFound", with: "page.text.pageNotFuond"), to: file)
            let (set, problems) = TemplateSet.load(from: templates.path, views: TemplateViews.entries)
            #expect(set == nil)
            #expect(problems.contains { $0.message.contains("'pageNotFuond' (did you mean 'pageNotFound'?)") },
                    "\(problems.map(\.description))")
        }
    }

    @Test func everyKeyIsUsedByATemplateOrByCityPress() throws {
        var used = ""
        for folder in [TestPaths.templates, TestPaths.packageRoot.appendingPathComponent("Sources/CityPressRender"),
                       TestPaths.packageRoot.appendingPathComponent("Sources/CityPressLoad/Languages/Interface.swift")] {
            if folder.pathExtension == "swift" { used += try readText(folder); continue }
            for path in FileManager.default.subpaths(atPath: folder.path) ?? []
            where path.hasSuffix(".mustache") || path.hasSuffix(".swift") {
                used += try readText(folder.appendingPathComponent(path))
            }
        }
        let unused = try TextKey.allCases.filter { key in
            // `text.key` in templates, `.key` (a case) in Swift.
            let pattern = try Regex("\\.\(key.name)\\b")
            return !used.contains(pattern)
        }
        #expect(unused.map(\.name) == [], "keys of Templates/i18n/en.yml that nothing prints")
    }

    @Test func pagesShareOneTableAndCompareByIt() throws {
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path)
        let (site, templates, _) = SiteBuild.prepare(options)
        let renderer = SiteRenderer(site: try #require(site), templates: try #require(templates))
        let again = SiteRenderer(site: try #require(site), templates: try #require(templates))
        #expect(renderer.homePage().page.text == again.homePage().page.text)
        #expect(renderer.homePage().page.text.hashValue == again.homePage().page.text.hashValue)
        #expect(renderer.text[.home] == "Home")
    }
}
