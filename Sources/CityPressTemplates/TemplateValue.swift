import CityPressCore

/// What a template tag finds when it looks up a name: the data a page view hands its templates.
///
/// `{{name}}` prints `text` (HTML-escaped) and `number`; `{{#name}}` shows its section for a `true`
/// `bool`, once per element of a `list`, or once with an `object` or `text` as the new context;
/// `{{^name}}` shows its section for `none`, `false` and an empty list.
@usableFromInline
package enum TemplateValue {
    case text(String)
    case number(Int)
    case bool(Bool)
    case object(any TemplateFields)
    case list(any TemplateList)
    /// A field that exists but has no value (an optional that is `nil`).
    case none

    /// Whether `{{^name}}` shows its section for this value.
    package var isFalsy: Bool {
        switch self {
        case .none, .bool(false): true
        case .list(let list): list.count == 0
        default: false
        }
    }
}

/// A value whose fields templates read by name. Page views conform through `TemplateView`, whose
/// field table also tells the template checker what each name is; other values (the Mustache
/// specification's JSON data in tests) look `name.text` up themselves.
@usableFromInline
package protocol TemplateFields {
    /// The field called `name`, or `nil` when this value has no such field (the lookup then goes on
    /// to the enclosing contexts, as Mustache specifies).
    func field(_ name: FieldName) -> TemplateValue?
}

extension TemplateFields {
    /// The field called `name`, for callers that have text rather than a parsed name (tests).
    package func field(named name: String) -> TemplateValue? { field(FieldName(name)) }
}

/// A sequence of values a section repeats over.
@usableFromInline
package protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

extension Array: TemplateList where Element: TemplateFields {
    @usableFromInline package func element(at index: Int) -> TemplateValue { .object(self[index]) }
}

extension TemplateValue {
    package init(_ text: String) { self = .text(text) }
    package init(_ text: String?) { self = text.map(TemplateValue.text) ?? .none }
    package init(_ number: Int) { self = .number(number) }
    package init(_ flag: Bool) { self = .bool(flag) }
    package init(_ object: some TemplateFields) { self = .object(object) }
    package init(_ object: (some TemplateFields)?) { self = object.map { .object($0) } ?? .none }
    package init(_ list: [some TemplateFields]) { self = .list(list) }
}
