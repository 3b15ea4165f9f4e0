/// A tag or attribute name as the scanner reads it: its first eight bytes lowercased and packed
/// into one integer, and its length. Recognising a name is then one integer comparison instead of
/// a string made for every tag of every page (a 10,000-city site has three million tags).
package struct HTMLName: Hashable, Sendable {
    /// Bytes 0–7 of the lowercased name, byte 0 in the lowest bits.
    package var prefix: UInt64
    /// The name's length in bytes.
    package var length: Int

    /// The key of a lowercase ASCII name written in the source code.
    package init(_ name: StaticString) {
        var prefix: UInt64 = 0
        let count = name.utf8CodeUnitCount
        name.withUTF8Buffer { bytes in
            for index in 0..<min(8, bytes.count) { prefix |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        }
        self.prefix = prefix
        self.length = count
    }

    /// The key of the name at `start..<end` of `bytes`, ASCII letters lowercased.
    @inline(__always)
    package init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        var prefix: UInt64 = 0
        var index = start
        let stop = min(end, start + 8)
        var shift: UInt64 = 0
        while index < stop {
            prefix |= UInt64(HTMLName.lowercased(bytes[index])) << shift
            shift += 8
            index += 1
        }
        self.prefix = prefix
        self.length = end - start
    }

    /// `byte` with ASCII capitals made small (HTML names are not case-sensitive).
    @inline(__always)
    package static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}

/// The elements the checks look at; every other element is `.other`.
package enum HTMLElement: Sendable, Equatable {
    case a, area, base, body, head, html, img, link, script, style, svg, textarea, title
    case heading(Int)
    case other

    private enum Key {
        static let a = HTMLName("a"), area = HTMLName("area"), base = HTMLName("base")
        static let body = HTMLName("body"), head = HTMLName("head"), html = HTMLName("html")
        static let img = HTMLName("img"), link = HTMLName("link"), script = HTMLName("script")
        static let svg = HTMLName("svg"), style = HTMLName("style"), textarea = HTMLName("textarea"), title = HTMLName("title")
    }

    /// The element a tag name names.
    @inline(__always)
    package init(_ name: HTMLName) {
        // Headings first by shape: `h` and a digit 1–6.
        if name.length == 2, name.prefix & 0xFF == 0x68 {
            let digit = Int((name.prefix >> 8) & 0xFF) - 0x30
            self = (1...6).contains(digit) ? .heading(digit) : .other
            return
        }
        switch name {
        case Key.a: self = .a
        case Key.img: self = .img
        case Key.link: self = .link
        case Key.script: self = .script
        case Key.style: self = .style
        case Key.title: self = .title
        case Key.html: self = .html
        case Key.head: self = .head
        case Key.body: self = .body
        case Key.base: self = .base
        case Key.svg: self = .svg
        case Key.area: self = .area
        case Key.textarea: self = .textarea
        default: self = .other
        }
    }

    /// Whether the element's content is raw text up to its end tag (no tags inside), and whether
    /// that text is shown (a title's or text area's) rather than code (a script's or style sheet's).
    package var rawText: (isRaw: Bool, isShown: Bool) {
        switch self {
        case .script, .style: (true, false)
        case .title, .textarea: (true, true)
        default: (false, false)
        }
    }
}

/// The attributes the checks look at; the scanner keeps no others.
package enum HTMLAttributeName: Sendable, Equatable {
    case alt, ariaLabel, ariaLabelledBy, href, id, lang, name, poster, src, srcset

    private enum Key {
        static let alt = HTMLName("alt"), ariaLabel = HTMLName("aria-label")
        static let ariaLabelledBy = HTMLName("aria-labelledby"), href = HTMLName("href"), id = HTMLName("id")
        static let lang = HTMLName("lang"), name = HTMLName("name"), poster = HTMLName("poster")
        static let src = HTMLName("src"), srcset = HTMLName("srcset")
        static let labelledBy: [UInt8] = Array("aria-labelledby".utf8)
    }

    /// The attribute at `start..<end` of `bytes`, or `nil` for one the checks ignore.
    @inline(__always)
    package init?(_ name: HTMLName, bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        switch name {
        case Key.href: self = .href
        case Key.id: self = .id
        case Key.src: self = .src
        case Key.alt: self = .alt
        case Key.srcset: self = .srcset
        case Key.lang: self = .lang
        case Key.name: self = .name
        case Key.poster: self = .poster
        case Key.ariaLabel, Key.ariaLabelledBy:
            // Only the first eight bytes are packed: compare the rest.
            for index in 8..<name.length where HTMLName.lowercased(bytes[start + index]) != Key.labelledBy[index] {
                return nil
            }
            self = name.length == 10 ? .ariaLabel : .ariaLabelledBy
        default: return nil
        }
    }
}
