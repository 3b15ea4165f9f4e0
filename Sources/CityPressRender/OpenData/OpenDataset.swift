import CityPressLoad
import CityPressSite

/// The tables of the open data (`data/<name>.csv` and `.json`), their columns declared once: the
/// CSV header, the JSON keys, the JSON Schema and the Data page are all made from these.
///
/// Version 1 of the schema: columns may be added at the end of a table in a later release of the
/// same version; renaming, removing, reordering or changing the meaning of a column makes version 2.
package enum OpenDataset: String, Sendable, CaseIterable {
    case declarations, commitments, signatories, cities, countries, actions
    /// The translations of the declarations and their commitments: only in a site that has translations
    /// (a site without keeps the files it had).
    case translations, translatedCommitments = "translated_commitments"

    /// The tables `site` publishes: every one, the translations' only when it has translations.
    package static func published(in site: Site) -> [OpenDataset] {
        allCases.filter { dataset in
            switch dataset {
            case .translations, .translatedCommitments: !site.translations.isEmpty
            default: true
            }
        }
    }

    /// The schema version every file states.
    package static let version = 1
    /// The JSON Schema's file name beside the data files.
    package static let schemaFile = "schema-v\(version).json"

    /// What a column holds, for the JSON Schema and the docs.
    package enum ColumnType: Sendable {
        case text, optionalText, integer, date, optionalDate, url, slugs, integers

        /// The name the Data page gives it, in the interface's words (the schema's are English).
        package var label: TextKey {
            switch self {
            case .text: .kindText
            case .optionalText: .kindOptionalText
            case .integer: .kindInteger
            case .date: .kindDate
            case .optionalDate: .kindOptionalDate
            case .url: .kindURL
            case .slugs: .kindSlugs
            case .integers: .kindIntegers
            }
        }
    }

    /// One column: its name (CSV header and JSON key), kind and meaning.
    package struct Column: Sendable {
        package let name: String
        package let type: ColumnType
        /// What it holds, in the interface's words.
        package let meaning: TextKey

        init(_ name: String, _ type: ColumnType, _ meaning: TextKey) {
            self.name = name
            self.type = type
            self.meaning = meaning
        }
    }

    /// The table's name: its files are `<name>.csv` and `<name>.json`.
    package var name: String { rawValue }

    /// A heading for the Data page.
    package var title: TextKey {
        switch self {
        case .declarations: .tableDeclarations
        case .commitments: .tableCommitments
        case .signatories: .tableSignatories
        case .cities: .tableCities
        case .countries: .tableCountries
        case .actions: .tableActions
        case .translations: .tableTranslations
        case .translatedCommitments: .tableTranslatedCommitments
        }
    }

    /// What one row is.
    package var rowMeaning: TextKey {
        switch self {
        case .declarations: .rowsDeclarations
        case .commitments: .rowsCommitments
        case .signatories: .rowsSignatories
        case .cities: .rowsCities
        case .countries: .rowsCountries
        case .actions: .rowsActions
        case .translations: .rowsTranslations
        case .translatedCommitments: .rowsTranslatedCommitments
        }
    }

    /// The columns, in order.
    package var columns: [Column] {
        switch self {
        case .declarations: [
            Column("slug", .text, .columnDeclarationSlug),
            Column("title", .text, .columnItsTitle),
            Column("event", .text, .columnEvent),
            Column("venue", .text, .columnVenue),
            Column("location", .text, .columnLocation),
            Column("start_date", .date, .columnStartDate),
            Column("end_date", .optionalDate, .columnEndDate),
            Column("adopted", .optionalDate, .columnAdopted),
            Column("signatories_as_of", .optionalDate, .columnSignatoriesAsOf),
            Column("commitment_count", .integer, .columnCommitmentCount),
            Column("signatory_count", .integer, .columnSignatoryCount),
            Column("url", .url, .columnItsPage),
        ]
        case .commitments: [
            Column("declaration_slug", .text, .columnCommitmentDeclaration),
            Column("declaration_title", .text, .columnThatDeclarationTitle),
            Column("number", .integer, .columnNumber),
            Column("text_markdown", .text, .columnTextMarkdown),
            Column("text_plain", .text, .columnTextPlain),
            Column("url", .url, .columnItsPage),
        ]
        case .signatories: [
            Column("declaration_slug", .text, .columnEndorsedDeclaration),
            Column("declaration_title", .text, .columnItsTitle),
            Column("city_slug", .text, .columnEndorsingCity),
            Column("city_name", .text, .columnItsName),
            Column("country", .text, .columnCountryName),
            Column("country_slug", .text, .columnCountrySlug),
            Column("subdivision", .optionalText, .columnSubdivision),
            Column("kind", .text, .columnKind),
            Column("endorsed", .optionalDate, .columnEndorsed),
            Column("url", .url, .columnCityPage),
        ]
        case .cities: [
            Column("slug", .text, .columnCitySlug),
            Column("name", .text, .columnItsName),
            Column("country", .text, .columnCountryName),
            Column("country_slug", .text, .columnCountrySlug),
            Column("subdivision", .optionalText, .columnSubdivision),
            Column("kind", .text, .columnKind),
            Column("declarations", .slugs, .columnCityDeclarations),
            Column("url", .url, .columnItsPage),
        ]
        case .countries: [
            Column("slug", .text, .columnCountryIdentifier),
            Column("name", .text, .columnItsName),
            Column("city_count", .integer, .columnCityCount),
            Column("url", .url, .columnItsPage),
        ]
        case .actions: [
            Column("declaration_slug", .text, .columnReportedDeclaration),
            Column("city_slug", .text, .columnReportingCity),
            Column("city_name", .text, .columnItsName),
            Column("year", .integer, .columnYear),
            Column("published", .date, .columnPublished),
            Column("commitments", .integers, .columnActionCommitments),
            Column("title", .text, .columnActionTitle),
            Column("text_markdown", .text, .columnActionMarkdown),
            Column("text_plain", .text, .columnTextPlain),
            Column("report_url", .url, .columnReportPage),
        ]
        case .translations: [
            Column("declaration_slug", .text, .columnTranslatedDeclaration),
            Column("language", .text, .columnLanguage),
            Column("title", .text, .columnTranslatedTitle),
            Column("event", .text, .columnTranslatedEvent),
            Column("venue", .text, .columnTranslatedVenue),
            Column("location", .text, .columnTranslatedLocation),
            Column("url", .url, .columnTranslationPage),
        ]
        case .translatedCommitments: [
            Column("declaration_slug", .text, .columnTranslatedDeclaration),
            Column("language", .text, .columnLanguage),
            Column("number", .integer, .columnNumber),
            Column("text_markdown", .text, .columnTranslatedMarkdown),
            Column("text_plain", .text, .columnTextPlain),
        ]
        }
    }
}
