import CityPressCore
import CityPressMarkdown
import Foundation

/// `Content/site.yml`: one file, read before the record folders (their parsing depends on it).
package enum SiteConfigFile {
    /// The fields of `site.yml`.
    package enum Field: String, YAMLFields {
        case title, network, description, language
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
        yaml.warnAboutUnknownFields(of: Field.self)
        var problems = yaml.diagnostics
        if let language, !SiteConfig.isValidLanguageTag(language) {
            problems.append(.error("\(Field.language.rawValue) '\(language)' is not a BCP 47 tag such as 'en' or 'en-GB'",
                                   at: yaml.location(of: Field.language)))
        }
        if let baseURL, !SiteConfig.isValidBaseURL(baseURL) {
            problems.append(.error("\(Field.baseURL.rawValue) must be an absolute http:// or https:// URL, not '\(baseURL)'",
                                   at: yaml.location(of: Field.baseURL)))
        }
        diagnostics += problems
        guard !problems.containsErrors, let title, let network, let description, let language else { return nil }
        return SiteConfig(title: title, network: network, description: description, language: language,
                          baseURL: baseURL, allowsUnsafeHTML: unsafe)
    }
}
