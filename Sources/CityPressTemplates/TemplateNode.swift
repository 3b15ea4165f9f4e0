import CityPressCore

/// One piece of a parsed template.
///
/// Tags that name something carry where they stand (`TemplatePosition`), so the template checker can
/// report a name a view does not have at its line and column. Rendering never reads the positions.
package indirect enum TemplateNode: Sendable {
    /// Literal bytes, copied to the output as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is). An empty path is `{{.}}`.
    case variable(path: [FieldName], escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(path: [FieldName], inverted: Bool, body: [TemplateNode], at: TemplatePosition)
    /// `{{>name}}`; `indentation` is the whitespace before a partial tag that stands alone on its line.
    case partial(name: String, indentation: [UInt8], at: TemplatePosition)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: the template `name` with some of its blocks replaced.
    case parent(name: String, indentation: [UInt8], blocks: [String: [TemplateNode]], at: TemplatePosition)
    /// `{{$name}}default{{/name}}`: replaced by the innermost template that extends this one and fills it.
    case block(name: String, body: [TemplateNode], at: TemplatePosition)
}

extension TemplateNode {
    /// The template a `{{<parent}}` tag extends; `nil` for other nodes.
    var parentName: String? {
        if case .parent(let name, _, _, _) = self { name } else { nil }
    }
}

/// Where a tag starts in its template file: 1-based line and column (in Unicode scalars).
package struct TemplatePosition: Sendable, Hashable {
    package let line: Int
    package let column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A syntax error found while parsing a template, at a 1-based line and column.
package struct TemplateSyntaxError: Error, Equatable {
    package let message: String
    package let line: Int
    package let column: Int
    package var notes: [String] = []
}

/// A parsed template: its nodes, the partials and parents it names, with where it names them, and
/// the blocks it fills in its parents, with where it fills them.
package struct ParsedTemplate: Sendable {
    package let nodes: [TemplateNode]
    package let references: [Reference]
    package var fills: [Fill] = []
    /// The first text or tag written beside a parent tag at the template's top level, with that parent's
    /// name: printed before or after everything the parent prints.
    package var outsideParent: (parent: String, at: TemplatePosition)?

    /// `{{$block}}` written directly inside `{{<parent}}`.
    package struct Fill: Sendable {
        package let parent: String
        package let block: String
        package let at: TemplatePosition
    }

    package struct Reference: Sendable {
        package let name: String
        package let line: Int
        package let column: Int
        /// `{{<name}}` rather than `{{>name}}`.
        package var isParent = false
    }
}
