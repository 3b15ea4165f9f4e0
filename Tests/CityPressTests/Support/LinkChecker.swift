import Foundation

/// Checks that every internal link of a built site points at a generated file and, for `#fragment`
/// links, at an `id` in that file.
struct LinkChecker {
    let root: URL
    /// Whether a link must name a file: a site opened from a local folder has no server to turn a
    /// folder into its `index.html`.
    let requiresFiles: Bool
    private(set) var failures: [String] = []
    private var idCache: [String: Set<String>] = [:]

    init(root: URL, requiresFiles: Bool = false) {
        self.root = root
        self.requiresFiles = requiresFiles
    }

    static func hrefs(in html: String) -> [String] {
        matches(of: #"href="([^"]*)""#, in: html)
    }

    static func ids(in html: String) -> Set<String> {
        Set(matches(of: #"id="([^"]*)""#, in: html))
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Checks every `.html` file but `404.html` (whose links are absolute by design). Returns pages checked.
    mutating func checkAll() throws -> Int {
        var checked = 0
        for path in (FileManager.default.subpaths(atPath: root.path) ?? []).sorted()
        where path.hasSuffix(".html") && path != "404.html" {
            try check(page: path)
            checked += 1
        }
        return checked
    }

    mutating func check(page: String) throws {
        let html = String(decoding: try Data(contentsOf: root.appendingPathComponent(page)), as: UTF8.self)
        let pageURL = URL(string: "http://site.invalid/" + page)
        for raw in Self.hrefs(in: html) {
            let href = raw.replacingOccurrences(of: "&amp;", with: "&")
            if href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:") { continue }
            guard let target = URL(string: href, relativeTo: pageURL)?.absoluteURL,
                  target.host == "site.invalid" else {
                failures.append("\(page): link '\(href)' leaves the site or does not parse"); continue
            }
            var path = String(target.path.dropFirst())
            var isDirectory: ObjCBool = false
            if path.isEmpty || (FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path,
                                                                isDirectory: &isDirectory) && isDirectory.boolValue) {
                if requiresFiles { failures.append("\(page): link '\(href)' names a folder, not a file"); continue }
                path += path.isEmpty || path.hasSuffix("/") ? "index.html" : "/index.html"
            }
            let file = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: file.path) else {
                failures.append("\(page): link '\(href)' has no file \(path)"); continue
            }
            if let fragment = target.fragment, !fragment.isEmpty {
                if idCache[path] == nil {
                    idCache[path] = Self.ids(in: String(decoding: try Data(contentsOf: file), as: UTF8.self))
                }
                if idCache[path]?.contains(fragment) != true {
                    failures.append("\(page): link '\(href)' has no id '\(fragment)' in \(path)")
                }
            }
        }
    }
}
