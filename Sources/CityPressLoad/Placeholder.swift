/// The values `citypress new` writes for required fields it was not given: replaced by the author
/// before publishing, and reported by the build while they are still there.
public enum Placeholder {
    /// A new city's country.
    public static let country = "COUNTRY"
    /// A new declaration's event, venue and location, by field.
    public static let event = "EVENT", venue = "VENUE", location = "LOCATION"
    /// Every placeholder.
    public static let all = [country, event, venue, location]
}
