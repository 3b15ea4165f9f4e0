import Foundation
import Testing
@testable import CityPressCore
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

    /// A long line with many tags: each tag's column was counted from the start of its line, so
    /// parsing took time quadratic in the line's length (the fuzzer's 10 KB case took 1 s; this one
    /// took minutes). Now linear.
    @Test func aLongLineOfTagsParsesInLinearTime() throws {
        let line = String(repeating: "{{title}}é", count: 30_000)
        let started = Date()
        #expect(throws: TemplateSyntaxError(message: "'- x' is not a field name (letters, digits, '_', '-', '.')",
                                            line: 2, column: 300_001)) {
            try TemplateParser.parse("a\n" + line + "{{- x}}")
        }
        #expect(Date().timeIntervalSince(started) < 2, "parsing took \(Date().timeIntervalSince(started)) s")
        // Columns still count Unicode scalars, tag after tag.
        let parsed = try TemplateParser.parse("é{{a}}é{{b}}\n{{c}}")
        let positions = parsed.nodes.compactMap { node -> [Int]? in
            if case .variable(_, _, let at) = node { return [at.line, at.column] }
            return nil
        }
        #expect(positions == [[1, 2], [1, 8], [2, 1]])
    }
}
