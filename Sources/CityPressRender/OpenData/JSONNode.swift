import CityPressCore

/// A JSON value whose objects keep their keys in the order written, so that what CityPress writes
/// (the open data's JSON Schema, structured data in pages) is the same bytes in every build.
package indirect enum JSONNode: Sendable, Hashable {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case null

    /// The value as JSON text, indented by two spaces per level (`compact`: on one line).
    package func text(compact: Bool = false) -> String {
        var bytes: [UInt8] = []
        append(to: &bytes, level: compact ? nil : 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func append(to bytes: inout [UInt8], level: Int?) {
        func newline(_ depth: Int) {
            guard let level else { return }
            bytes.append(10)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * (level + depth)))
        }
        switch self {
        case .string(let text): JSONText.appendString(text, to: &bytes)
        case .integer(let number): bytes.append(contentsOf: String(number).utf8)
        case .boolean(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(1)
                element.append(to: &bytes, level: level.map { $0 + 1 })
            }
            if !elements.isEmpty { newline(0) }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(1)
                JSONText.appendString(key, to: &bytes)
                bytes.append(contentsOf: level == nil ? ":".utf8 : ": ".utf8)
                value.append(to: &bytes, level: level.map { $0 + 1 })
            }
            if !members.isEmpty { newline(0) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    package static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.text(compact: true) == rhs.text(compact: true) }
    package func hash(into hasher: inout Hasher) { hasher.combine(text(compact: true)) }
}
