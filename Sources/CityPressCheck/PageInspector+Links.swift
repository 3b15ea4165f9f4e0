import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The link rules: every `href`, `src`, `srcset` candidate and `poster` that stays in the site names a
/// file of the output, and a `#fragment` names an anchor of its page.
extension PageInspector {
    /// What a URL-valued attribute is, as messages name it.
    enum LinkKind: String {
        case link, src, poster
        case sourceSetCandidate = "srcset candidate"
    }

    /// Checks one URL-valued attribute.
    mutating func check(link attribute: HTMLAttribute, as kind: LinkKind) {
        Self.withValue(of: attribute, in: bytes) { url in
            let target = resolver.resolve(url)
            follow(target, link: url, kind: kind, offset: attribute.offset)
        }
    }

    /// Checks each candidate of a `srcset` (`a.png 1x, b.png 2x`): a URL, then descriptors up to a comma.
    mutating func check(sourceSet attribute: HTMLAttribute) {
        Self.withValue(of: attribute, in: bytes) { value in
            var index = 0
            while index < value.count {
                while index < value.count, HTMLScanner.isSpace(value[index]) || value[index] == UInt8(ascii: ",") { index += 1 }
                let start = index
                while index < value.count, !HTMLScanner.isSpace(value[index]) { index += 1 }
                var end = index
                if end > start, value[end - 1] == UInt8(ascii: ",") {
                    while end > start, value[end - 1] == UInt8(ascii: ",") { end -= 1 }  // `a.png,b.png`: no descriptor
                } else {
                    while index < value.count, value[index] != UInt8(ascii: ",") { index += 1 }
                }
                guard end > start else { continue }
                let url = UnsafeBufferPointer(rebasing: value[start..<end])
                follow(resolver.resolve(url), link: url, kind: .sourceSetCandidate, offset: attribute.offset)
            }
        }
    }

    private mutating func follow(_ target: LinkTarget, link url: UnsafeBufferPointer<UInt8>, kind: LinkKind, offset: Int) {
        let shown = { String(decoding: url, as: UTF8.self).trimmingSpaces }
        var broken: String { "broken \(kind.rawValue) '\(shown())'" }
        switch target {
        case .unchecked: break
        case .external(let address):
            if collectsExternalLinks { changes += 1; result.externalLinks.append(PageInspection.ExternalLink(url: address, offset: offset)) }
        case .file(let target, let fragment):
            guard let fragment, kind == .link else { break }
            if target == entry {
                addOwnFragment(fragment, link: shown(), offset: offset)
            } else if index.isPage[target] {
                changes += 1
                result.fragmentLinks.append(PageInspection.FragmentLink(target: target, fragment: fragment, link: shown(), offset: offset))
            }
        case .missing(let path):
            // A site published below a path (`https://example.org/declarations/`) has root-relative links
            // that start with that path: without the base URL they look broken.
            let rooted = url.first { $0 > 0x20 } == UInt8(ascii: "/")
            problem(at: offset, "\(broken): no file \(path) in the site",
                    notes: rooted && hasNoBaseURL ? ["a link starting with / starts from the site's folder when no base URL is given"] : [],
                    remedy: rooted && hasNoBaseURL ? .chooseBaseURL : nil)
        case .folderWithoutIndex(let folder):
            problem(at: offset, "\(broken): \(folder.isEmpty ? "the site's root folder" : "the folder " + folder) has no index.html")
        case .aboveRoot:
            problem(at: offset, "\(broken): it goes above the site's root folder")
        case .outsideSite:
            problem(at: offset, "\(broken): it is outside the site's base URL",
                    notes: ["links that start with / start from the server's root; the site is published below it"])
        }
    }

    /// Calls `body` with the attribute's value, character references decoded (`&amp;` → `&`).
    static func withValue<T>(of attribute: HTMLAttribute, in bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let raw = UnsafeBufferPointer(rebasing: bytes[attribute.value])
        // Found with `memchr`: a byte-by-byte search here was half the time of handling a tag.
        guard let base = raw.baseAddress, memchr(base, Int32(UInt8(ascii: "&")), raw.count) != nil else { return body(raw) }
        return CharacterReferences.decode(raw).withUnsafeBufferPointer(body)
    }

    /// The attribute's value as text, character references decoded, spaces around it removed.
    func text(of attribute: HTMLAttribute) -> String {
        Self.withValue(of: attribute, in: bytes) { String(decoding: $0, as: UTF8.self) }.trimmingSpaces
    }

    /// Whether `range` of the page has anything but spaces, once its character references are read
    /// (`&nbsp;` and `&#x20;` are no text), no-break and zero-width spaces counted as spaces.
    func hasText(_ range: Range<Int>) -> Bool {
        let raw = bytes[range]
        // Most text has a letter of ASCII and no reference: known from the bytes as they are.
        if !raw.contains(UInt8(ascii: "&")) {
            if raw.contains(where: { $0 < 0x80 && !HTMLScanner.isSpace($0) }) { return true }
            if !raw.contains(where: { $0 >= 0x80 }) { return false }
        }
        return String(decoding: CharacterReferences.decode(raw), as: UTF8.self).unicodeScalars.contains { scalar in
            !(scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}")
        }
    }
}

extension String {
    /// Without HTML's spaces at either end.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0.isASCII && HTMLScanner.isSpace(UInt8($0.value))) }),
              let last = scalars.lastIndex(where: { !($0.isASCII && HTMLScanner.isSpace(UInt8($0.value))) }) else { return "" }
        return String(scalars[first...last])
    }
}
