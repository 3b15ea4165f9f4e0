import Foundation
import Testing
@testable import CityPressMarkdown
@testable import CityPressTemplates

/// The template engine measured against the official Mustache specification's tests
/// (`../shared/mustache-spec/*.json` beside the repository, MIT): every test of a file runs through
/// `TemplateSet` and `TemplateRendering` as a site's templates do, and must give the spec's bytes,
/// except the tests listed in `knownFailures`, which must still fail (so the list stays true).
///
/// The folder is there in CI and on developers' machines, not in a user's clone: there the test is
/// reported as skipped, never failed.
@Suite struct MustacheSpecTests {
    @Test(.enabled(if: MustacheSpec.isPresent, "the Mustache spec tests (../shared/mustache-spec) are not beside the repository"),
          arguments: MustacheSpec.files)
    func specFile(_ file: String) throws {
        let tests = try MustacheSpec.tests(in: file)
        // An empty or misread file must not pass as "nothing failed".
        #expect(!tests.isEmpty, "\(file) holds no tests")
        let known = MustacheSpec.knownFailures[file] ?? [:]
        var passed = 0
        var failedKnowingly: [String] = []
        for test in tests {
            let actual = MustacheSpec.render(test)
            let passes = actual == .rendered(test.expected)
            if passes { passed += 1 }
            if let reason = known[test.key] {
                failedKnowingly.append(test.key)
                // A known failure that starts passing is reported, so the list in docs/templates.md is kept in step.
                withKnownIssue(Comment(rawValue: "\(test.key): \(reason)")) {
                    #expect(passes, "\(file): \(test.key)")
                }
            } else {
                #expect(passes, "\(file): '\(test.key)' (\(test.desc))\ntemplate: \(test.template.debugDescription)\nexpected: \(test.expected.debugDescription)\nactual: \(actual)")
            }
        }
        // Every listed known failure names a test that exists.
        for name in known.keys where !tests.contains(where: { $0.key == name }) {
            Issue.record("\(file): the known failure '\(name)' names no test")
        }
        let knownPart = failedKnowingly.isEmpty ? "" : "; known failures: " + failedKnowingly.joined(separator: ", ")
        print("Mustache spec \(file): \(passed)/\(tests.count) passed\(knownPart)")
    }
}

/// The specification's files, the tests the engine knowingly fails, and how one test is run.
private enum MustacheSpec {
    /// `../shared/mustache-spec` beside the package root (this file is `Tests/CityPressTests/Render/…`).
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    static var isPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every `*.json` in the folder, so optional files (lambdas, dynamic names) are measured too when
    /// they are added; none when the folder is absent.
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .sorted()
    }

    /// The tests the engine fails on purpose, by file and test name (`#2` marks the second test of a
    /// name), with why. docs/templates.md ("The engine") lists the same tests.
    static let knownFailures: [String: [String: String]] = [
        "partials.json": [
            "Failed Lookup": "a partial that does not exist is an error when the templates are loaded, not an empty string",
            "Recursion": "templates that use each other are an error when loaded (a loop would never finish); the spec ends the recursion through data",
        ],
        "~inheritance.json": [
            "Recursion": "templates that use each other are an error when loaded, even where blocks would end the recursion",
            "Text inside parent": "text other than whitespace inside {{<parent}}…{{/parent}} is an error, not ignored",
            "Text inside parent #2": "text other than whitespace inside {{<parent}}…{{/parent}} is an error, not ignored",
            "Standalone block": "block content is not re-indented to the indentation of the block tag it fills",
            "Block reindentation": "block content is not re-indented: its own indentation is kept and the block tag's is not added",
            "Intrinsic indentation": "block content is not re-indented to the indentation of the default content it replaces",
            "Nested block reindentation": "block content is not re-indented relative to the block around it",
        ],
    ]

    /// The name the test's own template gets in its set: no tag can name it (names have no spaces),
    /// so it cannot clash with one of the test's partials.
    static let mainName = "spec template"

    /// The tests of `file`, each keyed by its name (`name #2` for a second test of the same name).
    static func tests(in file: String) throws -> [SpecTest] {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        var tests = try JSONDecoder().decode(SpecFile.self, from: data).tests
        var seen: [String: Int] = [:]
        for index in tests.indices {
            let count = seen[tests[index].name, default: 0] + 1
            seen[tests[index].name] = count
            tests[index].key = count == 1 ? tests[index].name : "\(tests[index].name) #\(count)"
        }
        return tests
    }

    /// What the engine made of a test: the bytes it rendered, or the diagnostics that stopped it.
    enum Outcome: Equatable, CustomStringConvertible {
        case rendered(String)
        case rejected([String])

        var description: String {
            switch self {
            case .rendered(let text): text.debugDescription
            case .rejected(let messages): "rejected: " + messages.joined(separator: "; ")
            }
        }
    }

    /// Loads the test's template and partials as one set (with the checks a site's templates get)
    /// and renders its data.
    static func render(_ test: SpecTest) -> Outcome {
        var texts = test.partials ?? [:]
        texts[mainName] = test.template
        let (set, diagnostics) = TemplateSet.load(texts: texts)
        guard let set else { return .rejected(diagnostics.map(\.message)) }
        var rendering = TemplateRendering(templates: set.parsed, capacity: 256)
        rendering.render(mainName, with: test.data.templateValue)
        return .rendered(String(decoding: rendering.output, as: UTF8.self))
    }
}

/// One spec file: its `tests` (the `overview` and `__ATTN__` texts are not needed).
private struct SpecFile: Decodable {
    let tests: [SpecTest]
}

/// One specification test.
private struct SpecTest: Decodable {
    let name: String
    let desc: String
    let data: JSONValue
    let template: String
    let partials: [String: String]?
    let expected: String
    /// The name, made unique within its file (set after decoding).
    var key = ""

    private enum CodingKeys: String, CodingKey { case name, desc, data, template, partials, expected }
}

/// A JSON value as the spec's `data` holds it, read by templates through `TemplateFields`.
private enum JSONValue: Decodable, TemplateFields {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as the engine sees it. Whole numbers are `number`; the engine has no fractions
    /// (no view has one), so `1.210` becomes the text `1.21`, which prints the same bytes as the
    /// spec's shortest decimal form and, like any number, is truthy.
    var templateValue: TemplateValue {
        switch self {
        case .string(let text): .text(text)
        case .number(let number):
            if number.rounded() == number, let whole = Int(exactly: number) { .number(whole) } else { .text(String(number)) }
        case .bool(let flag): .bool(flag)
        case .null: .none
        case .array(let elements): .list(JSONList(elements: elements))
        case .object: .object(self)
        }
    }

    func field(_ name: FieldName) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[name.text]?.templateValue
    }
}

/// A JSON array a section repeats over.
private struct JSONList: TemplateList {
    let elements: [JSONValue]
    var count: Int { elements.count }
    func element(at index: Int) -> TemplateValue { elements[index].templateValue }
}
