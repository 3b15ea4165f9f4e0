import CityPressCore
import CityPressMarkdown

/// `Content/translations/<lang>/<slug>.md`: a translation of the declaration `<slug>` into `<lang>`
/// (a BCP 47 tag: `fr`, `ar`, `pt-BR`). One folder per language keeps a language's files together and
/// the declarations folder the originals' alone; the front matter is optional and holds only what
/// the translation words differently (title, event, venue, location).
package enum TranslationFile: ContentKind {
    /// The front-matter fields a translation may give.
    package enum Field: String, YAMLFields {
        case title, event, venue, location
    }

    package static let folder = "translations"
    package static let fileExtension = "md"
    package static var readsSubfolders: Bool { true }
    package static var isRequired: Bool { false }

    package static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> TranslationRecord? {
        let slug = file.slug(&diagnostics)
        let folders = file.name.split(separator: "/").dropLast()
        guard folders.count == 1, let language = folders.first.map(String.init) else {
            diagnostics.append(.error("a translation goes in a folder named for its language: translations/<lang>/<slug>.md",
                                      at: file.location, notes: ["for example translations/fr/\(slug ?? "slug").md"]))
            return nil
        }
        guard SiteConfig.isValidLanguageTag(language) else {
            diagnostics.append(.error("'\(language)' is not a language tag: name the folder like 'fr', 'ar' or 'pt-BR'",
                                      at: file.location))
            return nil
        }
        guard let source = file.read(&diagnostics) else { return nil }
        var yamlText = "", yamlLineOffset = 0, bodyText = source.text, bodyLineOffset = 0
        if source.text.hasPrefix("---") {
            switch FrontMatter.split(source.text, source: source, record: "translation") {
            case .success(let split):
                (yamlText, yamlLineOffset, bodyText, bodyLineOffset) = (split.yaml, split.yamlLineOffset, split.body, split.bodyLineOffset)
            case .failure(let error):
                diagnostics.append(error.diagnostic)
                return nil
            }
        }
        var problems: [Diagnostic] = []
        var title: String?, event: String?, venue: String?, location: String?
        if !yamlText.allSatisfy(\.isWhitespace) {
            var yaml = YAMLDocument(yaml: yamlText, source: source, lineOffset: yamlLineOffset)
            guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
            title = yaml.string(Field.title, required: false)
            event = yaml.string(Field.event, required: false)
            venue = yaml.string(Field.venue, required: false)
            location = yaml.string(Field.location, required: false)
            yaml.warnAboutUnknownFields(of: Field.self)
            problems += yaml.diagnostics
        }
        let body = file.markdown.parse(bodyText)
        let firstBodyLine = source.lines.indices.dropFirst(bodyLineOffset)
            .first { !source.lines[$0].allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? max(1, bodyLineOffset)
        let commitmentsLocation = body.orderedLists.first.map { source.location(line: $0.line + bodyLineOffset, column: 1) }
            ?? source.location(line: max(1, firstBodyLine), column: 1)
        diagnostics += problems
        guard !problems.containsErrors, let slug else { return nil }
        return TranslationRecord(language: Located(SiteConfig.canonicalLanguageTag(language), at: SourceLocation(path: file.displayPath)), slug: slug,
                                 title: title, event: event, venue: venue, location: location, body: body,
                                 commitmentsLocation: commitmentsLocation, source: file.location,
                                 bodyLineOffset: bodyLineOffset)
    }
}
