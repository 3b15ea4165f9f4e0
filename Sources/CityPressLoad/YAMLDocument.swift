import CityPressCore
import CityPressMarkdown
import Yams

/// A YAML mapping read from a content file, with typed accessors that record a
/// diagnostic (with line and column) for every missing, mistyped or unknown field.
///
/// Field names are spelled in each record's `YAMLFields` enum; everything after the load stage
/// uses typed records.
package struct YAMLDocument {
    package let source: SourceText
    /// Lines before the YAML text in its file (front matter starts after the `---` line).
    package let lineOffset: Int
    package private(set) var diagnostics: [Diagnostic] = []
    private var fields: [String: (key: YAMLNode, value: YAMLNode)] = [:]
    /// The "missing required field" errors made so far, by field: an unknown field that is the missing
    /// one misspelt (`start_dte`) moves its error there (`warnAboutUnknownFields`).
    private var missingFields: [String: Int] = [:]
    private let rootLocation: SourceLocation

    /// Parses `yaml` (part of `source`, starting after `lineOffset` lines); `nil` when it is not
    /// a mapping or not YAML, with the reason in `diagnostics`.
    package init(yaml: String, source: SourceText, lineOffset: Int) {
        self.source = source
        self.lineOffset = lineOffset
        self.rootLocation = source.location(line: lineOffset + 1, column: 1)
        if let pairs = FlatYAML.pairs(yaml) {
            for pair in pairs { if let name = pair.key.scalarText { fields[name] = (pair.key, pair.value) } }
            return
        }
        let text = YAMLMistakes.clearingBlankLines(yaml)
        if let anchor = YAMLAnchors.first(in: text) {
            let isAlias = anchor.written.hasPrefix("*")
            diagnostics.append(.error(
                "YAML \(isAlias ? "alias" : "anchor") '\(anchor.written)' in a content file",
                at: source.location(line: anchor.line + lineOffset, column: anchor.column),
                notes: ["content files take no anchors (&name) or aliases (*name): write each value out where it is meant",
                        "a value that starts with & or * is written in quotes: \"\(anchor.written)…\""]))
            return
        }
        let node: YAMLNode?
        do {
            // UTF-8 named explicitly: `.default` reads the process environment on every call. The basic
            // resolver tags every scalar as a string: fields are typed here, and resolving tags ran ICU
            // regular expressions on every scalar (6 % of a 10,000-city build).
            node = try Yams.compose(yaml: text, .basic, .default, .utf8).map(YAMLNode.init)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, source: source, lineOffset: lineOffset))
            return
        } catch {
            diagnostics.append(.error("malformed YAML", at: rootLocation))
            return
        }
        guard let node, case .mapping(let mapping, _) = node else {
            let location = node.map { self.location(of: $0) } ?? rootLocation
            diagnostics.append(.error("expected a mapping of fields (`name: value` lines)", at: location))
            return
        }
        for pair in mapping {
            guard let name = pair.key.scalarText else {
                diagnostics.append(.error("field names must be plain words", at: location(of: pair.key)))
                continue
            }
            if let first = fields[name] {
                diagnostics.append(.error("field '\(name)' is given twice", at: location(of: pair.key),
                                          notes: ["first given at \(location(of: first.key))"]))
                continue
            }
            fields[name] = (pair.key, pair.value)
        }
    }

    /// Whether the YAML could be read as a mapping.
    package var isValid: Bool { !diagnostics.containsErrors }

    /// The value of the field `key` as YAML, for files whose fields are lists and mappings of their own
    /// (an interface table's `text:`); `nil` when absent.
    package func node(_ key: String) -> YAMLNode? { fields[key]?.value }

    /// Adds a problem found while reading the document's nodes.
    package mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The location of a node in the whole file.
    package func location(of node: YAMLNode) -> SourceLocation {
        guard let position = node.position else { return rootLocation }
        return source.location(line: position.line + lineOffset, column: position.column)
    }

    /// The location of the field `key` (its name), or of the mapping when absent.
    package func location(ofField key: String) -> SourceLocation {
        fields[key].map { location(of: $0.key) } ?? rootLocation
    }

    /// The location of the value of the field `key`, or of the mapping when absent.
    package func location(ofValue key: String) -> SourceLocation {
        fields[key].map { location(of: $0.value) } ?? rootLocation
    }

    private func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, let isPlain, _) = node else { return false }
        guard isPlain else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A string field. Records "missing required field" when `required` and absent or empty.
    package mutating func string(_ key: String, required: Bool) -> String? {
        guard let (_, value) = fields[key], !isNull(value) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .scalar(let string, let isPlain, _) = value else {
            diagnostics.append(.error("field '\(key)' must be a single line of text, not \(describe(value))",
                                      at: location(of: value)))
            return nil
        }
        let text = string.trimmingWhitespace()
        warnAboutTypographicQuotes(text, isPlain: isPlain, of: key, at: value)
        if text.isEmpty {
            if required { diagnostics.append(.error("field '\(key)' must not be empty", at: location(of: value))) }
            return nil
        }
        return text
    }

    /// A `YYYY-MM-DD` date field.
    package mutating func date(_ key: String, required: Bool) -> Located<CalendarDate>? {
        guard let text = string(key, required: required), let node = fields[key]?.value else { return nil }
        guard let date = CalendarDate(iso: text) else {
            // Written as a date, with no such day (`2025-02-30`), it is told why, not how to write a date.
            let message = CalendarDate.whyNoDay(text) != nil
                ? "field '\(key)' names no day of the calendar: '\(text)'" : "field '\(key)' must be a date written YYYY-MM-DD, not '\(text)'"
            diagnostics.append(.error(message, at: location(of: node), notes: CalendarDate.whyNoDay(text).map { [$0] } ?? []))
            return nil
        }
        return Located(date, at: location(of: node))
    }

    /// A `true`/`false` field; `false` when absent.
    package mutating func bool(_ key: String) -> Bool {
        guard let node = fields[key]?.value, !isNull(node) else { return false }
        if case .scalar(let text, true, _) = node {
            if text == "true" { return true }
            if text == "false" { return false }
        }
        diagnostics.append(.error("field '\(key)' must be true or false", at: location(of: node)))
        return false
    }

    /// The items of the list field `key`; none, with an error, when it is missing (and `required`) or not a list.
    private mutating func listItems(_ key: String, required: Bool) -> [YAMLNode] {
        guard let (_, value) = fields[key], !isNull(value) else {
            if required { reportMissing(key) }
            return []
        }
        guard case .sequence(let sequence, _) = value else {
            diagnostics.append(.error("field '\(key)' must be a list (`- item` lines), not \(describe(value))",
                                      at: location(of: value)))
            return []
        }
        return sequence
    }

    /// A list of single-line strings, each with its location.
    package mutating func stringList(_ key: String, required: Bool) -> [Located<String>] {
        let sequence = listItems(key, required: required)
        var items: [Located<String>] = []
        for item in sequence {
            guard case .scalar(let string, let isPlain, _) = item, !isNull(item) else {
                diagnostics.append(.error("each entry of '\(key)' must be a single word, not \(describe(item))",
                                          at: location(of: item)))
                continue
            }
            let text = string.trimmingWhitespace()
            warnAboutTypographicQuotes(text, isPlain: isPlain, of: key, at: item)
            items.append(Located(text, at: location(of: item)))
        }
        return items
    }

    /// A declaration's signatories: each entry a city's slug, or a mapping `{city: slug, endorsed: YYYY-MM-DD}`.
    /// A malformed entry is an error at its line and is left out.
    package mutating func signatoryList(_ key: String, required: Bool) -> [SignatoryEntry] {
        let sequence = listItems(key, required: required)
        var entries: [SignatoryEntry] = []
        for item in sequence {
            switch item {
            case .scalar(let string, let isPlain, _) where !isNull(item):
                let text = string.trimmingWhitespace()
                warnAboutTypographicQuotes(text, isPlain: isPlain, of: key, at: item)
                entries.append(SignatoryEntry(city: Located(text, at: location(of: item))))
            case .mapping(let mapping, _):
                if let entry = signatoryEntry(mapping, at: item, of: key) { entries.append(entry) }
            default:
                diagnostics.append(.error(
                    "each entry of '\(key)' must be a city's slug or a mapping like {city: vienna, endorsed: 2023-05-02}, not \(describe(item))",
                    at: location(of: item)))
            }
        }
        return entries
    }

    /// `{city: slug, endorsed: YYYY-MM-DD}` in a list of signatories.
    private mutating func signatoryEntry(_ mapping: [YAMLNode.Pair], at node: YAMLNode, of key: String) -> SignatoryEntry? {
        typealias Field = SignatoryEntry.Field
        var city: Located<String>?, endorsed: Located<CalendarDate>?, valid = true
        for (name, value) in mapping.map({ ($0.key, $0.value) }) {
            let field = name.scalarText.flatMap { Field(rawValue: $0) }
            guard let field, case .scalar(let string, _, _) = value, !isNull(value) else {
                valid = false
                if let field {
                    diagnostics.append(.error("'\(field.rawValue)' in an entry of '\(key)' needs a value", at: location(of: name)))
                } else {
                    let word = name.scalarText ?? describe(name)
                    var message = "unknown key '\(word)' in an entry of '\(key)'"
                    if let guess = Suggestion.closest(to: word, among: Field.names) { message += " (did you mean '\(guess)'?)" }
                    diagnostics.append(.error(message, at: location(of: name),
                                              notes: ["an entry is a city's slug, or {city: slug, endorsed: YYYY-MM-DD}"]))
                }
                continue
            }
            let text = string.trimmingWhitespace()
            switch field {
            case .city:
                city = Located(text, at: location(of: value))
            case .endorsed:
                guard let date = CalendarDate(iso: text) else {
                    let message = CalendarDate.whyNoDay(text) != nil
                        ? "'endorsed' names no day of the calendar: '\(text)'" : "'endorsed' must be a date written YYYY-MM-DD, not '\(text)'"
                    diagnostics.append(.error(message, at: location(of: value),
                                              notes: CalendarDate.whyNoDay(text).map { [$0] } ?? []))
                    valid = false
                    continue
                }
                endorsed = Located(date, at: location(of: value))
            }
        }
        guard let city else {
            if valid {
                diagnostics.append(.error("an entry of '\(key)' with 'endorsed' must name its city: {city: slug, endorsed: YYYY-MM-DD}",
                                          at: location(of: node)))
            }
            return nil
        }
        return valid ? SignatoryEntry(city: city, endorsed: endorsed) : nil
    }

    /// Whether the name of a field in the mapping satisfies `predicate`.
    package func containsField(where predicate: (String) -> Bool) -> Bool {
        fields.keys.contains(where: predicate)
    }

    /// Records a warning for every field not in `known`, with a suggestion when one is close.
    package mutating func warnAboutUnknownFields(known: [String]) {
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            var notes: [String] = []
            let guess = Suggestion.closest(to: name, among: known)
            // The misspelt name of a required field that is missing: one error, where the mistake is.
            if let guess, let missing = missingFields.removeValue(forKey: guess) {
                diagnostics[missing] = .error("missing required field '\(guess)'", at: location(of: field.key),
                                              notes: ["'\(name)' is no field: did you mean '\(guess)'?"])
                continue
            }
            if let guess { notes.append("did you mean '\(guess)'?") }
            notes.append("known fields: \(known.joined(separator: ", "))")
            diagnostics.append(.warning("unknown field '\(name)' is ignored", at: location(of: field.key), notes: notes))
        }
    }

    private mutating func reportMissing(_ key: String) {
        missingFields[key] = diagnostics.count
        diagnostics.append(.error("missing required field '\(key)'", at: rootLocation))
    }

    /// Word processors turn `"` into `“`, and YAML keeps those in the value: a name pasted as
    /// `“Budavár”` would be filed under "#" in A–Z lists. Written in quotes (`"“Budavár”"`), they are meant.
    private mutating func warnAboutTypographicQuotes(_ text: String, isPlain: Bool, of key: String,
                                                     at node: YAMLNode) {
        guard isPlain, let inner = YAMLMistakes.unwrappingTypographicQuotes(text) else { return }
        let first = text.unicodeScalars.first.map(String.init) ?? "", last = text.unicodeScalars.last.map(String.init) ?? ""
        diagnostics.append(.warning(
            "the value of '\(key)' is wrapped in typographic quotes \(first)…\(last), which become part of it",
            at: location(of: node), notes: ["use straight quotes \"…\" or none: \(inner)"]))
    }

    private func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let text, _, _): return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    package static func diagnostic(for error: YamlError, source: SourceText, lineOffset: Int) -> Diagnostic {
        /// libyaml reports problems found at the end of the text on the empty line after it;
        /// point at the end of the last line with text instead, where the reader can see it.
        func at(_ mark: Mark) -> SourceLocation {
            func isBlank(_ line: Int) -> Bool {
                !source.lines.indices.contains(line - 1) || source.lines[line - 1].allSatisfy(\.isWhitespace)
            }
            var line = mark.line + lineOffset, column = mark.column
            while line > max(1, lineOffset + 1), isBlank(line) {
                line -= 1
                column = isBlank(line) ? 1 : source.lines[line - 1].unicodeScalars.count + 1
            }
            return source.location(line: line, column: column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let location = at(mark)
            let line = source.lines.indices.contains(location.line - 1) ? source.lines[location.line - 1] : nil
            if let plain = YAMLMistakes.explain(problem, at: location, line: line) { return plain }
            // What libyaml finds only lines later: a quote left open, a field indented by mistake.
            if let earlier = YAMLMistakes.explainEarlier(lines: source.lines, from: lineOffset + 1, through: location.line, source: source) {
                return earlier
            }
            let notes = context.map { ["\($0.text) at \(at($0.mark))"] } ?? []
            return .error("malformed YAML: \(problem)", at: at(mark), notes: notes)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("field '\(duplicates.joined(separator: "', '"))' is given twice", at: at(context.mark))
        case let .reader(problem, offset, _, yaml):
            // `offset` counts Characters of the text given to libyaml.
            guard let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
                return .error("malformed YAML: \(problem)", at: source.location(line: lineOffset + 1, column: 1))
            }
            let before = yaml[..<index]
            let line = before.utf8.reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } }
            let column = (before.lastIndex(of: "\n").map { before[before.index(after: $0)...] } ?? before)
                .unicodeScalars.count + 1
            return .error("malformed YAML: \(problem)", at: source.location(line: line + lineOffset, column: column))
        default:
            return .error("malformed YAML", at: source.location(line: lineOffset + 1, column: 1))
        }
    }
}
