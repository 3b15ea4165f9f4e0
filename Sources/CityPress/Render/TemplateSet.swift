import Foundation
import Mustache

/// The Mustache templates of a site, parsed and checked before any page is rendered.
public struct TemplateSet: Sendable {
    /// The templates every build needs, by name (`Templates/<name>.mustache`).
    public static let requiredNames = [
        "layout", "site-header", "site-footer", "print-layout", "home", "declarations", "declaration", "commitment", "print",
        "cities", "city", "city-endorsement", "countries", "country", "commitments", "404", "signatories", "signatory-entry", "print-signatories", "print-signatory-entry",
    ]

    let library: MustacheLibrary
    /// The folder as the user named it.
    public let path: String
    /// The templates' names and texts, to tell whether two loads of the folder are the same.
    public let texts: [String: String]

    /// Loads every `*.mustache` file below `path`, reporting syntax errors, missing templates
    /// and references to partials or parents that do not exist, each with its file and line.
    public static func load(from path: String) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error("templates folder '\(path)' does not exist", notes: ["pass another folder with --templates"])])
        }
        let names = (FileManager.default.subpaths(atPath: path) ?? [])
            .filter { $0.hasSuffix(".mustache") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
        var library = MustacheLibrary()
        var sources: [String: SourceText] = [:]
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let display = (path.hasSuffix("/") ? path : path + "/") + file
            let text: String
            switch SourceFileReader.read(path: display, displayPath: display) {
            case .success(let read): text = read
            case .failure(let error): diagnostics.append(error.diagnostic); continue
            }
            let source = SourceText(path: display, text: text)
            sources[name] = source
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template syntax error: \(describe(error.error))",
                                          at: source.location(line: error.context.lineNumber,
                                                              column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template syntax error", at: source.location(line: 1, column: 1)))
            }
        }
        for required in requiredNames where sources[required] == nil {
            diagnostics.append(.error("missing template '\(required)'",
                                      at: SourceLocation(path: (path.hasSuffix("/") ? path : path + "/") + required + ".mustache"),
                                      notes: ["every site needs the templates: \(requiredNames.joined(separator: ", "))"]))
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references(in: source) where sources[reference.name] == nil {
                var notes: [String] = []
                if let guess = Suggestion.closest(to: reference.name, among: sources.keys) {
                    notes.append("did you mean '\(guess)'?")
                }
                diagnostics.append(.error("template '\(name)' uses '\(reference.name)', which does not exist",
                                          at: reference.location, notes: notes))
            }
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (TemplateSet(library: library, path: path, texts: sources.mapValues(\.text)), diagnostics)
    }

    /// Renders `context` with the template `name` (checked to exist when the set was loaded).
    func render(_ context: Any, with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions.
    private static func references(in source: SourceText) -> [(name: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        for (lineIndex, line) in source.lines.enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { break }
                let tag = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty {
                        let column = line[..<open.lowerBound].unicodeScalars.count + 1
                        found.append((name, source.location(line: lineIndex + 1, column: column)))
                    }
                }
                rest = after[close.upperBound...]
            }
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name that does not match its opening tag"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions ({{$name}}) may stand inside {{<parent}}"
        case .textInsideInheritSection: return "only block definitions ({{$name}}) may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "malformed pragma tag"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
