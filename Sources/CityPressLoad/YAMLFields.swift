import CityPressCore
import CityPressMarkdown

/// The fields of one kind of YAML record (`site.yml`, a city, a declaration's front matter), spelled
/// once: the reads name a case, and the warning about unknown fields lists every case, in the
/// order they are declared, as the known fields.
package protocol YAMLFields: RawRepresentable<String>, CaseIterable, Sendable {}

extension YAMLFields {
    /// Every field name, in declaration order.
    package static var names: [String] { allCases.map(\.rawValue) }
}

extension YAMLDocument {
    /// A string field. Records "missing required field" when `required` and absent or empty.
    package mutating func string(_ field: some YAMLFields, required: Bool) -> String? {
        string(field.rawValue, required: required)
    }

    /// A `YYYY-MM-DD` date field.
    package mutating func date(_ field: some YAMLFields, required: Bool) -> Located<CalendarDate>? {
        date(field.rawValue, required: required)
    }

    /// A `true`/`false` field; `false` when absent.
    package mutating func bool(_ field: some YAMLFields) -> Bool {
        bool(field.rawValue)
    }

    /// A list of single-line strings, each with its location.
    package mutating func stringList(_ field: some YAMLFields, required: Bool) -> [Located<String>] {
        stringList(field.rawValue, required: required)
    }

    /// The location of `field` (its name), or of the mapping when absent.
    package func location(of field: some YAMLFields) -> SourceLocation {
        location(ofField: field.rawValue)
    }

    /// The location of `field`'s value, or of the mapping when absent.
    package func valueLocation(of field: some YAMLFields) -> SourceLocation {
        location(ofValue: field.rawValue)
    }

    /// Records a warning for every field that is not a case of `Fields`.
    package mutating func warnAboutUnknownFields<Fields: YAMLFields>(of fields: Fields.Type) {
        // The list of names is made only when a file has an unknown field: most files have none.
        guard containsField(where: { Fields(rawValue: $0) == nil }) else { return }
        warnAboutUnknownFields(known: Fields.names)
    }
}
