import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressRender
@testable import CityPressTemplates

/// Template mistakes that render without complaint but not as meant, and the wording of the messages
/// that tell an author what they wrote.
@Suite struct TemplateMessageTests {
    static let city = TemplateEntry("city", view: CityPage.self, as: "a city page")
    static let country = TemplateEntry("country", view: CountryPage.self, as: "a country page")

    static let layout = "<!DOCTYPE html>\n<html>\n{{$main}}{{/main}}\n</html>\n"

    /// The one-line form of every diagnostic of loading `texts` checked against `entries`.
    func messages(_ texts: [String: String], _ entries: [TemplateEntry] = [city]) -> [String] {
        TemplateSet.load(texts: texts, views: entries).1.map(\.description)
    }

    @Test func aParentIncludedAsAPartialIsAWarning() {
        let texts = ["layout": Self.layout, "city": "{{>layout}}\n{{$main}}<h1>{{name}}</h1>{{/main}}\n",
                     "country": "{{<layout}}{{$main}}{{name}}{{/main}}{{/layout}}"]
        let found = TemplateSet.load(texts: texts, views: [Self.city, Self.country]).1
        #expect(found.map(\.description) == [
            "city.mustache:1:1: warning: 'layout' is a parent template (pages extend it with {{<layout}}…{{/layout}}); "
                + "{{>layout}} prints it with its blocks' defaults, and what follows lands after it",
        ])
        #expect(found.first?.notes == ["did you mean {{<layout}}…{{/layout}}?"])
        // A whole document with blocks is a parent even when no template extends it yet.
        #expect(messages(["layout": Self.layout, "city": "{{>layout}}\n"]).count == 1)
        // A partial with a block and its default, used only as a partial, is a partial; one that is a partial
        // here and a parent there (valid Mustache: the spec's "Parent template" case) too.
        #expect(messages(["card": "<li>{{$title}}untitled{{/title}}</li>\n", "city": "<ul>{{>card}}</ul>\n"]) == [])
        #expect(messages(["card": "<li>{{$title}}untitled{{/title}}</li>\n",
                          "city": "<ul>{{>card}}{{<card}}{{$title}}{{name}}{{/title}}{{/card}}</ul>\n"]) == [])
    }

    @Test func theShippedLayoutIncludedAsAPartialIsAWarning() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let city = templates.appendingPathComponent("city.mustache")
            let text = try String(contentsOf: city, encoding: .utf8)
            try text.replacingOccurrences(of: "{{<layout}}", with: "{{>layout}}").replacingOccurrences(of: "{{/layout}}\n", with: "")
                .write(to: city, atomically: true, encoding: .utf8)
            let found = TemplateSet.load(from: templates.path, views: TemplateViews.entries).1
            #expect(found.map(\.description) == [
                "\(templates.path)/city.mustache:1:1: warning: 'layout' is a parent template (pages extend it with {{<layout}}…{{/layout}}); "
                    + "{{>layout}} prints it with its blocks' defaults, and what follows lands after it",
            ])
        }
    }
}

extension TemplateMessageTests {
    @Test func aFillForABlockTheParentDoesNotHaveIsAWarning() {
        let texts = ["layout": Self.layout, "city": "{{<layout}}\n{{$mian}}\n<h1>{{name}}</h1>\n{{/mian}}\n{{/layout}}\n"]
        #expect(messages(texts) == [
            "city.mustache:2:1: warning: block 'mian' is not in 'layout' (nor in what it includes): its content is never shown (did you mean 'main'?)",
        ])
        // The blocks of the partials a parent includes and of its own parent are its blocks too.
        let chain = [
            "layout": "<html>{{>head}}{{$main}}{{/main}}</html>", "head": "<head>{{$head}}{{/head}}</head>",
            "section": "{{<layout}}{{$main}}<main>{{$content}}{{/content}}</main>{{/main}}{{/layout}}",
            "city": "{{<section}}{{$head}}<meta>{{/head}}{{$content}}{{name}}{{/content}}{{$main}}x{{/main}}{{/section}}",
        ]
        #expect(messages(chain) == [])
    }
}

extension TemplateMessageTests {
    @Test func textBesideAWholePageParentIsAnErrorAtTheText() {
        let found = TemplateSet.load(texts: ["layout": Self.layout, "city": "<p>{{name}}</p>\n{{<layout}}\n{{$main}}x{{/main}}\n{{/layout}}\n"],
                                     views: [Self.city]).1
        #expect(found.map(\.description) == [
            "city.mustache:1:1: error: only whitespace may stand outside {{<layout}}…{{/layout}}: "
                + "'layout' is a whole page (it has </html>), and this would be published outside its <html>",
        ])
        #expect(found.first?.notes == ["move it into a block that 'layout' has ({{$name}}…{{/name}})"])
        // After the parent tag too, and a tag as well as text.
        #expect(messages(["layout": Self.layout, "city": "{{<layout}}{{$main}}x{{/main}}{{/layout}}\n\n  {{name}}\n"]).map { $0.prefix(22) }
            == ["city.mustache:3:3: err"])
        // An HTML comment beside it is as harmless as whitespace, before or after; text after one is not.
        #expect(messages(["layout": Self.layout, "city": "<!-- a city -->\n{{<layout}}{{$main}}x{{/main}}{{/layout}}\n<!-- edited -->\n"]) == [])
        #expect(messages(["layout": Self.layout, "city": "{{<layout}}{{$main}}x{{/main}}{{/layout}}\n<!-- x --> y\n"]).map { $0.prefix(22) }
            == ["city.mustache:2:12: er"])
        // Beside a parent that is not a whole page, text has its place.
        #expect(messages(["card": "<b>{{$title}}{{/title}}</b>", "city": "<li>{{<card}}{{$title}}{{name}}{{/title}}{{/card}}</li>\n"]) == [])
    }

    @Test func textInsideTheParentTagIsReportedWhereItStands() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let city = templates.appendingPathComponent("city.mustache")
            let text = try String(contentsOf: city, encoding: .utf8)
            try text.replacingOccurrences(of: "{{/main}}\n", with: "{{/main}}\n  <footer>extra</footer>\n")
                .write(to: city, atomically: true, encoding: .utf8)
            let found = TemplateSet.load(from: templates.path, views: TemplateViews.entries).1
            #expect(found.map(\.description) == [
                "\(templates.path)/city.mustache:37:3: error: template syntax error: "
                    + "only block definitions ({{$name}}…{{/name}}) may stand inside {{<layout}}",
            ])
        }
    }
}

