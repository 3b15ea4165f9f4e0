import CityPressCore
import CityPressMarkdown

/// `Content/reports/**/*.md`: implementation reports. The front matter says whose report it is
/// (city, declaration, year, publication date); the body's `## Commitment N: Title` headings start
/// its actions. Any file name and subfolder will do (`reports/2024/vienna.md`): the front matter,
/// not the path, identifies a report.
package enum ReportFile: ContentKind {
    /// The front-matter fields of a report.
    package enum Field: String, YAMLFields {
        case city, declaration, year, published
    }

    package static let folder = "reports"
    package static let fileExtension = "md"
    package static var readsSubfolders: Bool { true }
    package static var isRequired: Bool { false }

    package static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> ReportRecord? {
        guard let source = file.read(&diagnostics) else { return nil }
        let parts: FrontMatter
        switch FrontMatter.split(source.text, source: source, record: "report") {
        case .success(let split): parts = split
        case .failure(let error): diagnostics.append(error.diagnostic); return nil
        }
        var yaml = YAMLDocument(yaml: parts.yaml, source: source, lineOffset: parts.yamlLineOffset)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let city = yaml.string(Field.city, required: true).map { Located($0, at: yaml.valueLocation(of: Field.city)) }
        let declaration = yaml.string(Field.declaration, required: true)
            .map { Located($0, at: yaml.valueLocation(of: Field.declaration)) }
        let yearText = yaml.string(Field.year, required: true)
        let published = yaml.date(Field.published, required: true)
        yaml.warnAboutUnknownFields(of: Field.self)
        var problems = yaml.diagnostics
        var year: Located<Int>?
        if let yearText {
            if yearText.count == 4, yearText.allSatisfy(\.isASCII), let value = Int(yearText) {
                year = Located(value, at: yaml.valueLocation(of: Field.year))
            } else {
                problems.append(.error("\(Field.year.rawValue) must be a year written with four digits (2024), not '\(yearText)'",
                                       at: yaml.valueLocation(of: Field.year)))
            }
        }
        let body = ReportBody(source: source, lineOffset: parts.bodyLineOffset, markdown: file.markdown)
        problems += body.diagnostics
        diagnostics += problems
        guard !problems.containsErrors, let city, let declaration, let year, let published else { return nil }
        return ReportRecord(city: city, declaration: declaration, year: year, published: published,
                            summaryHTML: body.summaryHTML, actions: body.actions, links: body.links, source: file.location)
    }
}
