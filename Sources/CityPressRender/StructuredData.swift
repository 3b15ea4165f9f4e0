import CityPressLoad
import CityPressSite

/// schema.org descriptions of pages, as JSON-LD for search engines: a declaration page describes the
/// declaration (a `CreativeWork` with its date, language and publisher), the meeting it was made at
/// (an `Event`) and its signatories (an `ItemList` of places).
package enum StructuredData {
    /// The most signatories the list names: search engines read lists of a few dozen, and a
    /// declaration of thousands of cities would otherwise carry its list twice (HTML and JSON-LD).
    /// `numberOfItems` always gives the full count.
    package static let listLimit = 100

    /// The JSON-LD of declaration `index`'s page, whose links are made with `links`. Addresses are
    /// absolute with `base_url`, else relative to the page (JSON-LD resolves them against it).
    package static func declaration(_ index: Int, in site: Site, links: Links) -> String {
        let declaration = site.declarations[index]
        let base = site.config.baseURL
        let page = addressOf(DeclarationOutput.route(declaration.slug), base, links)
        let publisher: JSONNode = .object([("@type", .string("Organization")), ("name", .string(site.config.network))])
        var event: [(String, JSONNode)] = [
            ("@type", .string("Event")), ("@id", .string(page + "#event")), ("name", .string(declaration.event)),
            ("startDate", .string(declaration.startDate.description)),
        ]
        if let end = declaration.endDate { event.append(("endDate", .string(end.description))) }
        event += [
            ("eventAttendanceMode", .string("https://schema.org/OfflineEventAttendanceMode")),
            ("eventStatus", .string("https://schema.org/EventScheduled")),
            ("location", .object([("@type", .string("Place")), ("name", .string(declaration.venue)),
                                  ("address", .string(declaration.location))])),
            ("organizer", publisher),
        ]
        let items: [JSONNode] = declaration.signatories.prefix(listLimit).enumerated().map { position, city in
            let place = site.cities[city], country = site.countries[place.country]
            var address: [(String, JSONNode)] = [("@type", .string("PostalAddress")), ("addressCountry", .string(country.name))]
            if let region = place.subdivision { address.append(("addressRegion", .string(region))) }
            return .object([
                ("@type", .string("ListItem")), ("position", .integer(position + 1)),
                ("item", .object([("@type", .string(place.kind == .city ? "City" : "AdministrativeArea")),
                                  ("name", .string(place.name)), ("url", .string(addressOf(CityOutput.route(place.slug), base, links))),
                                  ("address", .object(address))])),
            ])
        }
        let work: JSONNode = .object([
            ("@type", .string("CreativeWork")), ("@id", .string(page + "#declaration")),
            ("name", .string(declaration.title)), ("url", .string(page)),
            ("datePublished", .string(declaration.date.description)), ("inLanguage", .string(site.config.language)),
            ("publisher", publisher), ("author", publisher), ("recordedAt", .object([("@id", .string(page + "#event"))])),
        ])
        let list: JSONNode = .object([
            ("@type", .string("ItemList")), ("@id", .string(page + "#signatories")),
            ("name", .string("Signatories of \(declaration.title)")), ("numberOfItems", .integer(declaration.signatories.count)),
            ("itemListOrder", .string("https://schema.org/ItemListUnordered")), ("itemListElement", .array(items)),
        ])
        return JSONNode.object([("@context", .string("https://schema.org")),
                                ("@graph", .array([work, .object(event), list]))]).text(compact: true)
    }

    private static func addressOf(_ route: Route, _ base: String?, _ links: Links) -> String {
        base.map { $0 + route.path } ?? links.to(route)
    }
}
