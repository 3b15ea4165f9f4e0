import CityPressTemplates

// The values the open-data templates receive: the Data page, and the download links other pages show.

/// `data`: every open-data file with its size, row count and columns.
package struct DataPage: Sendable, Hashable {
    package let page: PageMeta
    /// The site-wide tables, in a fixed order.
    package let tables: [DataTableView]
    /// Each declaration's signatories, newest declaration first.
    package let declarations: [DeclarationDataView]
    /// The JSON Schema.
    package let schema: DataFileView
    /// The page's first paragraph, with the schema's version.
    package let leadText: String
    /// What a version promises.
    package let versionRuleText: String
    /// How to read the columns, as HTML (`null` is code).
    package let columnsLeadHTML: String
}

/// One site-wide table on the Data page.
package struct DataTableView: Sendable, Hashable {
    package let title: String
    /// What one row is.
    package let rowMeaning: String
    package let rowCount: Int
    /// `40 rows`.
    package let rowsText: String
    /// The id of its columns' section.
    package let anchor: String
    /// Its CSV and JSON files.
    package let files: [DataFileView]
    package let columns: [DataColumnView]
    /// `Columns of Signatories`.
    package let columnsCaption: String
}

/// One file to download.
package struct DataFileView: Sendable, Hashable {
    /// `CSV`, `JSON`.
    package let label: String
    /// `signatories.csv`.
    package let fileName: String
    package let href: String
    /// `text/csv`, `application/json`, for the link's `type`.
    package let mediaType: String
    /// `12.4 kB`, where shown.
    package let sizeText: String?
}

/// One column of a table.
package struct DataColumnView: Sendable, Hashable {
    package let name: String
    /// `text`, `date (YYYY-MM-DD) or empty`…
    package let kind: String
    package let meaning: String
}

/// One declaration's signatories on the Data page.
package struct DeclarationDataView: Sendable, Hashable {
    package let title: String
    package let href: String
    package let rowCount: Int
    package let files: [DataFileView]
}

/// The download links a page offers: `Download the signatories (CSV, JSON)`.
package struct DownloadView: Sendable, Hashable {
    /// What the files hold: `the signatories`.
    package let label: String
    package let csv: DataFileView
    package let json: DataFileView
    /// The Data page.
    package let dataHref: String
}

extension DataPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("tables", \.tables), .field("declarations", \.declarations),
        .field("schema", \.schema), .field("leadText", \.leadText),
        .field("versionRuleText", \.versionRuleText), .markup("columnsLeadHTML", \.columnsLeadHTML)
    )
}

extension DataTableView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("title", \.title), .field("rowMeaning", \.rowMeaning), .field("rowCount", \.rowCount),
        .field("rowsText", \.rowsText), .field("anchor", \.anchor), .field("files", \.files), .field("columns", \.columns),
        .field("columnsCaption", \.columnsCaption)
    )
}

extension DataFileView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("label", \.label), .field("fileName", \.fileName), .field("href", \.href),
        .field("mediaType", \.mediaType), .field("sizeText", \.sizeText)
    )
}

extension DataColumnView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("name", \.name), .field("kind", \.kind), .field("meaning", \.meaning)
    )
}

extension DeclarationDataView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("title", \.title), .field("href", \.href), .field("rowCount", \.rowCount), .field("files", \.files)
    )
}

extension DownloadView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("label", \.label), .field("csv", \.csv), .field("json", \.json), .field("dataHref", \.dataHref)
    )
}
