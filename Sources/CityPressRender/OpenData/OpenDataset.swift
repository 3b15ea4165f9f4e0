/// The tables of the open data (`data/<name>.csv` and `.json`), their columns declared once: the
/// CSV header, the JSON keys, the JSON Schema and the Data page are all made from these.
///
/// Version 1 of the schema: columns may be added at the end of a table in a later release of the
/// same version; renaming, removing, reordering or changing the meaning of a column makes version 2.
package enum OpenDataset: String, Sendable, CaseIterable {
    case declarations, commitments, signatories, cities, countries, actions

    /// The schema version every file states.
    package static let version = 1
    /// The JSON Schema's file name beside the data files.
    package static let schemaFile = "schema-v\(version).json"

    /// What a column holds, for the JSON Schema and the docs.
    package enum ColumnType: Sendable {
        case text, optionalText, integer, date, optionalDate, url, slugs, integers

        /// The name the docs use.
        package var label: String {
            switch self {
            case .text: "text"
            case .optionalText: "text or empty"
            case .integer: "integer"
            case .date: "date (YYYY-MM-DD)"
            case .optionalDate: "date (YYYY-MM-DD) or empty"
            case .url: "URL"
            case .slugs: "slugs, space-separated in CSV, an array in JSON"
            case .integers: "integers, space-separated in CSV, an array in JSON"
            }
        }
    }

    /// One column: its name (CSV header and JSON key), kind and meaning.
    package struct Column: Sendable {
        package let name: String
        package let type: ColumnType
        package let meaning: String

        init(_ name: String, _ type: ColumnType, _ meaning: String) {
            self.name = name
            self.type = type
            self.meaning = meaning
        }
    }

    /// The table's name: its files are `<name>.csv` and `<name>.json`.
    package var name: String { rawValue }

    /// A heading for the Data page.
    package var title: String {
        switch self {
        case .declarations: "Declarations"
        case .commitments: "Commitments"
        case .signatories: "Signatories"
        case .cities: "Cities"
        case .countries: "Countries"
        case .actions: "Reported actions"
        }
    }

    /// What one row is.
    package var rowMeaning: String {
        switch self {
        case .declarations: "one row per declaration, newest first"
        case .commitments: "one row per commitment of each declaration, in declaration order, then by number"
        case .signatories: "one row per declaration and endorsing city, in declaration order, then as the declaration lists them"
        case .cities: "one row per city, region or district, A–Z"
        case .countries: "one row per country, A–Z"
        case .actions: "one row per action of each implementation report, by declaration, newest year first, then by city A–Z"
        }
    }

    /// The columns, in order.
    package var columns: [Column] {
        switch self {
        case .declarations: [
            Column("slug", .text, "the declaration's identifier, also in its page's address"),
            Column("title", .text, "its title"),
            Column("event", .text, "the meeting it was made at"),
            Column("venue", .text, "where the meeting took place"),
            Column("location", .text, "the meeting's city (and country)"),
            Column("start_date", .date, "the meeting's first day"),
            Column("end_date", .optionalDate, "the meeting's last day, when it lasted more than a day"),
            Column("adopted", .optionalDate, "the day it was adopted, when recorded"),
            Column("signatories_as_of", .optionalDate, "the day its signatory list was last brought up to date"),
            Column("commitment_count", .integer, "how many numbered commitments it has"),
            Column("signatory_count", .integer, "how many cities endorse it"),
            Column("url", .url, "its page"),
        ]
        case .commitments: [
            Column("declaration_slug", .text, "the declaration it belongs to (slug in declarations)"),
            Column("declaration_title", .text, "that declaration's title"),
            Column("number", .integer, "its number in the declaration"),
            Column("text_markdown", .text, "its text as CommonMark"),
            Column("text_plain", .text, "its text without markup, on one line"),
            Column("url", .url, "its page"),
        ]
        case .signatories: [
            Column("declaration_slug", .text, "the declaration endorsed (slug in declarations)"),
            Column("declaration_title", .text, "its title"),
            Column("city_slug", .text, "the endorsing city (slug in cities)"),
            Column("city_name", .text, "its name"),
            Column("country", .text, "its country's name"),
            Column("country_slug", .text, "its country (slug in countries)"),
            Column("subdivision", .optionalText, "its state, province or region, when recorded"),
            Column("kind", .text, "city, region or district"),
            Column("endorsed", .optionalDate, "the day it endorsed, when that was after the meeting; empty: it endorsed at the meeting"),
            Column("url", .url, "the city's page"),
        ]
        case .cities: [
            Column("slug", .text, "the city's identifier, also in its page's address"),
            Column("name", .text, "its name"),
            Column("country", .text, "its country's name"),
            Column("country_slug", .text, "its country (slug in countries)"),
            Column("subdivision", .optionalText, "its state, province or region, when recorded"),
            Column("kind", .text, "city, region or district"),
            Column("declarations", .slugs, "the declarations it endorses, newest first"),
            Column("url", .url, "its page"),
        ]
        case .countries: [
            Column("slug", .text, "the country's identifier, also in its page's address"),
            Column("name", .text, "its name"),
            Column("city_count", .integer, "how many of its cities, regions and districts the site has"),
            Column("url", .url, "its page"),
        ]
        case .actions: [
            Column("declaration_slug", .text, "the declaration reported on (slug in declarations)"),
            Column("city_slug", .text, "the reporting city (slug in cities)"),
            Column("city_name", .text, "its name"),
            Column("year", .integer, "the year reported on"),
            Column("published", .date, "the day the report was published"),
            Column("commitments", .integers, "the numbers of the commitments the action implements"),
            Column("title", .text, "the action's title"),
            Column("text_markdown", .text, "its text as written (CommonMark)"),
            Column("text_plain", .text, "its text without markup, on one line"),
            Column("report_url", .url, "the report's page"),
        ]
        }
    }
}
