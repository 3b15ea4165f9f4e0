/// A tag or attribute name as the scanner reads it: its first eight bytes lowercased and packed
/// into one integer, and its length. Recognising a name is then one integer comparison instead of
/// a string made for every tag of every page (a 10,000-city site has three million tags).
package struct HTMLName: Hashable, Sendable {
    /// Bytes 0–7 of the lowercased name, byte 0 in the lowest bits.
    package var prefix: UInt64
    /// The name's length in bytes.
    package var length: Int

    /// A key already packed.
    @inline(__always)
    package init(prefix: UInt64, length: Int) {
        self.prefix = prefix
        self.length = length
    }

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

    /// The element a tag name names. The cases are the packed names (`HTMLName`): literal integers, so
    /// recognising a tag is a jump, not thirteen comparisons with lazily made constants.
    @inline(__always)
    package init(_ name: HTMLName) {
        guard name.length <= 8 else { self = .other; return }
        switch name.prefix {
        case 0x61: self = .a
        case 0x676d69: self = .img
        case 0x6b6e696c: self = .link
        case 0x3168: self = .heading(1)
        case 0x3268: self = .heading(2)
        case 0x3368: self = .heading(3)
        case 0x3468: self = .heading(4)
        case 0x3568: self = .heading(5)
        case 0x3668: self = .heading(6)
        case 0x747069726373: self = .script
        case 0x656c797473: self = .style
        case 0x656c746974: self = .title
        case 0x6c6d7468: self = .html
        case 0x64616568: self = .head
        case 0x79646f62: self = .body
        case 0x65736162: self = .base
        case 0x677673: self = .svg
        case 0x61657261: self = .area
        case 0x6165726174786574: self = .textarea
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
package enum HTMLAttributeName: Sendable, Equatable, CaseIterable {
    case alt, ariaLabel, ariaLabelledBy, href, id, lang, name, poster, src, srcset

    private static let labelledBy: [UInt8] = Array("aria-labelledby".utf8)

    /// The attribute at `start..<end` of `bytes`, or `nil` for one the checks ignore (cases: packed names).
    @inline(__always)
    package init?(_ name: HTMLName, bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        if name.length > 8 {
            // `aria-label` and `aria-labelledby`: only the first eight bytes are packed; compare the rest.
            guard name.prefix == 0x62616c2d61697261, name.length == 10 || name.length == 15 else { return nil }
            for index in 8..<name.length where HTMLName.lowercased(bytes[start + index]) != Self.labelledBy[index] {
                return nil
            }
            self = name.length == 10 ? .ariaLabel : .ariaLabelledBy
            return
        }
        switch name.prefix {
        case 0x66657268: self = .href
        case 0x6469: self = .id
        case 0x637273: self = .src
        case 0x746c61: self = .alt
        case 0x746573637273: self = .srcset
        case 0x676e616c: self = .lang
        case 0x656d616e: self = .name
        case 0x726574736f70: self = .poster
        default: return nil
        }
    }
}
