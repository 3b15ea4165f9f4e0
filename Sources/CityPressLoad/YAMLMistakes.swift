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
        if problem == "mapping values are not allowed in this context", let fixed = quotingValue(scalars, colonAt: index) {
            return .error("put this value in quotes: YAML reads ': ' inside it as the start of another field",
                          at: location, notes: ["write the line as: \(fixed)"])
        }
        return nil
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
