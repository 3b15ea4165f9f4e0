/// The fields of a view type `Root`, declared once beside it:
///
///     extension CityLinkView: TemplateView {
///         package static let templateFields = TemplateFieldTable<Self>(
///             .field("name", \.name), .field("href", \.href), .field("detail", \.detail))
///     }
///
/// Each field's kind follows from its property's type (`String?` is optional text, `[CityEntryView]`
/// a list), so a field's kind cannot drift from its value. Lookups find the name's number
/// (`FieldName.id`) in a small open-addressed table: no string is compared or hashed while pages render.
///
/// `@usableFromInline` on this type (and on the types its lookup touches) is what lets the
/// `@inlinable` lookup be specialized for each view in the module that declares it: without it the
/// compiler keeps the lookup generic, and every call fetches the table's generic metadata.
@usableFromInline
package struct TemplateFieldTable<Root>: Sendable {
    /// The fields in declaration order.
    package let fields: [TemplateField<Root>]
    /// The fields' positions by name number, open addressing from the number's low bits; at most
    /// half full, so a lookup reads one slot or two.
    @usableFromInline let slots: [Slot]
    /// `slots.count - 1` (a power of two less one).
    @usableFromInline let mask: Int
    /// The fields' readers, apart so a lookup copies no name or kind.
    @usableFromInline let readers: [TemplateField<Root>.Reader]

    /// A name's number and its field's index in `fields` (-1: an empty slot).
    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline var id: UInt64
        @usableFromInline var index: Int
    }

    package init(_ fields: TemplateField<Root>...) {
        self.init(fields)
    }

    /// A table of `fields` made by code rather than listed (a table per key of a list, like the
    /// interface texts').
    package init(_ fields: [TemplateField<Root>]) {
        self.fields = fields
        readers = fields.map(\.reader)
        var count = 4
        while count < 2 * fields.count { count *= 2 }
        var slots = [Slot](repeating: Slot(id: 0, index: -1), count: count)
        for (index, field) in fields.enumerated() {
            let id = FieldName(field.name).id
            var slot = Int(truncatingIfNeeded: id) & (count - 1)
            // The first of two fields with one name wins (a test rejects such tables anyway).
            while slots[slot].index >= 0, slots[slot].id != id { slot = (slot + 1) & (count - 1) }
            if slots[slot].index < 0 { slots[slot] = Slot(id: id, index: index) }
        }
        self.slots = slots
        mask = count - 1
    }

    /// The value of the field `name` of `root`, or `nil` when `Root` has no such field.
    @inlinable @inline(__always)
    package func value(_ name: FieldName, of root: Root) -> TemplateValue? {
        var slot = Int(truncatingIfNeeded: name.id) & mask
        while true {
            let entry = slots[slot]
            if entry.index < 0 { return nil }
            if entry.id == name.id { return readers[entry.index].read(root) }
            slot = (slot &+ 1) & mask
        }
    }
}

/// One field of a view: its name in templates, its kind, and how to read it.
///
/// Made with `.field(name, \.property)`; the key path becomes a plain closure (no key-path
/// projection at run time), and the overload taken gives the kind.
@usableFromInline
package struct TemplateField<Root>: Sendable {
    package let name: String
    package let kind: TemplateFieldKind
    /// Whether the text is markup, printed only by `{{{name}}}` (see `markup(_:_:)`).
    package let isMarkup: Bool
    @usableFromInline let reader: Reader

    /// How a field is read. Texts, numbers and flags keep the property's own getter (a closure that
    /// captures nothing), so reading them retains no closure context; views and lists are wrapped.
    @usableFromInline
    enum Reader: Sendable {
        case text(@Sendable (Root) -> String)
        case optionalText(@Sendable (Root) -> String?)
        case number(@Sendable (Root) -> Int)
        case flag(@Sendable (Root) -> Bool)
        case value(@Sendable (Root) -> TemplateValue)

        @inlinable @inline(__always)
        func read(_ root: Root) -> TemplateValue {
            switch self {
            case .text(let get): .text(get(root))
            case .optionalText(let get): get(root).map(TemplateValue.text) ?? .none
            case .number(let get): .number(get(root))
            case .flag(let get): .bool(get(root))
            case .value(let get): get(root)
            }
        }
    }

    private init(_ name: String, _ kind: TemplateFieldKind, _ reader: Reader, isMarkup: Bool = false) {
        self.name = name
        self.kind = kind
        self.reader = reader
        self.isMarkup = isMarkup
    }

    /// Markup CityPress made (rendered Markdown, a rendered fragment, an SVG chart, CSS, JSON-LD):
    /// printed as is by `{{{name}}}`, the only tag that may print it. `{{{…}}}` on any other text is an
    /// error, since it would publish an author's `<` as markup.
    package static func markup(_ name: String, _ get: @escaping @Sendable (Root) -> String) -> Self {
        Self(name, .text, .text(get), isMarkup: true)
    }

    /// Markup that may be missing.
    package static func markup(_ name: String, _ get: @escaping @Sendable (Root) -> String?) -> Self {
        Self(name, .optionalText, .optionalText(get), isMarkup: true)
    }

    /// Text, printed HTML-escaped by `{{name}}`.
    package static func field(_ name: String, _ get: @escaping @Sendable (Root) -> String) -> Self {
        Self(name, .text, .text(get))
    }

    /// Text that may be missing: `{{#name}}…{{/name}}` shows only when it is there.
    package static func field(_ name: String, _ get: @escaping @Sendable (Root) -> String?) -> Self {
        Self(name, .optionalText, .optionalText(get))
    }

    /// A number.
    package static func field(_ name: String, _ get: @escaping @Sendable (Root) -> Int) -> Self {
        Self(name, .number, .number(get))
    }

    /// A flag, for `{{#name}}` and `{{^name}}`.
    package static func field(_ name: String, _ get: @escaping @Sendable (Root) -> Bool) -> Self {
        Self(name, .flag, .flag(get))
    }

    /// Another view, read through `{{#name}}…{{/name}}` or `{{name.field}}`.
    package static func field<T: TemplateView>(_ name: String, _ get: @escaping @Sendable (Root) -> T) -> Self {
        Self(name, .object(T.self), .value { .object(get($0)) })
    }

    /// Another view that may be missing.
    package static func field<T: TemplateView>(_ name: String, _ get: @escaping @Sendable (Root) -> T?) -> Self {
        Self(name, .optionalObject(T.self), .value { TemplateValue(get($0)) })
    }

    /// A list of views, repeated over by `{{#name}}…{{/name}}`.
    package static func field<T: TemplateView>(_ name: String, _ get: @escaping @Sendable (Root) -> [T]) -> Self {
        Self(name, .list(T.self), .value { .list(get($0)) })
    }
}
