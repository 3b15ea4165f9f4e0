import CityPressCore

/// Parses Mustache text into nodes: variables, sections, inverted sections, comments, partials,
/// set-delimiter tags, and template inheritance (parents and blocks). Tags that stand alone on
/// their line (all but variables) take the line with them, as the Mustache specification says.
///
/// Not supported, and reported as errors: lambdas and pragmas (`{{%…}}`), swift-mustache's
/// transforms (`{{uppercased(name)}}`) and dynamic partial names (`{{>*name}}`).
package struct TemplateParser {
    private let bytes: [UInt8]
    private let lines: TemplateLineIndex
    private var position = 0
    /// Where the last tag ended; a tag is standalone only if no other tag shares its line.
    private var lastTagEnd = 0
    private var opening: [UInt8] = Array("{{".utf8)
    private var closing: [UInt8] = Array("}}".utf8)
    /// Where a set-delimiter tag last changed the delimiters to others than `{{ }}`: a section then left
    /// open is often one closed with the old ones.
    private var delimitersChanged: Int?
    private var open: [OpenSection] = []
    private var references: [ParsedTemplate.Reference] = []
    private var fills: [ParsedTemplate.Fill] = []
    /// Set while the parser is inside a line made only of parent and block tags (see `inheritanceLine(from:tagEnd:)`).
    private var inheritanceLine: (lastTagEnd: Int, lineEnd: Int)?

    private struct OpenSection {
        enum Kind { case root, section, inverted, parent, block }
        let kind: Kind
        let name: String
        let start: Int
        var indentation: [UInt8] = []
        var nodes: [TemplateNode] = []
        /// Where the first thing that may not stand here starts: inside a parent, text or a tag other than a
        /// block; at the root, text or a tag other than a parent (an error only when the parent is a whole page).
        var stray: Int?
    }

    private enum TagKind { case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters }

    /// How deep sections, inverted sections, parents and blocks may be nested in one template.
    package static let maximumDepth = 100

    /// Parses `text`, throwing the first syntax error with its line and column.
    package static func parse(_ text: String) throws(TemplateSyntaxError) -> ParsedTemplate {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.run()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        lines = TemplateLineIndex(bytes)
    }

    private mutating func run() throws(TemplateSyntaxError) -> ParsedTemplate {
        open = [OpenSection(kind: .root, name: "", start: 0)]
        while let tagStart = find(opening, from: position) {
            try tag(at: tagStart)
        }
        appendText(position..<bytes.count)
        guard open.count == 1, let root = open.first else {
            let section = open[open.count - 1]
            var unclosed = error("'\(section.name)' is opened here but never closed with {{/\(section.name)}}", at: section.start)
            if let changed = delimitersChanged {
                let delimiters = String(decoding: opening, as: UTF8.self) + " " + String(decoding: closing, as: UTF8.self)
                unclosed.notes = ["delimiters were changed to \(delimiters) at line \(lineAndColumn(changed).line) and not changed back"]
            }
            throw unclosed
        }
        var parsed = ParsedTemplate(nodes: root.nodes, references: references, fills: fills)
        if let stray = root.stray, let parent = root.nodes.lazy.compactMap(\.parentName).first {
            parsed.outsideParent = (parent, lines.position(of: stray))
        }
        return parsed
    }

    private mutating func tag(at tagStart: Int) throws(TemplateSyntaxError) {
        var contentStart = tagStart + opening.count
        let contentEnd: Int
        let tagEnd: Int
        var kind: TagKind
        // What closes the tag, as messages quote it: `}}}` after `{{{`.
        var closer = String(decoding: closing, as: UTF8.self)
        if contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") {
            closer = "}" + closer
            guard let end = find([UInt8(ascii: "}")] + closing, from: contentStart + 1) else {
                throw error("a tag is not closed with '}\(String(decoding: closing, as: UTF8.self))'", at: tagStart)
            }
            kind = .unescaped
            contentStart += 1
            contentEnd = end
            tagEnd = end + 1 + closing.count
        } else {
            guard let end = find(closing, from: contentStart) else {
                throw error("a tag is not closed with '\(String(decoding: closing, as: UTF8.self))'", at: tagStart)
            }
            contentEnd = end
            tagEnd = end + closing.count
            kind = .variable
            if contentStart < contentEnd {
                switch bytes[contentStart] {
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "="): kind = .delimiters
                case UInt8(ascii: "%"): throw error("pragmas ({{%…}}) are not supported", at: tagStart)
                default: break
                }
                if kind != .variable { contentStart += 1 }
            }
        }
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
        if kind != .comment, content.contains("\n") || content.contains(String(decoding: opening, as: UTF8.self)) {
            throw error("a tag is not closed with '\(closer)' on its line", at: tagStart)
        }

        // A tag other than a variable that is alone on its line removes the whole line.
        var textEnd = tagStart
        var resume = tagEnd
        var indentation: [UInt8] = []
        if let line = inheritanceLine {
            // A later tag of a line of inheritance tags: the spaces before it go, and the last one takes the line end.
            textEnd = position
            if tagEnd >= line.lastTagEnd {
                resume = line.lineEnd
                inheritanceLine = nil
            }
        } else if kind != .variable, kind != .unescaped, let lineStart = standaloneLineStart(tagStart: tagStart) {
            if let lineEnd = standaloneLineEnd(tagEnd: tagEnd) {
                textEnd = lineStart
                resume = lineEnd
                indentation = Array(bytes[lineStart..<tagStart])
            } else if let line = inheritanceLine(from: kind, tagEnd: tagEnd) {
                textEnd = lineStart
                indentation = Array(bytes[lineStart..<tagStart])
                inheritanceLine = line
            }
        }
        appendText(position..<textEnd)
        position = resume
        lastTagEnd = resume

        switch kind {
        case .comment:
            break
        case .delimiters:
            try setDelimiters(content, at: tagStart)
        case .variable, .unescaped:
            append(.variable(path: try path(content, at: tagStart), escaped: kind == .variable,
                             at: lines.position(of: tagStart)), from: tagStart)
        case .partial:
            let name = try templateName(content, at: tagStart)
            record(name, at: tagStart, isParent: false)
            append(.partial(name: name, indentation: indentation, at: lines.position(of: tagStart)), from: tagStart)
        case .section, .inverted, .block, .parent:
            let name = trimmed(content)
            if kind == .parent { record(try templateName(content, at: tagStart), at: tagStart, isParent: true) }
            else if kind == .block { _ = try templateName(content, at: tagStart) }
            else { _ = try path(content, at: tagStart) }
            let sectionKind: OpenSection.Kind = switch kind {
            case .section: .section
            case .inverted: .inverted
            case .block: .block
            default: .parent
            }
            // Deeper nesting is no template anyone writes; unbounded, 4,000 nested sections would
            // overflow the stack of every stage that walks the nodes.
            guard open.count <= Self.maximumDepth else {
                throw error("sections, parents and blocks are nested more than \(Self.maximumDepth) deep", at: tagStart)
            }
            open.append(OpenSection(kind: sectionKind, name: name, start: tagStart, indentation: indentation))
        case .close:
            try close(trimmed(content), at: tagStart)
        }
    }

    private mutating func close(_ name: String, at tagStart: Int) throws(TemplateSyntaxError) {
        guard open.count > 1, let section = open.popLast() else {
            throw error("'{{/\(name)}}' closes a section that was never opened", at: tagStart)
        }
        guard section.name == name else {
            let line = lineAndColumn(section.start).line
            if open.dropFirst().contains(where: { $0.name == name }) {
                throw error("'{{/\(name)}}' closes '\(name)', but '\(section.name)' (line \(line)), opened inside it, is not closed yet",
                            at: tagStart)
            }
            throw error("'{{/\(name)}}' closes nothing: '\(section.name)' (line \(line)) is the section open here", at: tagStart)
        }
        switch section.kind {
        case .section, .inverted:
            let path = try path(name, at: section.start)
            append(.section(path: path, inverted: section.kind == .inverted, body: section.nodes,
                            at: lines.position(of: section.start)), from: section.start)
        case .block:
            append(.block(name: name, body: section.nodes, at: lines.position(of: section.start)), from: section.start)
        case .parent:
            var blocks: [String: [TemplateNode]] = [:]
            for node in section.nodes {
                switch node {
                case .block(let blockName, let body, let position):
                    blocks[blockName] = body
                    fills.append(.init(parent: name, block: blockName, at: position))
                case .text(let text) where text.allSatisfy(Self.isWhitespaceOrNewline): continue
                default:
                    throw error("only block definitions ({{$name}}…{{/name}}) may stand inside {{<\(name)}}",
                                at: section.stray ?? section.start)
                }
            }
            append(.parent(name: name, indentation: section.indentation, blocks: blocks,
                           at: lines.position(of: section.start)), from: section.start)
        case .root:
            break
        }
    }

    private mutating func setDelimiters(_ content: String, at tagStart: Int) throws(TemplateSyntaxError) {
        let inner = content.hasSuffix("=") ? String(content.dropLast()) : ""
        let parts = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("malformed set-delimiter tag: write it as {{=<% %>=}}", at: tagStart)
        }
        opening = Array(parts[0].utf8)
        closing = Array(parts[1].utf8)
        delimitersChanged = parts[0] == "{{" && parts[1] == "}}" ? nil : tagStart
    }

    // MARK: Pieces

    /// Appends `node`, which starts at `offset`, to the innermost open section.
    private mutating func append(_ node: TemplateNode, from offset: Int) {
        let innermost = open.count - 1
        let belongs = switch (open[innermost].kind, node) {
        case (.parent, .block), (.root, .parent): true
        default: false
        }
        if !belongs, open[innermost].stray == nil { open[innermost].stray = offset }
        open[innermost].nodes.append(node)
    }

    private mutating func appendText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let text = Array(bytes[range])
        // Beside a parent tag, an HTML comment is as harmless as whitespace (browsers keep comments after
        // `</html>` where they are), so a note left after `{{/layout}}` is no stray text.
        let skipsComments = open[open.count - 1].kind == .root
        guard let visible = firstVisible(in: range, skippingComments: skipsComments) else {
            open[open.count - 1].nodes.append(.text(text))
            return
        }
        append(.text(text), from: visible)
    }

    /// The offset of the first byte in `range` that is not whitespace (nor, with `skippingComments`, inside
    /// a whole `<!-- … -->`).
    private func firstVisible(in range: Range<Int>, skippingComments: Bool) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if Self.isWhitespaceOrNewline(bytes[index]) { index += 1; continue }
            guard skippingComments, bytes[index...].starts(with: "<!--".utf8),
                  let end = Self.end(of: "-->", in: bytes, from: index + 4, before: range.upperBound) else { return index }
            index = end
        }
        return nil
    }

    /// Just past the first `marker` in `bytes` from `start`, if it ends before `limit`.
    private static func end(of marker: String, in bytes: [UInt8], from start: Int, before limit: Int) -> Int? {
        let pattern = Array(marker.utf8)
        var index = start
        while index + pattern.count <= limit {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return nil
    }

    private mutating func record(_ name: String, at offset: Int, isParent: Bool) {
        let (line, column) = lineAndColumn(offset)
        references.append(.init(name: name, line: line, column: column, isParent: isParent))
    }

    /// The start of the tag's line if only spaces and tabs stand between it and the tag.
    private func standaloneLineStart(tagStart: Int) -> Int? {
        var index = tagStart
        while index > lastTagEnd, bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t") {
            index -= 1
        }
        if index == 0 || bytes[index - 1] == UInt8(ascii: "\n") { return index >= lastTagEnd ? index : nil }
        return nil
    }

    /// Just past the tag's line ending if only spaces and tabs follow the tag on its line.
    private func standaloneLineEnd(tagEnd: Int) -> Int? {
        var index = tagEnd
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return index + 2 }
        return nil
    }

    /// Where the line ends if the tag just read (of `kind`, ending at `tagEnd`, first on its line) is followed on
    /// its line only by other parent, block and closing tags, at least one of them a parent's: the specification
    /// makes such a line standalone as a whole (`{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`,
    /// `{{<parent}}{{/parent}}`). Lines of block tags alone (`{{$main}}{{/main}}`) and lines that close sections
    /// keep the ordinary rule, one tag per standalone line.
    private func inheritanceLine(from kind: TagKind, tagEnd: Int) -> (lastTagEnd: Int, lineEnd: Int)? {
        var kinds = open.map(\.kind)
        var hasParent = false
        func apply(_ kind: TagKind) -> Bool {
            switch kind {
            case .parent:
                hasParent = true
                kinds.append(.parent)
            case .block:
                kinds.append(.block)
            case .close:
                guard kinds.count > 1, let closed = kinds.popLast(), closed == .parent || closed == .block else { return false }
                if closed == .parent { hasParent = true }
            default:
                return false
            }
            return true
        }
        guard apply(kind) else { return nil }
        var lastTagEnd = tagEnd
        while true {
            if let lineEnd = standaloneLineEnd(tagEnd: lastTagEnd) { return hasParent ? (lastTagEnd, lineEnd) : nil }
            var index = lastTagEnd
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
            let sigil = index + opening.count
            guard sigil < bytes.count, bytes[index..<sigil].elementsEqual(opening),
                  let end = find(closing, from: sigil + 1) else { return nil }
            let next: TagKind = switch bytes[sigil] {
            case UInt8(ascii: "<"): .parent
            case UInt8(ascii: "$"): .block
            case UInt8(ascii: "/"): .close
            default: .variable
            }
            guard apply(next) else { return nil }
            lastTagEnd = end + closing.count
        }
    }

    private func path(_ content: String, at tagStart: Int) throws(TemplateSyntaxError) -> [FieldName] {
        let name = trimmed(content)
        if name == "." { return [] }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.isNameByte) }) else {
            throw error(name.isEmpty ? "a tag has no name" : "'\(name)' is not a field name (letters, digits, '_', '-', '.')",
                        at: tagStart)
        }
        return parts.map(FieldName.init)
    }

    private func templateName(_ content: String, at tagStart: Int) throws(TemplateSyntaxError) -> String {
        let name = trimmed(content)
        guard !name.isEmpty, !name.utf8.contains(where: { Self.isWhitespaceOrNewline($0) || $0 == UInt8(ascii: "*") }) else {
            throw error(name.isEmpty ? "a tag has no name" : "'\(name)' is not a template name", at: tagStart)
        }
        return name
    }

    private func trimmed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !Self.isWhitespaceOrNewline($0) }),
              let last = bytes.lastIndex(where: { !Self.isWhitespaceOrNewline($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        let position = lines.position(of: offset)
        return (position.line, position.column)
    }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let (line, column) = lineAndColumn(offset)
        return TemplateSyntaxError(message: message, line: line, column: column)
    }

    private static func isWhitespaceOrNewline(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte >= 0x80
    }
}
