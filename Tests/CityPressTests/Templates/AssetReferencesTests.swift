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

    func warnings(_ texts: [String: String], assets: [String], staticAssets: [String] = []) throws -> [String] {
        let set = try #require(TemplateSet.load(texts: texts).0)
        return AssetReferences.missing(in: set, assets: assets, staticAssets: staticAssets, shownFolder: "Templates/assets").map(\.description)
    }

    @Test func findsTheTextAfterEachUseOfAFieldWhereverTheTagIs() throws {
        let uses = try #require(templates).literalsAfter(fieldNamed: "assets")
        // A tag with another tag or the template's end after it has no text after it: not listed.
        #expect(uses.map { "\($0.location): \(String(decoding: $0.text.prefix(12), as: UTF8.self)) \($0.isFollowedByTag)" } == [
            "layout.mustache:1:30: sites.css\">\n true",
            "layout.mustache:2:20: logo.svg?v=2 false",
            "other.mustache:1:10: \">assets</a> true",
            "search.mustache:1:34: search.js\">< false",
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

    /// What a browser would ask for: a name made with another field is only its start, a `srcset`
    /// candidate ends before its comma, `%20` is a space; `static/assets/` publishes at the same address,
    /// and `{{siteURL}}assets/` names the same folder.
    @Test func namesAreReadAsABrowserWouldAskForThem() throws {
        let texts = [
            "a": "<img src=\"{{assets}}flags/{{language}}.svg\" alt=\"\"><img src=\"{{assets}}logos/{{language}}.svg\" alt=\"\">",
            "b": "<img srcset=\"{{assets}}a.png,{{assets}}b.png 2x\" alt=\"\"><style>@font-face { src: url(\"{{assets}}my%20font.woff2\") }</style>",
            "c": "<link rel=\"icon\" href=\"{{assets}}icon.svg\"><meta property=\"og:image\" content=\"{{siteURL}}assets/share.png\">",
            // The address alone, in brackets or braces: no file is named.
            "d": "<p>[{{assets}}] {x: {{assets}}}</p>",
        ]
        #expect(try warnings(texts, assets: ["flags/fr.svg", "a.png", "b.png", "my font.woff2"], staticAssets: ["icon.svg", "share.png"]) == [
            "a.mustache:1:62: warning: no file in Templates/assets/ starts with 'logos/': pages made with this template link to files the site does not have",
        ])
        #expect(try warnings(texts, assets: ["flags/fr.svg", "a.png", "b.png", "my font.woff2"]) == [
            "a.mustache:1:62: warning: no file in Templates/assets/ starts with 'logos/': pages made with this template link to files the site does not have",
            "c.mustache:1:24: warning: 'icon.svg' is not in Templates/assets/: pages made with this template link to a file the site does not have",
            "c.mustache:1:79: warning: 'share.png' is not in Templates/assets/: pages made with this template link to a file the site does not have",
        ])
    }
}
