import CityPressCore

/// Renders parsed templates into UTF-8 bytes: one pass over the nodes, names looked up through a
/// stack of contexts, text escaped byte by byte.
package struct TemplateRendering {
    package let templates: [String: [TemplateNode]]
    package private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []
    /// What starts every line of the standalone partials and parents being rendered (`  {{>partial}}`):
    /// their indentations, outermost first. Empty outside them.
    private var indentation: [UInt8] = []
    /// Whether the next byte written starts a template line of an indented partial, so `indentation` goes first.
    private var atLineStart = false

    package init(templates: [String: [TemplateNode]], capacity: Int) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    /// Renders the template `name` with `root` as its context, appending to `output`.
    package mutating func render(_ name: String, with root: TemplateValue) {
        stack.append(root)
        render(templates[name] ?? [], blocks: [:])
        stack.removeLast()
    }

    private mutating func render(_ nodes: [TemplateNode], blocks: [String: [TemplateNode]]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indentation.isEmpty { output.append(contentsOf: bytes) } else { appendIndented(bytes) }
            case .variable(let path, let escaped, _):
                guard let value = lookUp(path) else { continue }
                // A value's own line breaks are data, not template lines: they get no indentation.
                switch value {
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    startLine()
                    escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
                case .number(let number):
                    startLine()
                    output.append(contentsOf: String(number).utf8)
                case .bool(let flag):
                    startLine()
                    output.append(contentsOf: (flag ? "true" : "false").utf8)
                case .object, .list, .none: break
                }
            case .section(let path, let inverted, let body, _):
                let value = lookUp(path) ?? .none
                if inverted {
                    if value.isFalsy { render(body, blocks: blocks) }
                    continue
                }
                switch value {
                case .none, .bool(false): break
                case .bool(true): render(body, blocks: blocks)
                case .list(let list):
                    for index in 0..<list.count {
                        stack.append(list.element(at: index))
                        render(body, blocks: blocks)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(body, blocks: blocks)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _):
                renderIndented(by: indentation) { $0.render($0.templates[name] ?? [], blocks: blocks) }
            case .parent(let name, let indentation, let overrides, _):
                // The outermost template that fills a block wins.
                let merged = blocks.merging(overrides) { outer, _ in outer }
                renderIndented(by: indentation) { $0.render($0.templates[name] ?? [], blocks: merged) }
            case .block(let name, let body, _):
                render(blocks[name] ?? body, blocks: blocks)
            }
        }
    }

    /// Runs `body` (a partial or parent whose tag stood alone on its line after `extra`), putting `extra`
    /// at the start of every line of template text it writes, as the specification says: lines that a
    /// value's own line breaks start are left alone.
    private mutating func renderIndented(by extra: [UInt8], _ body: (inout TemplateRendering) -> Void) {
        guard !extra.isEmpty else { return body(&self) }
        let outer = indentation
        let outerAtLineStart = atLineStart
        let start = output.count
        indentation = outer + extra
        atLineStart = true
        body(&self)
        indentation = outer
        // The tag's line was removed with its line break, so what follows starts a line only if the partial ended one.
        atLineStart = output.count == start ? outerAtLineStart : !outer.isEmpty && output.last == UInt8(ascii: "\n")
    }

    /// Writes the indentation if the next byte starts a line of an indented partial.
    private mutating func startLine() {
        guard atLineStart else { return }
        output.append(contentsOf: indentation)
        atLineStart = false
    }

    /// Writes template text inside an indented partial: each line it starts begins with the indentation.
    private mutating func appendIndented(_ bytes: [UInt8]) {
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            startLine()
            output.append(contentsOf: bytes[start...index])
            start = index + 1
            atLineStart = true
        }
        guard start < bytes.count else { return }
        startLine()
        output.append(contentsOf: bytes[start...])
    }

    /// The value `path` names: its first part is looked up from the innermost context outwards, the
    /// rest inside what was found. An empty path is the current context.
    private func lookUp(_ path: [FieldName]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue?
        // By index rather than `stack.reversed()`, which copies each context (retaining its box) to test it.
        var index = stack.endIndex
        while index > stack.startIndex {
            index -= 1
            guard case .object(let fields) = stack[index] else { continue }
            if let value = fields.field(first) {
                found = value
                break
            }
        }
        for name in path.dropFirst() {
            guard case .object(let fields) = found else { return nil }
            found = fields.field(name)
        }
        return found
    }

    private mutating func appendEscaped(_ text: String) {
        MarkupEscaping.append(text, to: &output)
    }
}
