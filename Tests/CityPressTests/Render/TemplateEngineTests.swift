import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressRender
@testable import CityPressTemplates

/// A context made of named values, for templates under test.
private struct Fields: TemplateFields {
    let values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func field(_ name: FieldName) -> TemplateValue? { values[name.text] }
}

/// The template engine: Mustache's rules for names, sections, standalone lines, partials and
/// inheritance, checked case by case (most cases after the Mustache specification's own).
@Suite struct TemplateEngineTests {
    func render(_ text: String, _ values: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try TemplateParser.parse(text).nodes]
        for (name, partial) in partials { templates[name] = try TemplateParser.parse(partial).nodes }
        var rendering = TemplateRendering(templates: templates, capacity: 64)
        rendering.render("main", with: .object(Fields(values)))
        return String(decoding: rendering.output, as: UTF8.self)
    }

    func syntaxError(_ text: String) -> TemplateSyntaxError? {
        do {
            _ = try TemplateParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let values: [String: TemplateValue] = ["x": .text("<a href=\"/\">Tom & 'Jerry'</a>"), "n": .number(42), "b": .bool(true)]
        #expect(try render("{{x}}", values) == "&lt;a href=&quot;/&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", values) == "<a href=\"/\">Tom & 'Jerry'</a>|<a href=\"/\">Tom & 'Jerry'</a>")
        #expect(try render("{{ n }} {{b}} [{{missing}}]", values) == "42 true []")
        #expect(try render("Poznań – {{x}}", ["x": .text("Kraków €")]) == "Poznań – Kraków €")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let inner = Fields(["name": .text("inner"), "none": .none])
        let values: [String: TemplateValue] = ["a": .object(inner), "name": .text("outer"), "none": .text("outer none")]
        #expect(try render("{{a.name}} {{#a}}{{name}}{{/a}} {{name}}", values) == "inner inner outer")
        // A field that exists but is empty hides an outer field of the same name.
        #expect(try render("{{#a}}[{{none}}]{{/a}}", values) == "[]")
        // Missing inner parts of a dotted name do not fall back to outer contexts.
        #expect(try render("{{#a}}[{{a.name}}]{{/a}}[{{name.x}}]", values) == "[inner][]")
    }

    @Test func sectionsOverBooleansListsObjectsAndNothing() throws {
        let items: [Fields] = [Fields(["n": .number(1)]), Fields(["n": .number(2)]), Fields(["n": .number(3)])]
        let values: [String: TemplateValue] = [
            "yes": .bool(true), "no": .bool(false), "items": .list(items), "empty": .list([Fields]()),
            "text": .text("t"), "none": .none,
        ]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^yes}}y{{/yes}}", values) == "Yn")
        #expect(try render("{{#items}}<{{n}}>{{/items}}{{^empty}}none{{/empty}}{{#empty}}x{{/empty}}", values) == "<1><2><3>none")
        #expect(try render("{{#text}}[{{.}}]{{/text}}{{#none}}x{{/none}}{{^none}}-{{/none}}{{^missing}}m{{/missing}}", values) == "[t]-m")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        let values: [String: TemplateValue] = ["yes": .bool(true)]
        #expect(try render("<ul>\n  {{#yes}}\n  <li>a</li>\n  {{/yes}}\n</ul>\n", values) == "<ul>\n  <li>a</li>\n</ul>\n")
        #expect(try render("a\n{{! comment }}\nb\n  {{! two\nlines }}  \nc", values) == "a\nb\nc")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n", values) == "a\r\nb\r\n")
        #expect(try render("#{{#yes}}\n/\n{{/yes}}", values) == "#\n/\n", "a tag after text is not standalone")
        #expect(try render("  {{#yes}}x{{/yes}}\n", values) == "  x\n", "two tags on a line are not standalone")
        #expect(try render("{{#yes}}\nend{{/yes}}", values) == "end")
        #expect(try render(" {{x}}\n", ["x": .text("v")]) == " v\n", "variables are never standalone")
    }

    @Test func setDelimiters() throws {
        #expect(try render("{{=<% %>=}}\n<% x %> {{x}}\n<%={{ }}=%>\n{{x}}", ["x": .text("v")]) == "v {{x}}\nv")
    }

    @Test func partialsGetTheContextAndTheIndentation() throws {
        let values: [String: TemplateValue] = ["x": .text("v")]
        #expect(try render("[{{>p}}]", values, partials: ["p": "<{{x}}>"]) == "[<v>]")
        #expect(try render("<div>\n  {{>p}}\n</div>\n", values, partials: ["p": "<p>\n{{x}}\n</p>\n"])
                == "<div>\n  <p>\n  v\n  </p>\n</div>\n")
    }

    @Test func inheritanceFillsBlocksAndTheOutermostOverrideWins() throws {
        let partials = [
            "layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "section": "{{<layout}}\n{{$title}}Section{{/title}}\n{{$main}}section body{{/main}}\n{{/layout}}\n",
        ]
        #expect(try render("{{<layout}}\n{{$main}}\nHello {{x}}\n{{/main}}\n{{/layout}}\n", ["x": .text("you")], partials: partials)
                == "<title>Default</title>\n<main>\nHello you\n\n</main>\n", "the block tags share a line, so its line break stays")
        #expect(try render("{{<section}}{{$title}}Page{{/title}}{{/section}}", partials: partials)
                == "<title>Page</title>\n<main>\nsection body\n</main>\n")
        #expect(try render("{{$title}}own default{{/title}}") == "own default")
    }

    @Test func syntaxErrorsKnowTheirLineAndColumn() throws {
        #expect(syntaxError("a\n<h1>{{name}</h1>") == TemplateSyntaxError(
            message: "a tag is not closed with '}}'", line: 2, column: 5))
        #expect(syntaxError("a\n<h1>{{name}</h1>\n{{/x}}")?.message == "a tag is not closed with '}}' on its line")
        #expect(syntaxError("{{#a}}\n  {{/b}}") == TemplateSyntaxError(
            message: "'{{/b}}' closes nothing: 'a' (line 1) is the section open here", line: 2, column: 3))
        #expect(syntaxError("{{#a}}\n{{#b}}\n{{/a}}")?.message == "'{{/a}}' closes 'a', but 'b' (line 2), opened inside it, is not closed yet")
        #expect(syntaxError("<h1>{{{name}}</h1>\n{{{body}}}")?.message == "a tag is not closed with '}}}' on its line")
        #expect(syntaxError("x {{/b}}")?.message == "'{{/b}}' closes a section that was never opened")
        #expect(syntaxError("\n\n{{#list}}\nx") == TemplateSyntaxError(
            message: "'list' is opened here but never closed with {{/list}}", line: 3, column: 1))
        #expect(syntaxError("é {{uppercased(name)}}") == TemplateSyntaxError(
            message: "'uppercased(name)' is not a field name (letters, digits, '_', '-', '.')", line: 1, column: 3))
        #expect(syntaxError("{{%CONTENT_TYPE:TEXT}}")?.message == "pragmas ({{%…}}) are not supported")
        #expect(syntaxError("{{=<% %>}}")?.message == "malformed set-delimiter tag: write it as {{=<% %>=}}")
        #expect(syntaxError("{{<layout}}\ntext\n{{/layout}}")?.message
                == "only block definitions ({{$name}}…{{/name}}) may stand inside {{<layout}}")
        #expect(syntaxError("{{>}}")?.message == "a tag has no name")
        #expect(syntaxError("{{a..b}}") != nil)
    }

    @Test func templateSetsReportTemplatesThatIncludeThemselves() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: TestPaths.templates, to: folder.appendingPathComponent("T"))
        let templates = folder.appendingPathComponent("T")
        try "x\n{{>b}}\n".write(to: templates.appendingPathComponent("a.mustache"), atomically: true, encoding: .utf8)
        try "{{<a}}{{/a}}\n".write(to: templates.appendingPathComponent("b.mustache"), atomically: true, encoding: .utf8)
        let (set, diagnostics) = TemplateSet.load(from: templates.path)
        #expect(set == nil)
        let messages = diagnostics.map { DiagnosticFormatter().format($0) }
        #expect(messages == ["\(templates.path)/b.mustache:1:1: error: templates use each other in a loop (a → b → a)\n"
            + "{{<a}}{{/a}}\n^\nnote: a template may not use itself through partials, parents or the blocks it fills"])
    }
}
