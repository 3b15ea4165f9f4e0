#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An attribute the scanner kept: which one, where its name starts, and its value's bytes
/// (still with character references: `&amp;`).
package struct HTMLAttribute: Sendable {
    package var name: HTMLAttributeName
    /// Byte offset of the attribute's name in the document.
    package var offset: Int
    /// The value's bytes, without quotes; empty for an attribute written without a value.
    package var value: Range<Int>
}

/// What the scanner found next.
package enum HTMLToken: Sendable {
    /// A start tag at `offset` (of its `<`); its attributes are the scanner's `attributes`.
    case startTag(HTMLElement, offset: Int)
    /// An end tag at `offset`.
    case endTag(HTMLElement, offset: Int)
    /// Text between tags, or the shown raw text of a `title` or `textarea`.
    case text(Range<Int>)
}

/// Splits an HTML document's bytes into tags and text the way HTML5's tokenizer does, as far as the
/// checks need: comments, `<!DOCTYPE>`, CDATA and processing instructions are skipped; the content of
/// `script` and `style` is skipped to its end tag; attribute values may be double-quoted,
/// single-quoted or unquoted; names are not case-sensitive; a `>` inside a quoted value does not end
/// the tag. It works on bytes and makes no strings: a 10,000-city site is 160 MB of HTML.
package struct HTMLScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The raw-text element whose content comes next (set after its start tag).
    private var rawTextElement: HTMLElement?
    /// Room for the attributes of the last start tag the checks care about: the first `keptCount` are
    /// that tag's (the first of two with one name wins). Slots are overwritten, never removed: emptying
    /// an array for each of a site's three million tags was a tenth of the scan.
    private var slots: [HTMLAttribute]
    private var keptCount = 0

    /// A scanner over `bytes`, which must stay valid while it is used.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // One slot per attribute the checks know: no tag keeps more.
        slots = Array(repeating: HTMLAttribute(name: .id, offset: 0, value: 0..<0), count: HTMLAttributeName.allCases.count)
    }

    /// Where the next token starts.
    package var offset: Int { position }

    /// Whether the next token is the raw text of a `script`, `style`, `title` or `textarea`: only
    /// between two tokens of ordinary markup may the scanner be moved (`skip(to:)`).
    package var isInRawText: Bool { rawTextElement != nil }

    /// Whether the last token was the shown text of a `title` or `textarea`: it ends where the
    /// element's end tag is, found by reading on, so where it ends says something of what follows.
    package private(set) var endedShownRawText = false

    /// Moves to `offset`, which must start a token of ordinary markup, as if every token before it had been read.
    package mutating func skip(to offset: Int) {
        position = min(offset, bytes.count)
    }

    /// The attributes of the last start tag the checks care about.
    package var attributes: ArraySlice<HTMLAttribute> { slots[..<keptCount] }

    /// Calls `body` with the attributes of the last start tag, without copying them.
    @inline(__always)
    package func withAttributes<T>(_ body: (UnsafeBufferPointer<HTMLAttribute>) -> T) -> T {
        slots.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<keptCount])) }
    }

    /// The next tag or text, or `nil` at the end of the document.
    package mutating func next() -> HTMLToken? {
        endedShownRawText = false
        while true {
            if let element = rawTextElement {
                rawTextElement = nil
                let start = position
                position = endOfRawText(of: element, from: start)
                if element.rawText.isShown, position > start {
                    endedShownRawText = true
                    return .text(start..<position)
                }
                continue
            }
            let count = bytes.count
            guard position < count else { return nil }
            let start = position
            if bytes[start] != UInt8(ascii: "<") {
                position = find(UInt8(ascii: "<"), from: start) ?? count
                return .text(start..<position)
            }
            guard start + 1 < count else { position = count; return .text(start..<count) }
            let next = bytes[start + 1]
            if Self.isLetter(next) { return startTag(at: start) }
            if next == UInt8(ascii: "/") {
                if start + 2 < count, Self.isLetter(bytes[start + 2]) { return endTag(at: start) }
                position = (find(UInt8(ascii: ">"), from: start + 2) ?? count - 1) + 1  // `</>` or a bogus comment
                continue
            }
            if next == UInt8(ascii: "!") { position = endOfMarkupDeclaration(at: start); continue }
            if next == UInt8(ascii: "?") { position = (find(UInt8(ascii: ">"), from: start + 2) ?? count - 1) + 1; continue }
            // A `<` that starts no tag is text.
            position = find(UInt8(ascii: "<"), from: start + 1) ?? count
            return .text(start..<position)
        }
    }

    private mutating func startTag(at start: Int) -> HTMLToken {
        let count = bytes.count
        var index = start + 1
        while index < count, !Self.endsName(bytes[index]) { index += 1 }
        let element = HTMLElement(HTMLName(bytes: bytes, start: start + 1, end: index))
        keptCount = 0
        index = readAttributes(from: index, keeping: true)
        position = index
        if element.rawText.isRaw { rawTextElement = element }
        return .startTag(element, offset: start)
    }

    private mutating func endTag(at start: Int) -> HTMLToken {
        let count = bytes.count
        var index = start + 2
        while index < count, !Self.endsName(bytes[index]) { index += 1 }
        let element = HTMLElement(HTMLName(bytes: bytes, start: start + 2, end: index))
        // An end tag has no attributes worth reading: its `>` ends it unless a quote comes first.
        if let close = find(UInt8(ascii: ">"), from: index), !containsQuote(index..<close) {
            position = close + 1
        } else {
            position = readAttributes(from: index, keeping: false)
        }
        return .endTag(element, offset: start)
    }

    /// Reads attributes up to the tag's `>` and returns the offset after it; keeps the known ones.
    private mutating func readAttributes(from offset: Int, keeping: Bool) -> Int {
        let count = bytes.count
        var index = offset
        while true {
            while index < count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return count }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte == UInt8(ascii: "/") { index += 1; continue }
            let nameStart = index
            // The name, packed as it is read (`HTMLName`); it may start with `=`.
            var packed = UInt64(HTMLName.lowercased(byte)), shift: UInt64 = 8
            index += 1
            while index < count {
                let byte = bytes[index]
                if Self.endsAttributeName(byte) { break }
                if shift < 64 { packed |= UInt64(HTMLName.lowercased(byte)) << shift; shift += 8 }
                index += 1
            }
            let nameEnd = index
            while index < count, Self.isSpace(bytes[index]) { index += 1 }
            var value = nameEnd..<nameEnd
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, Self.isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let close = find(bytes[index], from: index + 1) ?? count
                    value = (index + 1)..<close
                    index = min(count, close + 1)
                } else {
                    let valueStart = index
                    while index < count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = valueStart..<index
                }
            }
            guard keeping,
                  let name = HTMLAttributeName(HTMLName(prefix: packed, length: nameEnd - nameStart), bytes: bytes, start: nameStart),
                  !slots[..<keptCount].contains(where: { $0.name == name }) else { continue }
            slots[keptCount] = HTMLAttribute(name: name, offset: nameStart, value: value)
            keptCount += 1
        }
    }

    /// The offset after a comment (`<!-- … -->`, `<!-->`), a CDATA section or a `<!DOCTYPE …>` at `start`.
    private func endOfMarkupDeclaration(at start: Int) -> Int {
        let count = bytes.count
        if matches("<!--", at: start) {
            var index = start + 4
            if matches(">", at: index) { return index + 1 }
            if matches("->", at: index) { return index + 2 }
            while let dash = find(UInt8(ascii: "-"), from: index) {
                if matches("-->", at: dash) { return dash + 3 }
                if matches("--!>", at: dash) { return dash + 4 }
                index = dash + 1
            }
            return count
        }
        if matches("<![cdata[", at: start) {
            var index = start + 9
            while let bracket = find(UInt8(ascii: "]"), from: index) {
                if matches("]]>", at: bracket) { return bracket + 3 }
                index = bracket + 1
            }
            return count
        }
        return (find(UInt8(ascii: ">"), from: start + 2) ?? count - 1) + 1
    }

    /// The offset of the `</name` that ends the raw text of `element` begun at `start` (the document's end if none).
    private func endOfRawText(of element: HTMLElement, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        while let open = find(UInt8(ascii: "<"), from: index) {
            index = open + 1
            guard open + 2 < count, bytes[open + 1] == UInt8(ascii: "/") else { continue }
            var end = open + 2
            while end < count, !Self.endsName(bytes[end]) { end += 1 }
            if HTMLElement(HTMLName(bytes: bytes, start: open + 2, end: end)) == element { return open }
        }
        return count
    }

    /// Whether the ASCII text `literal` (lowercase) is at `offset`, ignoring case.
    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return literal.withUTF8Buffer { text in
            for index in 0..<length where HTMLName.lowercased(bytes[offset + index]) != text[index] { return false }
            return true
        }
    }

    /// The offset of the next `byte` at or after `offset`: the first bytes looked at one by one (most
    /// text between two tags is a line break and some spaces), then with `memchr`.
    @inline(__always)
    private func find(_ byte: UInt8, from offset: Int) -> Int? {
        let count = bytes.count
        let nearEnd = min(count, offset + 16)
        var index = offset
        while index < nearEnd {
            if bytes[index] == byte { return index }
            index += 1
        }
        guard index < count, let base = bytes.baseAddress,
              let found = memchr(base + index, Int32(byte), count - index) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `range` holds a `"` or a `'`.
    @inline(__always)
    private func containsQuote(_ range: Range<Int>) -> Bool {
        for index in range where bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { return true }
        return false
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// HTML's whitespace: space, tab, line feed, form feed, carriage return.
    @inline(__always)
    package static func isSpace(_ byte: UInt8) -> Bool {
        // One bit per byte below 64: tab, line feed, form feed, carriage return, space.
        byte < 64 && (0x1_0000_3600 as UInt64) >> UInt64(byte) & 1 == 1
    }

    /// A space, `/` or `>`: the end of a tag name.
    @inline(__always)
    private static func endsName(_ byte: UInt8) -> Bool {
        byte < 64 && (0x4000_8001_0000_3600 as UInt64) >> UInt64(byte) & 1 == 1
    }

    /// A space, `/`, `=` or `>`: the end of an attribute name.
    @inline(__always)
    private static func endsAttributeName(_ byte: UInt8) -> Bool {
        byte < 64 && (0x6000_8001_0000_3600 as UInt64) >> UInt64(byte) & 1 == 1
    }
}
