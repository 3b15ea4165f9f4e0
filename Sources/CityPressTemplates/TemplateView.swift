/// A value templates receive whose fields are declared once, in a `TemplateFieldTable` beside the
/// type: the table answers lookups while pages render and tells the template checker each field's
/// kind, so the two cannot disagree.
@usableFromInline
package protocol TemplateView: TemplateFields, Sendable {
    /// The view's fields: names, kinds, and how to read each.
    static var templateFields: TemplateFieldTable<Self> { get }
}

extension TemplateView {
    /// Inlinable so that each view's witness is this lookup specialized for the view (see
    /// `TemplateFieldTable`): a slot of the view's table and a direct call to the property's getter.
    @inlinable @inline(__always)
    package func field(_ name: FieldName) -> TemplateValue? {
        Self.templateFields.value(name, of: self)
    }

    /// The view's fields as the checker sees them.
    package static var templateSchema: TemplateSchema {
        // `PageMeta.Crumb`, not `Crumb`: the module name goes, the enclosing types stay.
        let qualified = String(reflecting: Self.self)
        let name = qualified.firstIndex(of: ".").map { String(qualified[qualified.index(after: $0)...]) } ?? qualified
        return TemplateSchema(typeName: name, fields: templateFields.fields.map { .init(name: $0.name, kind: $0.kind, isMarkup: $0.isMarkup) })
    }
}
