import CityPressCore

/// The values `citypress new` writes for required fields it was not given, and the sample text of a
/// new declaration: replaced by the author before publishing, and reported by the build while they
/// are still there.
public enum Placeholder {
    /// A new city's country.
    public static let country = "COUNTRY"
    /// A new declaration's event, venue and location, by field.
    public static let event = "EVENT", venue = "VENUE", location = "LOCATION"
    /// Every placeholder.
    public static let all = [country, event, venue, location]

    /// A new declaration's sample text, line by line: its preamble, two commitments and a closing paragraph.
    public static let preamble = "We, the mayors and city leaders gathered in \(location), commit to:"
    /// The sample's first commitment, which says what the commitments are.
    public static let firstCommitment = "The first commitment. The items of the one numbered list are the declaration's commitments."
    /// The sample's second commitment.
    public static let secondCommitment = "The second commitment."
    /// The sample's closing paragraph.
    public static let closing = "The closing paragraph, if the declaration has one."

    /// The sample lines, as a body line holds them after its list marker (`1. `) and spaces.
    static let sampleLines = [preamble, firstCommitment, secondCommitment, closing]

    /// Each line of `lines` (a declaration's body, which starts at file line `lineOffset` + 1 of
    /// `source`) that is still a line of the sample text, with where it is.
    static func sampleLines(in lines: ArraySlice<Substring>, lineOffset: Int, source: SourceText) -> [PlaceholderUse] {
        var found: [PlaceholderUse] = []
        for (position, line) in lines.enumerated() {
            var text = line.drop { $0 == " " || $0 == "\t" }
            // A list item's marker: `1. ` or `1) `.
            if let marker = text.firstIndex(where: { !$0.isNumber }), marker > text.startIndex,
               text[marker] == "." || text[marker] == ")" {
                text = text[text.index(after: marker)...]
            }
            let trimmed = text.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces
            guard sampleLines.contains(where: { $0 == trimmed }) else { continue }
            // What comes before the sample text (spaces and a list marker) is ASCII: its length is the column.
            let column = line.distance(from: line.startIndex, to: trimmed.startIndex) + 1
            found.append(PlaceholderUse(field: nil, text: String(trimmed),
                                        location: source.location(line: lineOffset + position + 1, column: column)))
        }
        return found
    }
}

/// A placeholder of `citypress new` still in a record, and where it is.
public struct PlaceholderUse: Sendable, Hashable {
    /// The field that still holds it (`event`), or `nil` for a line of the sample text.
    public var field: String?
    /// What is still there: `EVENT`, or the sample line.
    public var text: String
    /// Where it is: the field's value, or the sample line's first character.
    public var location: SourceLocation
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" || self[index(before: end)] == "\r" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
