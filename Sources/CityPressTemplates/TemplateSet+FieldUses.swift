import CityPressCore

extension TemplateSet {
    /// Where a template prints the field `name` (the last name of a tag's path: `{{assets}}`,
    /// `{{page.assets}}`) with literal text right after it, and that text: what the template writes
    /// after the field's value (`site.css" rel=…`). Every template, in the order of their names.
    package func literalsAfter(fieldNamed name: String) -> [(location: SourceLocation, text: [UInt8])] {
        var found: [(location: SourceLocation, text: [UInt8])] = []
        for template in parsed.keys.sorted() {
            guard let nodes = parsed[template], let source = sources[template] else { continue }
            Self.collect(in: nodes, fieldNamed: name, source: source, into: &found)
        }
        return found
    }

    private static func collect(in nodes: [TemplateNode], fieldNamed name: String, source: SourceText,
                                into found: inout [(location: SourceLocation, text: [UInt8])]) {
        for (index, node) in nodes.enumerated() {
            switch node {
            case .variable(let path, _, let position):
                guard path.last?.text == name, index + 1 < nodes.count, case .text(let text) = nodes[index + 1] else { continue }
                found.append((source.location(line: position.line, column: position.column), text))
            case .section(_, _, let body, _), .block(_, let body, _):
                collect(in: body, fieldNamed: name, source: source, into: &found)
            case .parent(_, _, let blocks, _):
                for block in blocks.keys.sorted() {
                    if let body = blocks[block] { collect(in: body, fieldNamed: name, source: source, into: &found) }
                }
            case .text, .partial:
                break
            }
        }
    }
}
