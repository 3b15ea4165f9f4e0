import CityPressCore
import CityPressMarkdown

/// The typed contents of `Content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// The site's title (`<title>` suffix and header).
    public var title: String
    /// The network that publishes the declarations.
    public var network: String
    /// One or two sentences for the home page and meta descriptions.
    public var description: String
    /// BCP 47 language tag of the content (`en`): the originals, the authoritative texts.
    public var language: String
    /// The site's other languages (`[fr, ar]`), each with a tree of pages of its own below `<lang>/`;
    /// none by default. Never contains `language` nor the same tag twice (`SiteConfigFile` drops them).
    public var languages: [String]
    /// Absolute URL the site is published at, ending in `/`; needed for `sitemap.xml`.
    public var baseURL: String?
    /// Whether raw HTML inside Markdown is kept (it is omitted by default).
    public var allowsUnsafeHTML: Bool

    /// Creates a configuration.
    public init(title: String, network: String, description: String, language: String,
                baseURL: String? = nil, allowsUnsafeHTML: Bool = false, languages: [String] = []) {
        self.title = title
        self.network = network
        self.description = description
        self.language = language
        self.languages = languages
        self.baseURL = baseURL.map(SiteConfig.normalizedBaseURL)
        self.allowsUnsafeHTML = allowsUnsafeHTML
    }

    /// The URL with exactly one trailing slash.
    public static func normalizedBaseURL(_ url: String) -> String {
        var trimmed = url
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/"
    }

    /// Whether `url` is an absolute http(s) URL with a host, and no query or fragment: every page's
    /// address is made by appending its path, which would land after a `?` or `#`.
    public static func isValidBaseURL(_ url: String) -> Bool {
        guard let scheme = ["https://", "http://"].first(where: url.hasPrefix) else { return false }
        let rest = url.dropFirst(scheme.count)
        return !rest.isEmpty && !rest.hasPrefix("/")
            && !url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "\"<>?#\\".unicodeScalars.contains($0) }
    }

    /// The path of the base URL `url` (`/declarations/` of `https://example.org/declarations/`), `/` when it has none.
    public static func path(ofBaseURL url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    /// What a base URL is, for messages that reject one.
    public static let baseURLRule = "an absolute http:// or https:// URL with no query (?) or fragment (#)"

    /// What is wrong with `url` as a base URL, in words for a note; `nil` when it is one.
    public static func baseURLProblem(_ url: String) -> String? {
        guard !isValidBaseURL(url) else { return nil }
        guard let scheme = ["https://", "http://"].first(where: url.hasPrefix) else { return "it does not start with https:// or http://" }
        let rest = url.dropFirst(scheme.count)
        if rest.isEmpty || rest.hasPrefix("/") { return "it names no host after \(scheme)" }
        if url.unicodeScalars.contains(where: { $0 == " " }) { return "it has a space: write it as %20" }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it has a control character" }
        if url.contains("?") { return "it has a query (?): page addresses would come after it" }
        if url.contains("#") { return "it has a fragment (#): page addresses would come after it" }
        return "it has a character a URL must escape (\", <, > or \\)"
    }

    /// `tag` in BCP 47's usual case (`pt-br` → `pt-BR`, `ZH-hant` → `zh-Hant`): tags ignore case, but the
    /// folders and addresses made from them do not, so every tag of a site is written one way.
    public static func canonicalLanguageTag(_ tag: String) -> String {
        // After a singleton (`x-`, `u-`…) come extensions and private use, lowercase (RFC 5646 §2.1.1).
        var afterSingleton = false
        return tag.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part in
            if part.count == 1 { afterSingleton = true }
            if index > 0, !afterSingleton, part.count == 2, part.allSatisfy(\.isLetter) { return part.uppercased() }
            if index > 0, !afterSingleton, part.count == 4, part.allSatisfy(\.isLetter) {
                return part.prefix(1).uppercased() + part.dropFirst().lowercased()
            }
            return part.lowercased()
        }.joined(separator: "-")
    }

    /// Whether `tag` looks like a BCP 47 tag (`en`, `en-GB`, `pt-BR`, `zh-Hant`).
    public static func isValidLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
