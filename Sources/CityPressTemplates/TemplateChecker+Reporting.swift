import CityPressCore

/// How the checker words and lists what it finds: each tag once, at most `maximumReported` per
/// template, with the page it was checked for.
extension TemplateChecker {
    /// Reports that no context has a field `name`, at its tag.
    mutating func reportUnknown(_ name: String, at position: TemplatePosition, in template: String) {
        // The message (with its "did you mean", which compares every name in scope) is made only
        // for a problem that is listed.
        guard admits(position, in: template) else { return }
        let message = unknownMessage(name)
        found.append(.error(message, at: location(of: template, at: position), notes: nestedGuess(name) + context(of: template)))
    }

    /// "did you mean 'page.title'?" when an object in scope has the field: a page's title lives in its `page`.
    private func nestedGuess(_ name: String) -> [String] {
        for frame in frames.reversed() {
            guard case .object(let schema) = frame.value else { continue }
            for field in schema.fields {
                switch field.kind {
                case .object(let type), .optionalObject(let type):
                    if type.templateSchema.field(named: name) != nil { return ["did you mean '\(field.name).\(name)'?"] }
                default:
                    continue
                }
            }
        }
        return []
    }

    private func unknownMessage(_ name: String) -> String {
        var contexts: [String] = []
        var names: [String] = []
        for frame in frames.reversed() {
            guard case .object(let schema) = frame.value else { continue }
            contexts.append(frame.description)
            names += schema.names
        }
        let subject = switch contexts.count {
        case 0: "nothing here has a field '\(name)'"
        case 1: "\(contexts[0]) has no field '\(name)'"
        case 2: "neither \(contexts[0]) nor \(contexts[1]) has a field '\(name)'"
        default: "none of \(contexts.dropLast().joined(separator: ", ")) and \(contexts[contexts.count - 1]) has a field '\(name)'"
        }
        return subject + suggestion(for: name, among: names)
    }

    func suggestion(for name: String, among names: [String]) -> String {
        Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    }

    mutating func report(_ message: String, at position: TemplatePosition, in template: String, notes: [String] = []) {
        guard admits(position, in: template) else { return }
        found.append(.error(message, at: location(of: template, at: position), notes: notes + context(of: template)))
    }

    /// Whether a problem at this tag is listed: once per tag, and at most `maximumReported` per template.
    private mutating func admits(_ position: TemplatePosition, in template: String) -> Bool {
        guard reported.insert("\(template):\(position.line):\(position.column)").inserted else { return false }
        guard listed[template, default: 0] < Self.maximumReported else {
            omitted[template, default: 0] += 1
            return false
        }
        listed[template, default: 0] += 1
        return true
    }

    /// A note saying which page the tag was checked for, when the tag is not in that page's own template.
    private func context(of template: String) -> [String] {
        guard template != entry.template else { return [] }
        guard let include = trail.last(where: { $0.target == template }) else {
            return ["checked as part of '\(entry.template)' (\(entry.description))"]
        }
        let from = location(of: include.from, at: include.at)
        return include.isParent
            ? ["checked as the parent of \(from) (\(entry.description))"]
            : ["checked as included by \(from) (\(entry.description))"]
    }

    func location(of template: String, at position: TemplatePosition) -> SourceLocation {
        sources[template]?.location(line: position.line, column: position.column)
            ?? SourceLocation(path: template + ".mustache", line: position.line, column: position.column)
    }

    /// The tag at `position` as its template writes it when it is `{{&…}}`.
    func ampersandTag(at position: TemplatePosition, in template: String) -> String? {
        ampersandTags[template]?[position]
    }

    /// Every `{{&…}}` tag of `source` (written with the default delimiters), by position, found in one
    /// reading of each line's bytes: looking each up from its line's start cost a walk along the line per
    /// tag, and so did looking for each one's `}}` afresh when thousands of `{{&` share one far `}}`
    /// (both made a template of one long line quadratic; the fuzzer found each).
    /// The most bytes of a `{{&…}}` tag quoted as written.
    static let longestQuotedTag = 200

    static func ampersandTags(in source: SourceText) -> [TemplatePosition: String] {
        var tags: [TemplatePosition: String] = [:]
        guard source.text.contains("{{&") else { return tags }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), ampersand = UInt8(ascii: "&")
        for (index, line) in source.lines.enumerated() {
            let bytes = Array(line.utf8)
            // `column`: the 1-based column, in Unicode scalars, of `offset`; `closing`: the first `}}` at or
            // after the last place looked from (only moves forward).
            var column = 1, offset = 0, closing = 0
            while offset + 2 < bytes.count {
                guard bytes[offset] == open, bytes[offset + 1] == open, bytes[offset + 2] == ampersand else {
                    if bytes[offset] & 0xC0 != 0x80 { column += 1 }  // a scalar's first byte
                    offset += 1
                    continue
                }
                closing = max(closing, offset + 3)
                while closing + 1 < bytes.count, !(bytes[closing] == close && bytes[closing + 1] == close) { closing += 1 }
                if closing + 1 < bytes.count {
                    // Quoted in messages about the tag: a tag longer than any field name is kept short (thousands
                    // of `{{&` before one far `}}` would otherwise each copy the rest of the line).
                    var end = closing + 2, cut = ""
                    if end - offset > Self.longestQuotedTag {
                        end = offset + Self.longestQuotedTag
                        while bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
                        cut = "…"
                    }
                    tags[TemplatePosition(line: index + 1, column: column)] = String(decoding: bytes[offset..<end], as: UTF8.self) + cut
                }
                offset += 3
                column += 3
            }
        }
        return tags
    }

    func dotted(_ path: [FieldName]) -> String {
        path.isEmpty ? "." : path.map(\.text).joined(separator: ".")
    }
}
