import CityPressCore

/// One entry of a declaration's `signatories:` list: a city's slug (`- vienna`: it endorsed at the
/// meeting) or a mapping that also says when it endorsed later (`- {city: vienna, endorsed: 2023-05-02}`).
public struct SignatoryEntry: Sendable, Hashable {
    /// The field names of the mapping form, spelled once.
    package enum Field: String, YAMLFields {
        case city, endorsed
    }

    /// The city's slug, where the entry names it.
    public var city: Located<String>
    /// The day the city endorsed, when it endorsed after the meeting; `nil` for the meeting itself.
    public var endorsed: Located<CalendarDate>?

    /// An entry for `city`, endorsed at the meeting unless `endorsed` is given.
    public init(city: Located<String>, endorsed: Located<CalendarDate>? = nil) {
        self.city = city
        self.endorsed = endorsed
    }
}
