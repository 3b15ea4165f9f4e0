import CityPressCore
import CityPressLoad

/// Writing values into the YAML files `citypress init` and `citypress new` make.
package enum YAMLText {
    /// `text` as a YAML scalar that reads back as exactly `text`: plain when that is safe
    /// (`Los Angeles`), double-quoted with escapes otherwise (`"Hello: world"`, `"null"`, `"#1"`).
    package static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// Whether `text` can be written unquoted. Conservative: anything YAML might read as syntax, or that the
    /// loader reads as an empty value (`null`, `~`) or a boolean, is quoted.
    package static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first != " ", last != " ", last != ":" else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no"].contains(text) {
            return false
        }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        return !text.unicodeScalars.contains(where: needsEscape)
    }

    /// Control characters, and the line separators (U+0085, U+2028, U+2029) that the loader refuses
    /// written raw: they are written as escapes instead.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A double-quoted YAML string: backslashes, quotes and control characters escaped.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value > 0xFF ? "\\u" + hex : "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
