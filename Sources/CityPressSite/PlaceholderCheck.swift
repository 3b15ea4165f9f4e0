import CityPressCore
import CityPressLoad

/// The placeholders `citypress new` writes (`EVENT`, `COUNTRY`…) that are still in records the site
/// publishes: a declaration published with them is an error (a draft shown by `--drafts` is only
/// warned about); a city's country is a warning, since its page is made even before any declaration
/// lists it.
struct PlaceholderCheck {
    let published: [DeclarationRecord]
    let cities: [CityRecord]

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for record in published {
            for use in record.placeholders {
                let message = use.field.map { "field '\($0)' is still '\(use.text)', the placeholder citypress new wrote" }
                    ?? "the text is still citypress new's sample: '\(use.text)'"
                let remedy = use.field.map { "write the declaration's \($0)" } ?? "replace it with the declaration's own text"
                diagnostics.append(record.isDraft
                    ? .warning(message, at: use.location, notes: ["replace it before the declaration is published (draft: false)"])
                    : .error(message, at: use.location, notes: ["\(remedy), or keep it out of the site with draft: true"]))
            }
        }
        for city in cities where city.countryName == Placeholder.country {
            diagnostics.append(.warning("field 'country' is still '\(Placeholder.country)', the placeholder citypress new wrote",
                                        at: city.country.location,
                                        notes: ["the city's page and a country page '\(Placeholder.country)' are published as they are"]))
        }
        return diagnostics
    }
}
