import CityPressCore
import CityPressMarkdown
import Foundation

/// `Content/site.yml`: one file, read before the record folders (their parsing depends on it).
package enum SiteConfigFile {
    /// The fields of `site.yml`.
    package enum Field: String, YAMLFields {
        case title, network, description, language, languages
        case baseURL = "base_url"
        case unsafeHTML = "unsafe_html"
    }

    /// The configuration in `root`'s `site.yml`, or `nil` when it is missing or has errors; every
    /// problem goes to `diagnostics`.
    package static func load(from root: ContentRoot, _ diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let file = ContentFile(name: "site.yml", path: root.open("site.yml"), displayPath: root.display("site.yml"),
                               fileExtension: "yml", markdown: MarkdownParser())
        guard FileManager.default.fileExists(atPath: file.path) else {
            diagnostics.append(.error("'\(file.displayPath)' is missing",
                                      notes: ["it holds title, network, description and language"]))
            return nil
        }
        guard let source = file.read(&diagnostics) else { return nil }
        var yaml = YAMLDocument(yaml: source.text, source: source, lineOffset: 0)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let title = yaml.string(Field.title, required: true)
        let network = yaml.string(Field.network, required: true)
        let description = yaml.string(Field.description, required: true)
        let language = yaml.string(Field.language, required: true)
        let baseURL = yaml.string(Field.baseURL, required: false)
        let unsafe = yaml.bool(Field.unsafeHTML)
        let listed = yaml.stringList(Field.languages, required: false)
        yaml.warnAboutUnknownFields(of: Field.self)
        var problems = yaml.diagnostics
        if let language, !SiteConfig.isValidLanguageTag(language) {
            problems.append(.error("\(Field.language.rawValue) '\(language)' is not a BCP 47 tag such as 'en' or 'en-GB'",
                                   at: yaml.location(of: Field.language)))
        }
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            problems.append(.error("\(Field.baseURL.rawValue) must be \(SiteConfig.baseURLRule), not '\(baseURL)'",
                                   at: yaml.location(ofValue: Field.baseURL.rawValue), notes: [problem]))
        }
        let languages = siteLanguages(listed, original: language, &problems)
        diagnostics += problems
        guard !problems.containsErrors, let title, let network, let description, let language else { return nil }
        return SiteConfig(title: title, network: network, description: description, language: SiteConfig.canonicalLanguageTag(language),
                          baseURL: baseURL, allowsUnsafeHTML: unsafe, languages: languages)
    }

    /// The tags of `languages:` that make a tree of pages each: a tag that is not BCP 47 is an error (it
    /// names a folder of the site); the site's own language and a second mention of one are warnings,
    /// and left out (the pages they ask for are there already).
    static func siteLanguages(_ listed: [Located<String>], original: String?, _ problems: inout [Diagnostic]) -> [String] {
        var languages: [String] = []
        var seen: [String: SourceLocation] = [:]
        let field = Field.languages.rawValue
        for entry in listed {
            let tag = entry.value
            guard SiteConfig.isValidLanguageTag(tag) else {
                problems.append(.error("\(field): '\(tag)' is not a BCP 47 tag such as 'fr' or 'pt-BR'", at: entry.location))
                continue
            }
            // Tags are case-insensitive (BCP 47): `FR` is `fr`.
            if let original, tag.lowercased() == original.lowercased() {
                problems.append(.warning("\(field): '\(tag)' is the site's language (\(Field.language.rawValue)), whose pages are the originals; it is left out",
                                         at: entry.location, notes: ["list only the other languages: languages: [fr, ar]"]))
                continue
            }
            if let first = seen[tag.lowercased()] {
                problems.append(.warning("\(field): '\(tag)' is listed twice; the second is left out", at: entry.location,
                                         notes: ["first listed at \(first)"]))
                continue
            }
            seen[tag.lowercased()] = entry.location
            languages.append(SiteConfig.canonicalLanguageTag(tag))
        }
        return languages
    }
}
