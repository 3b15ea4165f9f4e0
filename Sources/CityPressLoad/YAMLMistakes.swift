import CityPressCore
import CityPressMarkdown
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The YAML mistakes people make most, explained in plain words in place of libyaml's
/// (`mapping values are not allowed in this context`), and what editors leave in a file that
/// libyaml would refuse although nobody can see it.
package enum YAMLMistakes {
    /// `yaml` with lines of only spaces and tabs made empty. Editors leave indentation on blank
    /// lines, and libyaml rejects a tab there; checked with one `memchr`, as most files have no tab.
    package static func clearingBlankLines(_ yaml: String) -> String {
        var yaml = yaml
        let hasTab = yaml.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, 0x09, buffer.count) != nil
        } ?? yaml.utf8.contains(0x09)
        guard hasTab else { return yaml }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(yaml.utf8.count)
        var line: [UInt8] = []
        var blank = true
        for byte in yaml.utf8 {
            if byte == 0x0A {
                if !blank { bytes += line }
                bytes.append(byte)
                line.removeAll(keepingCapacity: true)
                blank = true
            } else {
                line.append(byte)
                if byte != 0x20, byte != 0x09 { blank = false }
            }
        }
        if !blank { bytes += line }
        yaml = String(decoding: bytes, as: UTF8.self)
        return yaml
    }

    /// A plain diagnostic for libyaml's `problem` at `location`, whose whole line is `line` (a
    /// location quotes only part of a long line), or `nil` when the problem is not one explained here.
    package static func explain(_ problem: String, at location: SourceLocation, line: Substring?) -> Diagnostic? {
        guard let line else { return nil }
        let scalars = Array(line.unicodeScalars)
        let index = location.column - 1
        let atTab = scalars.indices.contains(index) && scalars[index] == "\t"
        if atTab || problem.contains("tab character") {
            let indentation = scalars.prefix { $0 == " " || $0 == "\t" }
            if let tab = atTab ? index : indentation.firstIndex(of: "\t") {
                var at = location
                at.column = tab + 1
                return .error("indent with spaces, not tabs", at: at,
                              notes: ["YAML does not accept a tab where it reads indentation; replace it with spaces"])
            }
        }
        // `*Norway*` or `&co.`: libyaml reads an alias or an anchor up to the first character a name cannot have.
        if problem == "did not find expected alphabetic or numeric character",
           let sign = scalars[..<min(index, scalars.count)].lastIndex(where: { $0 == "*" || $0 == "&" }) {
            var at = location
            at.column = sign + 1
            return .error("put this value in quotes: YAML reads a value that starts with '\(scalars[sign])' as an \(scalars[sign] == "*" ? "alias" : "anchor")",
                          at: at, notes: ["content files take no anchors (&name) or aliases (*name)"])
        }
        if problem == "mapping values are not allowed in this context", let fixed = quotingValue(scalars, colonAt: index) {
            return .error("put this value in quotes: YAML reads ': ' inside it as the start of another field",
                          at: location, notes: ["write the line as: \(fixed)"])
        }
        return nil
    }

    /// A plain diagnostic for the first mistake among `lines` `first` through `last` (file lines,
    /// from 1) that libyaml reports only later, where its reading went wrong: a value whose quote is
    /// not closed on its line (`title: "Unclosed`), or a field indented under one that has a value
    /// (`␠country: Poland` after `name: Oslo`). `nil` when none is there.
    package static func explainEarlier(lines: [Substring], from first: Int, through last: Int, source: SourceText) -> Diagnostic? {
        guard first >= 1, last <= lines.count, first <= last else { return nil }
        var previous: (indent: Int, opensBlock: Bool)?
        // The first field, when it is indented: a later one that is not shows it was indented by mistake.
        var indentedFirst: (line: Int, indent: Int)?
        // The indentation of the key of a block scalar (`text: |`) being read, whose lines are its value's;
        // the last line of a quoted value that runs over several lines, indented under its key.
        var blockKeyIndent: Int?
        var valueEnds = 0
        for number in first...last where number > valueEnds {
            let scalars = Array(lines[number - 1].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let text = scalars[indent...]
            guard let head = text.first, head != "#" else { continue }
            if let keyIndent = blockKeyIndent {
                if indent > keyIndent { continue }
                blockKeyIndent = nil
            }
            if let quote = unclosedQuote(scalars) {
                if let end = closingLine(of: scalars[quote], after: number, in: lines, indentedBeyond: indent) {
                    valueEnds = end
                    previous = (indent, false)
                    continue
                }
                return .error("the quoted value that starts here is not closed", at: source.location(line: number, column: quote + 1),
                              notes: ["end it with \(scalars[quote]) on the same line; a value that runs over several lines is "
                                      + "written on one line here"])
            }
            let isItem = head == "-"
            let isField = !isItem && separator(in: scalars, from: indent) != nil
            if isField, previous == nil, indent > 0 { indentedFirst = (number, indent) }
            if let indented = indentedFirst, isField, indent < indented.indent {
                return .error("this field is indented, unlike the fields after it", at: source.location(line: indented.line, column: 1),
                              notes: ["a record's fields start at the beginning of the line: remove the \(indented.indent == 1 ? "space" : "\(indented.indent) spaces") before it"])
            }
            if let previous, isField, indent > previous.indent, !previous.opensBlock {
                return .error("this field is indented, unlike the line before it", at: source.location(line: number, column: 1),
                              notes: ["a record's fields start at the beginning of the line: remove the \(indent == 1 ? "space" : "\(indent) spaces") before it"])
            }
            // A line ending in `key:` (a list or mapping follows) or a list item may have indented lines under it.
            let trimmedEnd = text.last { $0 != " " && $0 != "\t" }
            previous = (indent, isItem || trimmedEnd == ":")
            if isField, let colon = separator(in: scalars, from: indent), opensBlockScalar(scalars[(colon + 1)...]) {
                blockKeyIndent = indent
            }
        }
        return nil
    }

    /// Whether a value is a block scalar's header: `|` or `>`, with chomping and indentation indicators
    /// (`|-`, `>+2`), and perhaps a comment after it.
    private static func opensBlockScalar(_ value: ArraySlice<Unicode.Scalar>) -> Bool {
        let header = value.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" && $0 != "#" }
        guard let indicator = header.first, indicator == "|" || indicator == ">" else { return false }
        return header.dropFirst().allSatisfy { $0 == "-" || $0 == "+" || ("1"..."9").contains($0) }
    }

    /// The line after `number` where a quoted value opened on `number` with `quote` ends, when every
    /// line until there is indented more than `indentedBeyond` (a value that runs over lines, written as
    /// YAML allows); `nil` when a line on the way is not, as when the quote was left open by mistake and
    /// the next field's own quote would close it.
    private static func closingLine(of quote: Unicode.Scalar, after number: Int, in lines: [Substring], indentedBeyond: Int) -> Int? {
        var line = number + 1
        while line <= lines.count {
            let scalars = Array(lines[line - 1].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            if indent < scalars.count, indent <= indentedBeyond { return nil }
            if closingQuote(quote, in: scalars, from: indent) != nil { return line }
            line += 1
        }
        return nil
    }

    /// The offset of the quote that opens a value of `line` (`key: "…` or `- "…`) and is not closed on it.
    private static func unclosedQuote(_ line: [Unicode.Scalar]) -> Int? {
        var start = line.prefix { $0 == " " }.count
        if start < line.count, line[start] == "-" {
            start += 1
        } else if let colon = separator(in: line, from: start) {
            start = colon + 1
        } else {
            return nil
        }
        while start < line.count, line[start] == " " || line[start] == "\t" { start += 1 }
        guard start < line.count, line[start] == "\"" || line[start] == "'" else { return nil }
        return closingQuote(line[start], in: line, from: start + 1) == nil ? start : nil
    }

    /// The offset of the `quote` that closes a quoted value in `line`, read from `start`: `\"` inside
    /// double quotes and `''` inside single quotes are quotes of the value, not its end.
    private static func closingQuote(_ quote: Unicode.Scalar, in line: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < line.count {
            if quote == "\"", line[index] == "\\" { index += 2; continue }
            if line[index] == quote {
                if quote == "'", index + 1 < line.count, line[index + 1] == "'" { index += 2; continue }
                return index
            }
            index += 1
        }
        return nil
    }

    /// The offset of the `:` that ends a line's key (followed by a space or the line's end), from `start`.
    private static func separator(in line: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < line.count, line[start] != "\"", line[start] != "'" else { return nil }
        return (start..<line.count).first { line[$0] == ":" && ($0 + 1 == line.count || line[$0 + 1] == " " || line[$0 + 1] == "\t") }
    }

    /// `line` with the value after its first `key: ` in quotes, when that colon comes before the one
    /// libyaml stopped at (`index`); `nil` when the line does not read as `key: value: more`.
    package static func quotingValue(_ line: [Unicode.Scalar], colonAt index: Int) -> String? {
        func separates(_ i: Int) -> Bool {
            line[i] == ":" && (i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "\t")
        }
        guard let colon = line.indices.first(where: separates), colon < index else { return nil }
        var start = colon + 1
        while start < line.count, line[start] == " " || line[start] == "\t" { start += 1 }
        var end = line.count
        while end > start, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
        guard start < end else { return nil }
        var value = ""
        value.unicodeScalars.append(contentsOf: line[start..<end])
        let quoted: String
        if !value.contains("\"") && !value.contains("\\") {
            quoted = "\"" + value + "\""
        } else {
            quoted = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        }
        var prefix = ""
        prefix.unicodeScalars.append(contentsOf: line[...colon])
        return prefix + " " + quoted
    }

    /// Quotation marks that word processors put in place of `"` and `'`.
    private static let openingQuotes: Set<Unicode.Scalar> = ["“", "”", "„", "‘", "’", "‚", "«", "»", "‹", "›"]
    private static let closingQuotes: Set<Unicode.Scalar> = ["”", "“", "’", "‘", "»", "«", "›", "‹"]

    /// `value` without the typographic quotes around it (`“Budavár”` → `Budavár`), or `nil` when
    /// it is not wrapped in them. YAML gives such quotes no meaning: they stay part of the value.
    package static func unwrappingTypographicQuotes(_ value: String) -> String? {
        let scalars = value.unicodeScalars
        // The first and last scalars before the count, which reads the whole value.
        guard let first = scalars.first, !first.isASCII, let last = scalars.last, openingQuotes.contains(first), closingQuotes.contains(last),
              scalars.count >= 2 else { return nil }
        return String(scalars.dropFirst().dropLast())
    }
}
