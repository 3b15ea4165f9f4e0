import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// Links inside a declaration's text, made right for the page that shows the text.
///
/// Authors link to other pages of the site from its root (`[…](/declarations/x/#commitment-8)`), so
/// the same text works on the declaration page, its commitment pages, its print edition and the
/// commitments index, which sit at different depths. Each page gets the text with those links made
/// relative to itself (and naming `index.html` when the build is for a local folder).
package enum BodyLinks {
    /// `html` with every site-root link (`href="/…"`, `src="/…"`, not `//host`) made relative to the
    /// page of `links`, and every fragment-only link (`href="#…"`) pointed at the page of the
    /// declaration `slug`, unless the page is that declaration's own page.
    package static func relinked(_ html: String, links: Links, declarationSlug slug: String, onDeclarationPage: Bool) -> String {
        rewriting(html) { value, _ in rewritten(value, links: links, slug: slug, onDeclarationPage: onDeclarationPage) }
    }

    /// `html` for paper (the print edition, which PDFs are printed from a local copy of): links to
    /// pages of the site become absolute links to the published site when `baseURL` is known, and
    /// plain text otherwise (a relative link would print as the build machine's `file://` path).
    /// A `#commitment-N` link goes to the web page `fragmentsOn` (the declaration's, or its
    /// translation's); a page every site language has goes to the one in the language tree `tree`.
    /// Images keep their relative `src`, which the browser loads from the copy.
    package static func forPaper(_ html: String, baseURL: String?, fragmentsOn page: String, tree: String = "") -> String {
        rewriting(html) { value, isHref in
            guard isHref else { return value.hasPrefix("/") && !value.hasPrefix("//") ? Links(depth: 3).path(String(value.dropFirst())) : value }
            if value.hasPrefix("#") { return baseURL.map { $0 + page + value } }
            if value.hasPrefix("/") && !value.hasPrefix("//") { return baseURL.map { $0 + inTree(String(value.dropFirst()), tree) } }
            return value
        }
    }

    /// A whole print page (`html`, at the site path `folder`) for paper: each `<a href>` that is relative
    /// to the page becomes an absolute link to the published site when `baseURL` is known, and text
    /// otherwise, as `forPaper` does for a text. Other elements' addresses (the stylesheet, images) stay
    /// relative: the browser loads them from the local copy.
    package static func anchorsForPaper(_ html: [UInt8], folder: String, baseURL: String?) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(html.count)
        let opening = Array("<a ".utf8), attribute = Array(" href=\"".utf8)
        var index = 0
        while index < html.count {
            guard html[index] == UInt8(ascii: "<"), html[index...].starts(with: opening),
                  let tagEnd = html[index...].firstIndex(of: UInt8(ascii: ">")),
                  let start = (index..<tagEnd).first(where: { html[$0...].starts(with: attribute) }) else {
                result.append(html[index])
                index += 1
                continue
            }
            let valueStart = start + attribute.count
            let valueEnd = html[valueStart..<tagEnd].firstIndex(of: UInt8(ascii: "\"")) ?? tagEnd
            let value = String(decoding: html[valueStart..<valueEnd], as: UTF8.self)
            result += html[index..<start]
            // Relative to the page: not a fragment, not from the root, not with a scheme.
            if let first = value.first, first != "#", first != "/", !BodyLinkCheck.hasScheme(value) {
                if let baseURL { result += Array(" href=\"\(baseURL)\(BodyLinkCheck.resolve(value, from: folder))\"".utf8) }
            } else {
                result += html[start...valueEnd]
            }
            index = min(html.count, valueEnd + 1)
        }
        return result
    }

    /// `html` with each `href`/`src` value replaced by `rewrite(value, isHref)`; a `nil` href is
    /// removed with its attribute (the link becomes text).
    private static func rewriting(_ html: String, _ rewrite: (String, Bool) -> String?) -> String {
        let bytes = Array(html.utf8)
        guard mayNeedRelinking(bytes) else { return html }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            guard let attributeEnd = attributeValueStart(in: bytes, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let isHref = bytes[index] == UInt8(ascii: "h")
            let valueEnd = bytes[attributeEnd...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            let value = String(decoding: bytes[attributeEnd..<valueEnd], as: UTF8.self)
            if let replacement = rewrite(value, isHref) {
                result += bytes[index..<attributeEnd]
                result += Array(replacement.utf8)
                index = valueEnd
            } else {
                // Drop ` href="…"` whole: the space before it, the attribute and its closing quote.
                if result.last == UInt8(ascii: " ") || result.last == UInt8(ascii: "\n") { result.removeLast() }
                index = min(bytes.count, valueEnd + 1)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func rewritten(_ value: String, links: Links, slug: String, onDeclarationPage: Bool) -> String {
        if value.hasPrefix("#") {
            return onDeclarationPage ? value : links.declaration(slug) + value
        }
        if value.hasPrefix("/") && !value.hasPrefix("//") {
            return links.path(inTree(String(value.dropFirst()), links.tree))
        }
        return value
    }

    /// `sitePath` in the language tree `tree` (`fr/`) when every site language has that page (the home
    /// page, the declarations and commitments indexes, cities and countries); otherwise as it is (a
    /// declaration, a commitment, a report, an asset: the site's own).
    static func inTree(_ sitePath: String, _ tree: String) -> String {
        guard !tree.isEmpty else { return sitePath }
        let end = sitePath.firstIndex { $0 == "#" || $0 == "?" } ?? sitePath.endIndex
        let page = sitePath[..<end]
        let isEverywhere = page.isEmpty || page == DeclarationsIndexOutput.route.path || page == CommitmentsIndexOutput.route.path
            || (page.hasSuffix("/") && (page.hasPrefix(CitiesIndexOutput.route.path) || page.hasPrefix(CountriesIndexOutput.route.path))
                && page.dropLast().split(separator: "/").count <= 2)
        return isEverywhere ? tree + sitePath : sitePath
    }

    /// The index just after `href="` or `src="` when one starts at `index`.
    private static func attributeValueStart(in bytes: [UInt8], at index: Int) -> Int? {
        for name in [hrefPrefix, srcPrefix] where bytes.count - index >= name.count {
            if bytes[index] == name[0], bytes[index..<(index + name.count)].elementsEqual(name) {
                // `data-href="…"` is not a link: the attribute must start a word.
                if index > 0, bytes[index - 1] != UInt8(ascii: " ") && bytes[index - 1] != UInt8(ascii: "\n") { return nil }
                return index + name.count
            }
        }
        return nil
    }

    private static let hrefPrefix = Array("href=\"".utf8)
    private static let srcPrefix = Array("src=\"".utf8)

    /// Whether `="/` or `="#` occurs at all (most texts have no such link: nothing to copy).
    private static func mayNeedRelinking(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == UInt8(ascii: "=") && bytes[index + 1] == UInt8(ascii: "\"") {
            let next = bytes[index + 2]
            if next == UInt8(ascii: "/") || next == UInt8(ascii: "#") { return true }
        }
        return false
    }
}
