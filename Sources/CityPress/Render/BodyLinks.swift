/// Links inside a declaration's text, made right for the page that shows the text.
///
/// Authors link to other pages of the site from its root (`[…](/declarations/x/#commitment-8)`), so
/// the same text works on the declaration page, its commitment pages, its print edition and the
/// commitments index, which sit at different depths. Each page gets the text with those links made
/// relative to itself (and naming `index.html` when the build is for a local folder).
enum BodyLinks {
    /// `html` with every site-root link (`href="/…"`, `src="/…"`, not `//host`) made relative to the
    /// page of `links`, and every fragment-only link (`href="#…"`) pointed at the page of the
    /// declaration `slug`, unless the page is that declaration's own page.
    static func relinked(_ html: String, links: Links, declarationSlug slug: String, onDeclarationPage: Bool) -> String {
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
            result += bytes[index..<attributeEnd]
            index = attributeEnd
            let valueEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            let value = String(decoding: bytes[index..<valueEnd], as: UTF8.self)
            result += Array(rewritten(value, links: links, slug: slug, onDeclarationPage: onDeclarationPage).utf8)
            index = valueEnd
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func rewritten(_ value: String, links: Links, slug: String, onDeclarationPage: Bool) -> String {
        if value.hasPrefix("#") {
            return onDeclarationPage ? value : links.declaration(slug) + value
        }
        if value.hasPrefix("/") && !value.hasPrefix("//") {
            return links.path(String(value.dropFirst()))
        }
        return value
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
