import Testing
@testable import CityPressCore
@testable import CityPressRender
@testable import CityPressTemplates

/// Loops through blocks, and templates that expand past any page's size, are errors when the
/// templates are loaded: before, rendering (and checking against the views) overflowed the stack or
/// ran for hours.
@Suite struct TemplateExpansionTests {
    private let layout = "<main>{{$main}}default{{/main}}</main>"
    private let cityPage = TemplateEntry("page", view: CityPage.self, as: "a city page")

    private func errors(_ texts: [String: String], views: Bool = false) -> [String] {
        let (set, diagnostics) = TemplateSet.load(texts: texts, views: views ? [cityPage] : nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect((set == nil) == !errors.isEmpty)
        return errors.map { "\($0.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "-") \($0.message)" }
    }

    @Test func aFillThatHoldsItsOwnBlockIsALoop() {
        let page = "{{<layout}}{{$main}}<p>{{$main}}{{/main}}</p>{{/main}}{{/layout}}"
        // Reported at the inner `{{$main}}`, which closes the loop.
        let expected = ["page.mustache:1:24 templates and blocks use each other in a loop (block 'main' → block 'main')"]
        #expect(errors(["layout": layout, "page": page]) == expected)
        // Checking the templates against the page's view walks the same blocks: it ends too.
        #expect(errors(["layout": layout, "page": page], views: true) == expected)
    }

    @Test func aFillThatIncludesAPartialRenderingItsBlockIsALoop() {
        let texts = ["page": "{{<frame}}{{$main}}{{>inner}}{{/main}}{{/frame}}",
                     "frame": "{{$main}}{{/main}}", "inner": "{{$main}}{{/main}}"]
        #expect(errors(texts) == ["inner.mustache:1:1 templates and blocks use each other in a loop (block 'main' → 'inner' → block 'main')"])
        #expect(errors(texts, views: true).count == 1)
    }

    @Test func twoFillsThatRenderEachOtherAreALoop() {
        let texts = ["layout": "{{$main}}{{/main}}{{$aside}}{{/aside}}",
                     "page": "{{<layout}}{{$main}}{{$aside}}{{/aside}}{{/main}}{{$aside}}{{$main}}{{/main}}{{/aside}}{{/layout}}"]
        let found = errors(texts)
        #expect(found.count == 1)
        #expect(found.first?.contains("use each other in a loop") == true)
        #expect(errors(texts, views: true).count == 1)
    }

    @Test func blocksThatEndAreNoLoop() {
        // A fill with another block, filled or not; a child's fill that overrides its parent's fill
        // of the same block (the outermost wins); a block used by two partials.
        #expect(errors(["layout": layout, "page": "{{<layout}}{{$main}}[{{$aside}}no aside{{/aside}}]{{/main}}{{/layout}}"]).isEmpty)
        #expect(errors(["layout": layout, "middle": "{{<layout}}{{$main}}middle{{/main}}{{/layout}}",
                        "page": "{{<middle}}{{$main}}page{{/main}}{{/middle}}"]).isEmpty)
        #expect(errors(["layout": "{{>a}}{{>b}}", "a": "{{$main}}{{/main}}", "b": "{{$main}}{{/main}}",
                        "page": "{{<layout}}{{$main}}x{{/main}}{{/layout}}"]).isEmpty)
        // A middle layout whose own fill would render its block again, were it not always overridden: the
        // page's fill wins, so no page meets it (walked alone, the middle layout looked like a loop).
        let overridden = ["base": "{{$main}}{{/main}}", "two-col": "{{<base}}{{$main}}<div>{{$main}}{{/main}}</div>{{/main}}{{/base}}",
                          "page": "{{<two-col}}{{$main}}x{{/main}}{{/two-col}}"]
        #expect(errors(overridden).isEmpty)
        #expect(errors(overridden, views: true).isEmpty)
        #expect(TemplateSet.load(texts: overridden).0?.render(EmptyView(), with: "page") == "x")
        let (set, _) = TemplateSet.load(texts: ["layout": layout, "middle": "{{<layout}}{{$main}}middle{{/main}}{{/layout}}",
                                                "page": "{{<middle}}{{$main}}page {{$aside}}aside{{/aside}}{{/main}}{{/middle}}"])
        #expect(set?.render(EmptyView(), with: "page") == "<main>page aside</main>")
    }

    @Test func aTemplateThatDoublesAtEachStepIsTooLarge() {
        func doubling(_ steps: Int) -> [String: String] {
            var texts = ["t\(steps)": "x"]
            for step in 0..<steps { texts["t\(step)"] = "{{>t\(step + 1)}}{{>t\(step + 1)}}" }
            return texts
        }
        // 2^30 copies of "x" took hours and all memory; 2^10 is a template someone may write.
        #expect(errors(doubling(30)) == ["t0.mustache:0:0 rendering 't0' makes more than 100000 tags and texts for one page, "
                                         + "through its partials, parents and blocks"])
        // Reported for the page that includes it, not for every template on the way.
        #expect(errors(doubling(30).merging(["page": "{{>t0}}"]) { $1 }, views: true)
                == ["page.mustache:0:0 rendering 'page' makes more than 100000 tags and texts for one page, "
                    + "through its partials, parents and blocks"])
        #expect(errors(doubling(10)).isEmpty)
    }

    /// A chain of 5,000 partials, each a call deeper in every stage that walks templates. Finding loops
    /// and the blocks each template renders went over the whole chain from each template: 22 s.
    @Test func aChainOfPartialsIsAtMostTwoHundredDeep() {
        var texts = ["t5000": "x"]
        for step in 0..<5000 { texts["t\(step)"] = "{{>t\(step + 1)}}" }
        let started = threadCPUSeconds()
        #expect(errors(texts) == ["t0.mustache:0:0 rendering 't0' goes more than 200 templates and blocks deep"])
        let used = threadCPUSeconds() - started
        #expect(used < 2, "loading took \(used) s of CPU")
        texts = ["t150": "x"]
        for step in 0..<150 { texts["t\(step)"] = "{{>t\(step + 1)}}" }
        #expect(errors(texts).isEmpty)
        // Two chains of 150, the second ending in the first, which the page walked first: 300 deep.
        var chains = ["page": "{{>a0}}{{>b0}}", "a150": "x", "b150": "{{>a0}}"]
        for step in 0..<150 {
            chains["a\(step)"] = "{{>a\(step + 1)}}"
            chains["b\(step)"] = "{{>b\(step + 1)}}"
        }
        #expect(errors(chains) == ["page.mustache:0:0 rendering 'page' goes more than 200 templates and blocks deep"])
    }

    /// Blocks that double at each step: a fill of `b0` renders `b1` twice, a fill of `b1` renders `b2`
    /// twice… The walk of rendering stops at the limit; checking the page against its view, which walks
    /// what rendering would, is not started (it took 2^30 steps).
    @Test func blocksThatDoubleAtEachStepAreTooLarge() {
        let fills = (0..<30).map { "{{$b\($0)}}{{$b\($0 + 1)}}{{/b\($0 + 1)}}{{$b\($0 + 1)}}{{/b\($0 + 1)}}{{/b\($0)}}" }.joined()
        let texts = ["layout": "{{$b0}}{{/b0}}", "page": "{{<layout}}" + fills + "{{/layout}}"]
        let expected = ["page.mustache:0:0 rendering 'page' makes more than 100000 tags and texts for one page, "
                        + "through its partials, parents and blocks"]
        #expect(errors(texts) == expected)
        #expect(errors(texts, views: true) == expected)
    }
}

private struct EmptyView: TemplateFields {
    func field(_ name: FieldName) -> TemplateValue? { nil }
}
