import CityPressCore

/// `Content/cities/<slug>.yml`: one signatory city, region or district per file.
package enum CityFile: ContentKind {
    /// The fields of a city file.
    package enum Field: String, YAMLFields {
        case name, country, subdivision, kind
    }

    package static let folder = "cities"
    package static let fileExtension = "yml"

    package static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> CityRecord? {
        let slug = file.slug(&diagnostics)
        guard let source = file.read(&diagnostics) else { return nil }
        var yaml = YAMLDocument(yaml: source.text, source: source, lineOffset: 0)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let name = yaml.string(Field.name, required: true)
        let country = yaml.string(Field.country, required: true)
        let subdivision = yaml.string(Field.subdivision, required: false)
        let kindText = yaml.string(Field.kind, required: false)
        yaml.warnAboutUnknownFields(of: Field.self)
        var problems = yaml.diagnostics
        var kind = CityKind.city
        if let kindText {
            if let parsed = CityKind(rawValue: kindText) {
                kind = parsed
            } else {
                problems.append(.error("\(Field.kind.rawValue) must be city, region or district, not '\(kindText)'",
                                       at: yaml.location(of: Field.kind)))
            }
        }
        if let country, Slug.make(from: country).isEmpty {
            problems.append(.error("\(Field.country.rawValue) '\(country)' has no letters or digits to make a page address from",
                                   at: yaml.location(of: Field.country)))
        }
        diagnostics += problems
        guard !problems.containsErrors, let slug, let name, let country else { return nil }
        return CityRecord(slug: slug, name: name, country: Located(country, at: yaml.location(of: Field.country)),
                          subdivision: subdivision, kind: kind, source: file.location)
    }

    /// The cities go to `content.cities`, with what declarations naming a city need to know about
    /// the files that gave no record: those with errors, and those skipped for their extension.
    package static func collect(_ folder: LoadedFolder<CityFile>, into content: inout LoadedContent) {
        content.cities = folder.records
        for (name, record) in zip(folder.names, folder.fileRecords) where record == nil {
            content.unreadableCitySlugs.insert(String(name.dropLast(fileExtension.count + 1)))
        }
        for name in folder.skipped {
            let stem = String(name.prefix { $0 != "." })
            if Slug.isValid(stem), content.skippedCityFiles[stem] == nil {
                content.skippedCityFiles[stem] = folder.displayPath + "/" + name
            }
        }
    }

    package static func records(in content: LoadedContent) -> [CityRecord] {
        content.cities
    }
}
