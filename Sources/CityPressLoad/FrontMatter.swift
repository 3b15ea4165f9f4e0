import CityPressCore
import CityPressMarkdown

/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
package struct FrontMatter {
    /// The YAML text between the fences.
    package var yaml: String
    /// Lines before the YAML (the opening fence): 1.
    package var yamlLineOffset: Int
    /// The Markdown after the closing fence, joined when asked for (a report reads its body line by line).
    package var body: String { bodyLines.joined(separator: "\n") }
    /// The lines after the closing fence.
    package var bodyLines: ArraySlice<Substring>
    /// Lines before the body (front matter and fences).
    package var bodyLineOffset: Int

    /// Splits `text`, or returns the diagnostic explaining why it cannot. `record` names what the
    /// file holds (`declaration`) in the error about missing front matter.
    package static func split(_ text: String, source: SourceText, record: String) -> Result<FrontMatter, DiagnosticError> {
        let lines = source.lines
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(DiagnosticError(.error(
                "missing front matter: a \(record) starts with a line '---', its fields, and another '---'",
                at: source.location(line: 1, column: 1))))
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(DiagnosticError(.error(
                "front matter is never closed: add a line '---' after the last field",
                at: source.location(line: 1, column: 1),
                notes: ["the front matter opened here runs to the end of the file"])))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, bodyLines: lines[(close + 1)...], bodyLineOffset: close + 1))
    }
}

