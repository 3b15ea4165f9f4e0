import Yams

/// A YAML value of a content file, with where it starts: what `YAMLDocument` reads fields from, made
/// by Yams for any YAML or by `FlatYAML` for the flat `name: value` lines most records are.
package indirect enum YAMLNode: Sendable, Equatable {
    /// Where a node starts in the YAML text: line and column (in Unicode scalars) from 1.
    package struct Position: Sendable, Equatable {
        package var line: Int
        package var column: Int
    }

    /// A scalar: its text, whether it was written plain (not quoted, not a block), and where.
    case scalar(String, isPlain: Bool, at: Position?)
    case sequence([YAMLNode], at: Position?)
    case mapping([Pair], at: Position?)
    /// An alias (`*name`), which content files have no use for.
    case alias(at: Position?)

    /// A key and its value in a mapping.
    package struct Pair: Sendable, Equatable {
        package var key: YAMLNode
        package var value: YAMLNode
    }

    /// Where the node starts, when known.
    package var position: Position? {
        switch self {
        case .scalar(_, _, let at), .sequence(_, let at), .mapping(_, let at), .alias(let at): at
        }
    }

    /// The scalar's text, if the node is a scalar.
    package var scalarText: String? {
        if case .scalar(let text, _, _) = self { text } else { nil }
    }

    /// `node`, as Yams composed it.
    init(_ node: Node) {
        let position = node.mark.map { Position(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar): self = .scalar(scalar.string, isPlain: scalar.style == .plain, at: position)
        case .sequence(let sequence): self = .sequence(sequence.map(YAMLNode.init), at: position)
        case .mapping(let mapping): self = .mapping(mapping.map { Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, at: position)
        case .alias: self = .alias(at: position)
        }
    }
}
