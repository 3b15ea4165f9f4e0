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
            let fields = [("event", record.event, Placeholder.event), ("venue", record.venue, Placeholder.venue),
                          ("location", record.location, Placeholder.location)]
            for (field, value, placeholder) in fields where value == placeholder {
                let message = "field '\(field)' is still '\(placeholder)', the placeholder citypress new wrote"
                diagnostics.append(record.isDraft
                    ? .warning(message, at: record.source, notes: ["replace it before the declaration is published (draft: false)"])
                    : .error(message, at: record.source,
                             notes: ["write the declaration's \(field), or keep it out of the site with draft: true"]))
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
