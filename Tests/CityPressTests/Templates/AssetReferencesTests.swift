import Testing
@testable import CityPressBuild
import CityPressCore
@testable import CityPressTemplates

/// A template that links `{{assets}}name` to a file the templates' `assets/` does not have is told at
/// build time, at the tag, not only by `citypress check` on every page it made.
@Suite struct AssetReferencesTests {
    let templates: TemplateSet? = TemplateSet.load(texts: [
        "layout": "<link rel=\"stylesheet\" href=\"{{page.assets}}sites.css\">\n{{#page}}<img src=\"{{assets}}logo.svg?v=2\" alt=\"\">{{/page}}",
        "search": "{{<layout}}{{$main}}<script src=\"{{page.assets}}search.js\"></script>{{/main}}{{/layout}}",
        "other": "<a href=\"{{assets}}\">assets</a> {{{assets}}}{{assets}}",
    ]).0

    @Test func findsTheTextAfterEachUseOfAFieldWhereverTheTagIs() throws {
        let uses = try #require(templates).literalsAfter(fieldNamed: "assets")
        // A tag with another tag or the template's end after it has no text after it: not listed.
        #expect(uses.map { "\($0.location): \(String(decoding: $0.text.prefix(12), as: UTF8.self))" } == [
            "layout.mustache:1:30: sites.css\">\n",
            "layout.mustache:2:20: logo.svg?v=2",
            "other.mustache:1:10: \">assets</a>",
            "search.mustache:1:34: search.js\"><",
        ])
    }

    @Test func aMissingFileIsAWarningAtItsTagWithTheNameMeant() throws {
        let problems = AssetReferences.missing(in: try #require(templates), assets: ["logo.svg", "search.js", "site.css"],
                                               shownFolder: "Templates/assets")
        #expect(problems.map(\.description) == [
            "layout.mustache:1:30: warning: 'sites.css' is not in Templates/assets/: pages made with this template link to a file the site does not have (did you mean 'site.css'?)",
        ])
    }

    @Test func anEmptyAssetsFolderIsOneWarningNamingEveryFile() throws {
        let problems = AssetReferences.missing(in: try #require(templates), assets: [], shownFolder: "Templates/assets")
        #expect(problems.map(\.description) == [
            "layout.mustache:1:30: warning: Templates/assets/ has no files, but the templates link to 3 of them: logo.svg, search.js, sites.css",
        ])
    }
}
