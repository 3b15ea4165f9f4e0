import CityPressCore

extension TemplateSet {
    /// Where a template prints a field, with the literal text right after the tag.
    package struct FieldUse: Sendable {
        /// The tag's place.
        package let location: SourceLocation
        /// What the template writes after the field's value, up to its next tag (`site.css" rel=…`).
        package let text: [UInt8]
        /// Whether another tag follows that text (`{{assets}}flags/{{language}}.svg`): the text is then
        /// only the start of what is printed there.
        package let isFollowedByTag: Bool
    }

    /// Where a template prints the field `name` (the last name of a tag's path: `{{assets}}`,
    /// `{{page.assets}}`) with literal text right after it. Every template, in the order of their names.
    package func literalsAfter(fieldNamed name: String) -> [FieldUse] {
        var found: [FieldUse] = []
        for template in parsed.keys.sorted() {
            guard let nodes = parsed[template], let source = sources[template] else { continue }
            Self.collect(in: nodes, fieldNamed: name, source: source, into: &found)
        }
        return found
    }

    private static func collect(in nodes: [TemplateNode], fieldNamed name: String, source: SourceText, into found: inout [FieldUse]) {
        for (index, node) in nodes.enumerated() {
            switch node {
            case .variable(let path, _, let position):
                guard path.last?.text == name, index + 1 < nodes.count, case .text(let text) = nodes[index + 1] else { continue }
                found.append(FieldUse(location: source.location(line: position.line, column: position.column), text: text,
                                      isFollowedByTag: index + 2 < nodes.count))
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
