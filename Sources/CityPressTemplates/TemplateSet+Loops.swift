import CityPressCore

extension TemplateSet {
    /// One way a template's rendering enters another template: `target` is rendered from `origin`,
    /// because of the tag at `line`:`column` of `file` (a template's own tag, or a tag inside a block
    /// that a child template fills in and `origin` renders).
    private struct Use {
        let target: String
        let file: String
        let line: Int
        let column: Int
    }

    /// Templates that include themselves, directly or through others: each would render forever.
    ///
    /// Besides partials and parents, a template renders what fills its blocks: when `child` extends
    /// `layout` and fills its `main` block with `{{> layout}}`, `layout` renders `main`, which renders
    /// `layout`, whose `main` is still the child's (the outermost fill wins): a loop too.
    static func cycles(in parsed: [String: ParsedTemplate], sources: [String: SourceText]) -> [Diagnostic] {
        var uses: [String: [Use]] = [:]
        for (name, template) in parsed {
            uses[name, default: []] += template.references.map { Use(target: $0.name, file: name, line: $0.line, column: $0.column) }
        }
        let blocksRendered = blocksRendered(by: parsed)
        for (name, template) in parsed {
            forEachParent(in: template.nodes) { parent, fills in
                for (block, body) in fills where blocksRendered[parent]?.contains(block) == true {
                    forEachInclusion(in: body) { target, position in
                        uses[parent, default: []].append(Use(target: target, file: name, line: position.line, column: position.column))
                    }
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        var finished: Set<String> = []
        // Depth first, with a stack of its own rather than the thread's: a chain of thousands of partials
        // would overflow the thread's. Each entry is a template being visited and its next use to follow;
        // `depth` finds a template on the stack without reading the stack.
        var depth: [String: Int] = [:]
        for root in parsed.keys.sorted() where !finished.contains(root) {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            depth[root] = 0
            while let top = stack.last {
                let followed = uses[top.name] ?? []
                guard top.next < followed.count else {
                    finished.insert(top.name)
                    depth[top.name] = nil
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let use = followed[top.next]
                if let start = depth[use.target] {
                    let loop = (stack[start...].map(\.name) + [use.target]).joined(separator: " → ")
                    let location = sources[use.file].map { $0.location(line: use.line, column: use.column) }
                    diagnostics.append(.error("templates use each other in a loop (\(loop))", at: location,
                                              notes: ["a template may not use itself through partials, parents or the blocks it fills"]))
                } else if !finished.contains(use.target), parsed[use.target] != nil {
                    depth[use.target] = stack.count
                    stack.append((use.target, 0))
                }
            }
        }
        return diagnostics
    }

    /// The block names each template renders: its own `{{$name}}` tags and those of every template it
    /// includes, transitively.
    static func blocksRendered(by parsed: [String: ParsedTemplate]) -> [String: Set<String>] {
        var own: [String: Set<String>] = [:]
        for (name, template) in parsed {
            var names: Set<String> = []
            forEachBlock(in: template.nodes) { names.insert($0) }
            own[name] = names
        }
        // Each template's set is its own names and those of the templates it uses, made once, after
        // theirs (depth first, with a stack of its own). A template met again while its set is being made
        // is part of a loop, which `cycles` reports: its names are left out of the sets on the loop.
        var result: [String: Set<String>] = [:]
        var inProgress: Set<String> = []
        for root in parsed.keys.sorted() where result[root] == nil {
            var stack: [(name: String, next: Int)] = [(root, 0)]
            inProgress.insert(root)
            while let top = stack.last {
                let references = parsed[top.name]?.references ?? []
                if top.next < references.count {
                    stack[stack.count - 1].next += 1
                    let target = references[top.next].name
                    if result[target] == nil, parsed[target] != nil, inProgress.insert(target).inserted {
                        stack.append((target, 0))
                    }
                    continue
                }
                var names = own[top.name] ?? []
                for reference in references { names.formUnion(result[reference.name] ?? []) }
                result[top.name] = names
                inProgress.remove(top.name)
                stack.removeLast()
            }
        }
        return result
    }

    static func forEachBlock(in nodes: [TemplateNode], _ body: (String) -> Void) {
        for node in nodes {
            switch node {
            case .section(_, _, let inner, _): forEachBlock(in: inner, body)
            case .block(let name, let inner, _):
                body(name)
                forEachBlock(in: inner, body)
            case .parent(_, _, let fills, _): for inner in fills.values { forEachBlock(in: inner, body) }
            case .text, .variable, .partial: break
            }
        }
    }

    /// Every `{{<parent}}` below `nodes`, with the blocks it fills.
    private static func forEachParent(in nodes: [TemplateNode], _ body: (String, [String: [TemplateNode]]) -> Void) {
        for node in nodes {
            switch node {
            case .section(_, _, let inner, _): forEachParent(in: inner, body)
            case .block(_, let inner, _): forEachParent(in: inner, body)
            case .parent(let name, _, let fills, _):
                body(name, fills)
                for inner in fills.values { forEachParent(in: inner, body) }
            case .text, .variable, .partial: break
            }
        }
    }

    /// Every partial and parent tag below `nodes`.
    private static func forEachInclusion(in nodes: [TemplateNode], _ body: (String, TemplatePosition) -> Void) {
        for node in nodes {
            switch node {
            case .section(_, _, let inner, _): forEachInclusion(in: inner, body)
            case .block(_, let inner, _): forEachInclusion(in: inner, body)
            case .partial(let name, _, let position): body(name, position)
            case .parent(let name, _, let fills, let position):
                body(name, position)
                for inner in fills.values { forEachInclusion(in: inner, body) }
            case .text, .variable: break
            }
        }
    }
}
