import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressRender
@testable import CityPressTemplates

/// Templates are checked against the views they receive when they are loaded: every name, section
/// and partial, with the file, line and column of the tag and a "did you mean", all problems at once.
@Suite struct TemplateCheckTests {
    static let city = TemplateEntry("city", view: CityPage.self, as: "a city page")
    static let country = TemplateEntry("country", view: CountryPage.self, as: "a country page")
    static let home = TemplateEntry("home", view: HomePage.self, as: "the home page")
    static let declaration = TemplateEntry("declaration", view: DeclarationPage.self, as: "a declaration page")

    /// The one-line form of every error of loading `texts` checked against `entries`.
    func problems(_ texts: [String: String], _ entries: [TemplateEntry]) -> [String] {
        diagnostics(texts, entries).map(\.description)
    }

    /// The errors of loading `texts` checked against `entries` (without the warnings for unused templates).
    func diagnostics(_ texts: [String: String], _ entries: [TemplateEntry]) -> [Diagnostic] {
        TemplateSet.load(texts: texts, views: entries).1.filter { $0.severity == .error }
    }

    @Test func anUnknownFieldIsAnErrorAtItsTagWithADidYouMean() {
        let (set, diagnostics) = TemplateSet.load(texts: ["city": "<article>\n<h1>{{name}}</h1>\n<p>{{nmae}}</p>\n"], views: [Self.city])
        #expect(set == nil)
        #expect(diagnostics.map(\.description) == ["city.mustache:3:4: error: a city page has no field 'nmae' (did you mean 'name'?)"])
        #expect(diagnostics.first?.location?.lineText == "<p>{{nmae}}</p>")
        // Dotted names are resolved inside the object their first part finds.
        #expect(problems(["city": "{{page.titel}} {{page.title}}"], [Self.city])
            == ["city.mustache:1:1: error: 'page' has no field 'titel' (did you mean 'title'?)"])
        // No suggestion when nothing is close.
        #expect(problems(["city": "{{zzzzzz}}"], [Self.city]) == ["city.mustache:1:1: error: a city page has no field 'zzzzzz'"])
    }

    @Test func anUnknownFieldInTheShippedTemplatesFolderNamesItsFile() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let city = templates.appendingPathComponent("city.mustache")
            let text = try String(contentsOf: city, encoding: .utf8)
            try text.replacingOccurrences(of: "<h1>{{name}}</h1>", with: "<h1>{{nmae}}</h1>").write(to: city, atomically: true, encoding: .utf8)
            let (set, diagnostics) = TemplateSet.load(from: templates.path, views: TemplateViews.entries)
            #expect(set == nil)
            #expect(diagnostics.map(\.description) == ["\(templates.path)/city.mustache:5:5: error: a city page has no field 'nmae' (did you mean 'name'?)"])
            // Without views, loading checks what it always did.
            #expect(TemplateSet.load(from: templates.path).0 != nil)
        }
    }

    @Test func anUnknownPartialIsAnErrorWithADidYouMean() {
        let texts = ["city": "<ol>\n  {{>city-endorsment}}\n</ol>\n", "city-endorsement": "<li>{{title}}</li>\n"]
        #expect(problems(texts, [Self.city])
            == ["city.mustache:2:3: error: template 'city' uses 'city-endorsment', which does not exist (did you mean 'city-endorsement'?)"])
        // `city-endorsement` is meant, not unused: no warning says it is.
        #expect(TemplateSet.load(texts: texts, views: [Self.city]).1.count == 1)
        #expect(problems(["city": "{{<layuot}}{{/layuot}}", "layout": ""], [Self.city])
            == ["city.mustache:1:1: error: template 'city' uses 'layuot', which does not exist (did you mean 'layout'?)"])
    }

    @Test func aSectionNeedsAListAFlagAnOptionalOrAnObject() {
        let text = """
            {{#subdivision}}{{.}}{{/subdivision}}{{#hasEndorsements}}x{{/hasEndorsements}}{{#page}}{{title}}{{/page}}
            {{#kind}}x{{/kind}}
            {{^countryName}}none{{/countryName}}
            {{^page}}never{{/page}}{{^page.canonicalURL}}ok{{/page.canonicalURL}}{{^page.breadcrumbs}}ok{{/page.breadcrumbs}}
            """
        let found = diagnostics(["city": text], [Self.city])
        #expect(found.map(\.description) == [
            "city.mustache:2:1: error: {{#kind}} always shows: 'kind' is text, which is always there",
            "city.mustache:3:1: error: {{^countryName}} never shows: 'countryName' is text, which is always there",
            "city.mustache:4:1: error: {{^page}} never shows: 'page' is an object, which is always there",
        ])
        #expect(found.first?.notes == ["a section needs a list, a flag or an optional value; to print the value, write {{kind}}"])
    }

    @Test func aVariableOverAListOrAnObjectIsAnError() {
        #expect(problems(["country": "<ul>{{cities}}</ul>\n{{{page}}}\n{{#cities}}{{.}}{{/cities}}"], [Self.country]) == [
            "country.mustache:1:5: error: {{cities}} prints nothing: 'cities' is a list (did you mean {{#cities}}…{{/cities}}?)",
            "country.mustache:2:1: error: {{{page}}} prints nothing: 'page' is an object (did you mean {{#page}}…{{/page}}?)",
            "country.mustache:3:12: error: {{.}} prints nothing here: the current value is an element of 'cities', an object",
        ])
        #expect(problems(["country": "{{name.first}}"], [Self.country])
            == ["country.mustache:1:1: error: 'name' is text, not an object, so 'name.first' finds nothing"])
    }

    /// `{{{…}}}` prints a value as is: on an author's text (a city's name) it would publish their `<`
    /// as markup. Only the fields that hold markup CityPress made may be printed so, and only so.
    @Test func onlyMarkupFieldsArePrintedAsIsAndAlwaysAre() {
        let city = TemplateEntry("city", view: CityPage.self, as: "a city page")
        #expect(problems(["city": "{{{name}}} {{& kind}} {{endorsementsHTML}}\n{{{endorsementsHTML}}} {{name}} {{{page.footerHTML}}}"], [city]) == [
            "city.mustache:1:1: error: {{{name}}} prints 'name' as is, but it is text, not markup: write {{name}}",
            "city.mustache:1:12: error: {{& kind}} prints 'kind' as is, but it is text, not markup: write {{kind}}",
            "city.mustache:1:23: error: {{endorsementsHTML}} prints the markup of 'endorsementsHTML' as text, its tags shown: write {{{endorsementsHTML}}}",
        ])
        // The same inside a section over optional text, where `{{.}}` is the text.
        #expect(problems(["city": "{{#subdivision}}{{{.}}}{{/subdivision}}{{#subdivision}}{{.}}{{/subdivision}}"], [city]) == [
            "city.mustache:1:17: error: {{{.}}} prints 'subdivision' as is, but it is text, not markup: write {{.}}",
        ])
    }

    @Test func namesAreLookedUpFromTheInnermostSectionOutwards() {
        // Inside `declaration`, `page` is the page's; inside `pdfs`, `href` is the link's and `title` the declaration's.
        let text = """
            {{#declaration}}{{page.title}}{{#pdfs}}<a href="{{href}}">{{label}} {{title}}</a>{{/pdfs}}
            {{#commitments}}{{number}}{{anchor}}{{printHref}}{{/commitments}}{{/declaration}}{{declaration.title}}
            {{#declaration.commitments}}{{{html}}}{{/declaration.commitments}}{{#declaration.commitments}}{{lable}}{{/declaration.commitments}}
            """
        #expect(problems(["declaration": text], [Self.declaration]) == [
            "declaration.mustache:3:95: error: neither an element of 'declaration.commitments' nor a declaration page has a field 'lable'",
        ])
        #expect(problems(["country": "{{#cities}}{{nmae}}{{/cities}}"], [Self.country])
            == ["country.mustache:1:12: error: neither an element of 'cities' nor a country page has a field 'nmae' (did you mean 'name'?)"])
    }

    @Test func anInnerFieldHidesAnOuterFieldOfTheSameName() throws {
        // `label` is a list on the page and text on each item: inside `items`, the item's wins, as in rendering.
        let text = "{{#items}}[{{label}}]{{/items}}{{#label}}({{label}}){{/label}}"
        let entry = TemplateEntry("page", view: ShadowPage.self, as: "a test page")
        let (set, found) = TemplateSet.load(texts: ["page": text], views: [entry])
        #expect(found.map(\.description) == [])
        let page = ShadowPage(label: [ShadowItem(label: "x")], items: [ShadowItem(label: "a"), ShadowItem(label: "b")])
        #expect(try #require(set).render(page, with: "page") == "[a][b](x)")
        #expect(problems(["page": "{{label}}"], [entry])
            == ["page.mustache:1:1: error: {{label}} prints nothing: 'label' is a list (did you mean {{#label}}…{{/label}}?)"])
    }

    @Test func anErrorInAPartialIsReportedInThePartialsFile() {
        let texts = [
            "home": "<ol>\n{{#declarations}}\n{{>card}}\n{{/declarations}}\n</ol>\n",
            "declarations": "{{#declarations}}\n  {{>card}}\n{{/declarations}}\n",
            "card": "<li>\n<h2>{{titel}}</h2>\n</li>\n",
        ]
        let entries = [Self.home, TemplateEntry("declarations", view: DeclarationsIndexPage.self, as: "the declarations index")]
        let found = diagnostics(texts, entries)
        // Checked for both pages, reported once.
        #expect(found.map(\.description)
            == ["card.mustache:2:5: error: neither an element of 'declarations' nor the home page has a field 'titel' (did you mean 'title'?)"])
        #expect(found.first?.notes == ["checked as included by home.mustache:3:1 (the home page)"])
    }

    @Test func anErrorInABlockOverrideIsReportedInTheChildsFile() {
        let texts = [
            "layout": "<title>{{page.title}}</title>\n{{#page}}<p>{{siteTitel}}</p>{{/page}}\n{{$main}}{{/main}}\n",
            "city": "{{<layout}}\n{{$main}}\n<h1>{{nmae}}</h1>\n{{/main}}\n{{/layout}}\n",
        ]
        let found = diagnostics(texts, [Self.city])
        #expect(found.map(\.description) == [
            "layout.mustache:2:13: error: neither 'page' nor a city page has a field 'siteTitel' (did you mean 'siteTitle'?)",
            "city.mustache:3:5: error: a city page has no field 'nmae' (did you mean 'name'?)",
        ])
        #expect(found.first?.notes == ["checked as the parent of city.mustache:1:1 (a city page)"])
        #expect(found.last?.notes == [])
    }

    @Test func everyProblemOfEveryTemplateIsReportedAtOnce() {
        let texts = [
            "layout": "{{page.titel}}\n{{$main}}{{/main}}\n",
            "city": "{{<layout}}{{$main}}{{nmae}} {{#kind}}{{/kind}}{{/main}}{{/layout}}",
            "country": "{{<layout}}{{$main}}{{cities}}{{/main}}{{/layout}}",
            "broken": "{{#x}}",
            "orphan": "{{anything}}",
        ]
        let (set, found) = TemplateSet.load(texts: texts, views: [Self.city, Self.country])
        #expect(set == nil)
        #expect(found.sortedForDisplay().map(\.description) == [
            "broken.mustache:1:1: error: template syntax error: 'x' is opened here but never closed with {{/x}}",
            "city.mustache:1:21: error: a city page has no field 'nmae' (did you mean 'name'?)",
            "city.mustache:1:30: error: {{#kind}} always shows: 'kind' is text, which is always there",
            "country.mustache:1:21: error: {{cities}} prints nothing: 'cities' is a list (did you mean {{#cities}}…{{/cities}}?)",
            // The layout's mistake is the same for both pages: reported once.
            "layout.mustache:1:1: error: 'page' has no field 'titel' (did you mean 'title'?)",
        ])
    }

    @Test func aTemplateNoPageUsesIsAWarning() {
        let texts = ["city": "{{>card}}", "card": "{{name}}", "orphan": "{{>leftover}}", "leftover": ""]
        let (set, found) = TemplateSet.load(texts: texts, views: [Self.city])
        #expect(set != nil)
        #expect(found.map(\.description) == [
            "leftover.mustache: warning: template 'leftover' is used only by templates that no page uses ('orphan')",
            "orphan.mustache: warning: template 'orphan' is used by no page and no other template",
        ])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    /// Every view field, as `TypeName.field`, from the views the entries reach.
    static func allFields() -> Set<String> {
        var fields: Set<String> = []
        var seen: Set<String> = []
        var pending = TemplateViews.entries.map(\.schema)
        while let schema = pending.popLast() {
            guard seen.insert(schema.typeName).inserted else { continue }
            for field in schema.fields {
                fields.insert(schema.typeName + "." + field.name)
                if let inner = field.kind.schema { pending.append(inner) }
            }
        }
        return fields
    }

    /// Every field of every view is read by a shipped template: nothing is computed for nothing.
    @Test func everyViewFieldIsReadByAShippedTemplate() throws {
        let set = try #require(TemplateSet.load(from: TestPaths.templates.path, views: TemplateViews.entries).0)
        // The interface's words serve Swift-built phrases too (InterfaceTextTests checks each key is used somewhere);
        // these fields the built-in templates now take in a sentence of the table, kept for sites' own templates.
        let keptForOlderTemplates: Set<String> = [
            "EndorsementHistoryView.atTheMeetingText", "EndorsementHistoryView.since", "UpdateLinkView.year",
            "SearchPage.declarationsHref", "SearchPage.commitmentsHref", "SearchPage.citiesHref", "SearchPage.countriesHref",
            // For a logo in a site's own header or footer (made once per depth, not per page).
            "Chrome.View.assets",
            // The footer's sentence as text, which sites' own footers print; the built-in one prints `publishedByHTML`.
            "Chrome.View.publishedByText",
        ]
        let unread = Self.allFields().subtracting(set.fieldsRead(from: TemplateViews.entries))
            .filter { !$0.hasPrefix("InterfaceText.") }.subtracting(keptForOlderTemplates)
        #expect(unread.isEmpty, "computed for no template: \(unread.sorted())")
    }

    @Test func theShippedTemplatesCheckClean() {
        let (set, found) = TemplateSet.load(from: TestPaths.templates.path, views: TemplateViews.entries)
        #expect(set != nil)
        // No warning either: every template in the folder, the 20 required ones included, is reached from an entry.
        #expect(found.map(\.description) == [])
        // Every template a page is rendered with is required, but for those of pages a site may not have.
        let entered = Set(TemplateViews.entries.filter { !$0.isOptional }.map(\.template))
        #expect(entered.isSubset(of: Set(TemplateSet.requiredNames)))
        #expect(Set(TemplateViews.entries.filter(\.isOptional).map(\.template)) == ["report", "update", "update-print"])
    }
}

/// A view whose items shadow one of its fields, to check the lookup order.
private struct ShadowPage: TemplateView {
    let label: [ShadowItem]
    let items: [ShadowItem]
    static let templateFields = TemplateFieldTable<Self>(.field("label", \.label), .field("items", \.items))
}

private struct ShadowItem: TemplateView {
    let label: String
    static let templateFields = TemplateFieldTable<Self>(.field("label", \.label))
}
