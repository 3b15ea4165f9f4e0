import CityPressLoad
import CityPressSite

/// The JSON Schema (draft 2020-12) of the open data's JSON files, `data/schema-v1.json`, made from
/// the datasets' column declarations. It also documents the CSV files: their header row is the
/// same column names, in the same order. Its descriptions are English whatever the site's language:
/// it is one file for every reuser's tools (the Data page says the same in the site's language).
package enum OpenDataSchema {
    /// The schema document for `site`'s data files.
    package static func document(for site: Site) -> JSONNode {
        let english = InterfaceTables.english
        var members: [(String, JSONNode)] = [("$schema", .string("https://json-schema.org/draft/2020-12/schema"))]
        if let base = site.config.baseURL {
            members.append(("$id", .string(base + OpenDataOutput.folder + OpenDataset.schemaFile)))
        }
        members += [
            ("title", .string("\(site.config.title): open data, version \(OpenDataset.version)")),
            ("description", .string("The JSON files of data/: each is an object whose rows are the rows of the CSV file "
                + "of the same name, with the CSV's column names as keys. Within version \(OpenDataset.version), "
                + "columns are only ever added at the end of a table.")),
            ("type", .string("object")),
            ("required", .array(["schema", "version", "dataset", "rows"].map(JSONNode.string))),
            ("properties", .object([
                ("schema", .object([("type", .string("string")),
                                    ("description", .string("the address of this schema, relative to the file or absolute"))])),
                ("version", .object([("const", .integer(OpenDataset.version))])),
                // Not an enum of today's tables, nor rows closed to other columns: version 1 may gain both
                // (docs/open-data.md), and a copy of this schema kept by a reuser must accept them.
                ("dataset", .object([("type", .string("string")),
                                     ("examples", .array(OpenDataset.published(in: site).map { .string($0.name) }))])),
                ("rows", .object([("type", .string("array"))])),
            ])),
            ("allOf", .array(OpenDataset.published(in: site).map { dataset in
                .object([
                    ("if", .object([("properties", .object([("dataset", .object([("const", .string(dataset.name))]))]))])),
                    ("then", .object([("properties", .object([
                        ("rows", .object([("items", .object([("$ref", .string("#/$defs/\(dataset.name)"))]))])),
                    ]))])),
                ])
            })),
            ("$defs", .object(OpenDataset.published(in: site).map { dataset in
                (dataset.name, .object([
                    ("title", .string(english.text(dataset.title))),
                    ("description", .string(english.text(dataset.rowMeaning))),
                    ("type", .string("object")),
                    ("required", .array(dataset.columns.map { .string($0.name) })),
                    ("properties", .object(dataset.columns.map { column in
                        (column.name, .object(type(column.type) + [("description", .string(english.text(column.meaning)))]))
                    })),
                ]))
            })),
        ]
        return .object(members)
    }

    private static func type(_ type: OpenDataset.ColumnType) -> [(String, JSONNode)] {
        let date: JSONNode = .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        switch type {
        case .text: return [("type", .string("string"))]
        case .optionalText: return [("type", .array([.string("string"), .string("null")]))]
        case .integer: return [("type", .string("integer"))]
        case .date: return [("type", .string("string")), ("format", .string("date")), ("pattern", date)]
        case .optionalDate:
            return [("type", .array([.string("string"), .string("null")])), ("format", .string("date")), ("pattern", date)]
        case .url: return [("type", .string("string")), ("format", .string("uri-reference"))]
        case .slugs: return [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
        case .integers: return [("type", .string("array")), ("items", .object([("type", .string("integer"))]))]
        }
    }
}