extension TemplateMessageTests {
    @Test func anUnusedTemplateIsNeverToldToGoWhenRequiredAndIsShownAsAParentWhenItHasBlocks() throws {
        let found = TemplateSet.load(texts: ["frame": "<div>{{$body}}{{/body}}</div>", "city": "{{name}}"], views: [Self.city]).1
        #expect(found.map(\.description) == ["frame.mustache: warning: template 'frame' is used by no page and no other template"])
        #expect(found.first?.notes == ["remove it, or use it from a page template with {{<frame}}…{{/frame}}"])
        try withTemporaryFolder { folder in
            try Self.layout.write(to: folder.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
            try "<h1>{{name}}</h1>".write(to: folder.appendingPathComponent("city.mustache"), atomically: true, encoding: .utf8)
            let unused = TemplateSet.load(from: folder.path, views: [Self.city]).1.filter { $0.severity == .warning }
            #expect(unused.map(\.message) == ["template 'layout' is used by no page and no other template"])
            #expect(unused.first?.notes == ["keep it, CityPress needs it (without it the build stops: missing template 'layout'); "
                                            + "use it from a page template with {{<layout}}…{{/layout}}"])
        }
    }
}

extension TemplateMessageTests {
    static let home = TemplateEntry("home", view: HomePage.self, as: "the home page")
    static let declaration = TemplateEntry("declaration", view: DeclarationPage.self, as: "a declaration page")

    @Test func aMissingPartialSuggestsTheTemplateLeftUnusedRatherThanAPage() throws {
        let entries = [Self.home, Self.declaration]
        #expect(messages(["home": "{{>declaration-card}}", "declaration": "", "decl-card": ""], entries)
            == ["home.mustache:1:1: error: template 'home' uses 'declaration-card', which does not exist (did you mean 'decl-card'?)"])
        // A template a page renders is no partial: a close template that is not one is suggested.
        #expect(messages(["home": "{{>declaratio}}{{>declarations}}", "declaration": "", "declarations": ""], entries)
            == ["home.mustache:1:1: error: template 'home' uses 'declaratio', which does not exist (did you mean 'declarations'?)"])
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try FileManager.default.moveItem(at: templates.appendingPathComponent("declaration-card.mustache"),
                                             to: templates.appendingPathComponent("decl-card.mustache"))
            let found = TemplateSet.load(from: templates.path, views: TemplateViews.entries).1
            #expect(!found.isEmpty && found.allSatisfy { $0.message.hasSuffix("which does not exist (did you mean 'decl-card'?)") })
        }
    }
}

extension TemplateMessageTests {
    @Test func anUnknownFieldThatAnObjectOfTheViewHasSuggestsItsDottedName() {
        let found = TemplateSet.load(texts: ["city": "<title>{{title}}</title>"], views: [Self.city]).1
        #expect(found.map(\.description) == ["city.mustache:1:8: error: a city page has no field 'title'"])
        #expect(found.first?.notes == ["did you mean 'page.title'?"])
    }
}

extension TemplateMessageTests {
    @Test func aSectionLeftOpenAfterTheDelimitersChangedSaysSo() {
        let found = TemplateSet.load(texts: ["city": "{{#kind}}\n{{=<% %>=}}\n{{/kind}}\n"]).1
        #expect(found.map(\.description) == ["city.mustache:1:1: error: template syntax error: 'kind' is opened here but never closed with {{/kind}}"])
        #expect(found.first?.notes == ["delimiters were changed to <% %> at line 2 and not changed back"])
        // Changed back, they are not the problem.
        #expect(TemplateSet.load(texts: ["city": "{{#kind}}\n{{=<% %>=}}<%={{ }}=%>\n"]).1.first?.notes == [])
    }
}

extension TemplateMessageTests {
    @Test func aFlagIsForSectionsNotForPrinting() {
        #expect(messages(["city": "<p>{{hasReports}}</p>{{#hasReports}}x{{/hasReports}}{{^hasReports}}y{{/hasReports}}"]) == [
            "city.mustache:1:4: error: 'hasReports' is a flag (true or false): use it as {{#hasReports}}…{{/hasReports}} "
                + "or {{^hasReports}}…{{/hasReports}}",
        ])
    }
}
