/// What a view offers its templates: each field's name and kind, in the order the view declares them.
/// The template checker resolves every name of a template against it before any page is rendered.
package struct TemplateSchema: Sendable {
    /// The view's type name (`CityPage`), as docs/templates.md names it.
    package let typeName: String
    /// The fields in declaration order.
    package let fields: [Field]

    /// One field of a view.
    package struct Field: Sendable {
        package let name: String
        package let kind: TemplateFieldKind
        /// Whether the field is markup, printed only by `{{{name}}}`.
        package var isMarkup = false
    }

    package init(typeName: String, fields: [Field]) {
        self.typeName = typeName
        self.fields = fields
    }

    /// The kind of the field `name`, or `nil` when the view has none by that name.
    package func kind(of name: String) -> TemplateFieldKind? {
        fields.first { $0.name == name }?.kind
    }

    /// The field `name`, or `nil` when the view has none by that name.
    package func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// Every field name, for "did you mean" suggestions.
    package var names: [String] { fields.map(\.name) }
}

/// What kind of value a view's field holds, which decides the tags that may use it: `{{x}}` prints
/// texts and numbers; `{{#x}}` needs something that can be absent or repeated (a list, a flag,
/// an optional) or an object whose fields it opens.
package enum TemplateFieldKind: Sendable {
    case text
    case optionalText
    case number
    case flag
    /// Another view, always present.
    case object(any TemplateView.Type)
    /// Another view, or nothing.
    case optionalObject(any TemplateView.Type)
    /// A list of views.
    case list(any TemplateView.Type)

    /// The fields of the view a section over this field opens (list element or object), if any.
    package var schema: TemplateSchema? {
        switch self {
        case .object(let type), .optionalObject(let type), .list(let type): type.templateSchema
        case .text, .optionalText, .number, .flag: nil
        }
    }

    /// The kind in words, for messages: `text`, `an optional object`, `a list`.
    package var phrase: String {
        switch self {
        case .text: "text"
        case .optionalText: "optional text"
        case .number: "a number"
        case .flag: "a flag"
        case .object: "an object"
        case .optionalObject: "an optional object"
        case .list: "a list"
        }
    }

    /// The kind as docs/templates.md writes it in its tables: `text`, `text?`, `number`, `flag`,
    /// `PageMeta`, `NavLinkView?`, `[CityEntryView]`.
    package var documentedForm: String {
        switch self {
        case .text: "text"
        case .optionalText: "text?"
        case .number: "number"
        case .flag: "flag"
        case .object(let type): type.templateSchema.typeName
        case .optionalObject(let type): type.templateSchema.typeName + "?"
        case .list(let type): "[" + type.templateSchema.typeName + "]"
        }
    }
}
