import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressRender
@testable import CityPressTemplates

/// Templates the fuzzer (`make fuzz`) found to break the tool, made small: each crashed or hung it.
@Suite struct FuzzFoundTemplateTests {
    func loopErrors(_ texts: [String: String]) -> [String] {
        TemplateSet.load(texts: texts).1.filter { $0.severity == .error }.map(\.message)
    }

    /// A page that extends the layout and fills its block with the layout itself: the layout renders
    /// the block, which renders the layout, whose block is still the page's. Rendering it overflowed
    /// the stack (SIGSEGV); it is now a loop error when the templates are loaded.
    @Test func aBlockFilledWithItsOwnParentIsALoop() {
        let layout = "<main>{{$main}}default{{/main}}</main>"
        #expect(loopErrors(["layout": layout, "page": "{{<layout}}{{$main}}x{{> layout}}{{/main}}{{/layout}}"])
                == ["templates use each other in a loop (layout → layout)"])
        // Through a partial, and through a partial of the layout that renders the block.
        #expect(loopErrors(["layout": "<main>{{> body}}</main>", "body": "{{$main}}{{/main}}", "back": "{{> layout}}",
                            "page": "{{<layout}}{{$main}}{{> back}}{{/main}}{{/layout}}"])
                == ["templates use each other in a loop (back → layout → back)"])
        // Not a loop: a fill that includes other templates, or the parent in a block it never renders.
        #expect(loopErrors(["layout": layout, "other": "o", "page": "{{<layout}}{{$main}}{{> other}}{{/main}}{{/layout}}"]).isEmpty)
        #expect(loopErrors(["layout": layout, "page": "{{<layout}}{{$aside}}{{> layout}}{{/aside}}{{/layout}}"]).isEmpty)
    }

    /// 4,000 nested sections overflowed the stack; nesting is now limited to 100 levels.
    @Test func sectionsNestDeepAtMostAHundredLevels() throws {
        func nested(_ depth: Int) -> String { String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth) }
        _ = try TemplateParser.parse(nested(100))
        #expect(throws: TemplateSyntaxError(message: "sections, parents and blocks are nested more than 100 deep",
                                            line: 1, column: 601)) {
            try TemplateParser.parse(nested(4_000))
        }
    }

    /// 30,000 unknown names on one line took 52 s and quoted the line under each: a template lists
    /// at most 100 problems, then says how many more it has.
    @Test func aTemplateListsAtMostAHundredProblems() {
        let entry = TemplateEntry("city", view: CityPage.self, as: "a city page")
        let (set, diagnostics) = TemplateSet.load(texts: ["city": String(repeating: "{{nope}}", count: 300)], views: [entry])
        #expect(set == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 101)
        #expect(errors.last?.message == "200 more problems in this template are not listed")
        #expect(errors.last?.location?.path == "city.mustache")
    }

    /// Thousands of `{{{…}}}` on text on one line (fuzzing, seed 36): each problem's message looked for
    /// how its tag was written by walking its line from the start, so checking took time quadratic in the
    /// line's length (0.18 s for 100 KB became 0.97 s in a release build). Now one reading per template.
    @Test func aLongLineOfProblemsIsCheckedInLinearTime() {
        let entry = TemplateEntry("city", view: CityPage.self, as: "a city page")
        let line = String(repeating: "{{{name}}}é{{& name}}", count: 10_000)
        let started = threadCPUSeconds()
        let diagnostics = TemplateSet.load(texts: ["city": line], views: [entry]).1
        let used = threadCPUSeconds() - started
        #expect(used < 2, "checking took \(used) s of CPU")
        #expect(diagnostics.filter { $0.severity == .error }.count == 101)
        // The second tag of the line is quoted as written, at its column (after `{{{name}}}é`: 12).
        #expect(diagnostics.contains { $0.message.hasPrefix("{{& name}} prints 'name' as is") && $0.location?.column == 12 },
                "\(diagnostics.prefix(3).map(\.description))")
    }

    /// Thousands of `{{&` sharing one far `}}` (the fuzzer's seed 39: 2.8 s and 8.6 s for a 30 KB and a
    /// 130 KB line): each one's `}}` was looked for afresh, to the line's far end.
    @Test func manyOpeningsWithOneFarClosingAreCheckedInLinearTime() {
        let entry = TemplateEntry("city", view: CityPage.self, as: "a city page")
        let line = "<p>Łódź {{name}} " + String(repeating: "{{&", count: 20_000) + String(repeating: "é", count: 20_000) + "name}}</p>"
        let started = threadCPUSeconds()
        let diagnostics = TemplateSet.load(texts: ["city": line], views: [entry]).1
        let used = threadCPUSeconds() - started
        #expect(used < 2, "checking took \(used) s of CPU")
        #expect(!diagnostics.isEmpty)
        let tags = TemplateChecker.ampersandTags(in: SourceText(path: "t", text: "é{{& a}} {{&{{& b}}\n{{& c"))
        #expect(tags == [TemplatePosition(line: 1, column: 2): "{{& a}}", TemplatePosition(line: 1, column: 10): "{{&{{& b}}",
                         TemplatePosition(line: 1, column: 13): "{{& b}}"])
        // A tag longer than any field name is quoted short, not copied whole for each `{{&` before it.
        let long = TemplateChecker.ampersandTags(in: SourceText(path: "t", text: "{{&" + String(repeating: "é", count: 300) + "}}"))
        #expect(long.values.first.map { $0.utf8.count <= TemplateChecker.longestQuotedTag + 3 && $0.hasSuffix("é…") } == true)
    }

    /// A long line with many tags: each tag's column was counted from the start of its line, so
    /// parsing took time quadratic in the line's length (the fuzzer's 10 KB case took 1 s; this one
    /// took minutes). Now linear.
    @Test func aLongLineOfTagsParsesInLinearTime() throws {
        let line = String(repeating: "{{title}}é", count: 30_000)
        // CPU time of this thread, not wall time: the whole suite runs in parallel on few cores.
        let started = threadCPUSeconds()
        #expect(throws: TemplateSyntaxError(message: "'- x' is not a field name (letters, digits, '_', '-', '.')",
                                            line: 2, column: 300_001)) {
            try TemplateParser.parse("a\n" + line + "{{- x}}")
        }
        let used = threadCPUSeconds() - started
        #expect(used < 2, "parsing took \(used) s of CPU")
        // Columns still count Unicode scalars, tag after tag.
        let parsed = try TemplateParser.parse("é{{a}}é{{b}}\n{{c}}")
        let positions = parsed.nodes.compactMap { node -> [Int]? in
            if case .variable(_, _, let at) = node { return [at.line, at.column] }
            return nil
        }
        #expect(positions == [[1, 2], [1, 8], [2, 1]])
    }
}

/// Seconds of CPU the calling thread has used.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
