import Foundation
import CityPressCore

/// The Mustache templates of a site, parsed and checked before any page is rendered.
public struct TemplateSet: Sendable {
    /// The templates every build needs, by name (`Templates/<name>.mustache`).
    public static let requiredNames = [
        "layout", "site-header", "site-footer", "print-layout", "home", "declarations", "declaration", "commitment", "print",
        "cities", "city", "city-endorsement", "countries", "country", "commitments", "search", "404", "signatories", "signatory-entry", "print-signatories", "print-signatory-entry",
        "data",
    ]

    /// The parsed templates by name.
    package let parsed: [String: [TemplateNode]]
    /// The folder as the user named it.
    public let path: String
    /// The templates' names and texts, to tell whether two loads of the folder are the same (the
    /// interface tables' too, as `i18n/fr.yml`: a table edited changes every page's words).
    public internal(set) var texts: [String: String]
    /// The templates' texts with the paths diagnostics show, for the checks made after loading.
    package let sources: [String: SourceText]
    /// The interface tables of the folder (`i18n/<lang>.yml`) by file name (`fr.yml`), as text: the
    /// templates' words, read with the templates because they belong to the look, parsed by the
    /// stages that know YAML.
    package var tables: [String: SourceText] = [:]

    /// Loads every `*.mustache` file below `path`, reporting syntax errors, missing templates
    /// and references to partials or parents that do not exist, each with its file and line.
    public static func load(from path: String) -> (TemplateSet?, [Diagnostic]) {
        load(from: path, checking: nil)
    }

    /// Loads the folder as `load(from:)` does, then checks every template reachable from `entries`
    /// against the view it receives (see `check(_:)`): the set is `nil` if any of it fails.
    package static func load(from path: String, views entries: [TemplateEntry]) -> (TemplateSet?, [Diagnostic]) {
        load(from: path, checking: entries)
    }

    private static func load(from path: String, checking entries: [TemplateEntry]?) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let problem = FileManager.default.fileExists(atPath: path) ? "is a file, not a folder" : "does not exist"
            return (nil, [.error("templates folder '\(path)' \(problem)", remedy: .chooseTemplatesFolder)])
        }
        let names = (FileManager.default.subpaths(atPath: path) ?? [])
            .filter { $0.hasSuffix(".mustache") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
        // A folder with no template at all is the wrong folder, not one missing each template.
        guard !names.isEmpty else {
            return (nil, [.error("templates folder '\(path)' has no templates (no .mustache files)", remedy: .chooseTemplatesFolder)])
        }
        var sources: [String: SourceText] = [:]
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let display = (path.hasSuffix("/") ? path : path + "/") + file
            let text: String
            switch SourceFileReader.read(path: display, displayPath: display) {
            case .success(let read): text = read
            case .failure(let error): diagnostics.append(error.diagnostic); continue
            }
            sources[name] = SourceText(path: display, text: text)
        }
        for (position, required) in requiredNames.filter({ sources[$0] == nil }).enumerated() {
            // The list of what every site needs is told once, not after each missing name.
            diagnostics.append(.error("missing template '\(required)'",
                                      at: SourceLocation(path: (path.hasSuffix("/") ? path : path + "/") + required + ".mustache"),
                                      notes: position == 0 ? ["every site needs the templates: \(requiredNames.joined(separator: ", "))"] : []))
        }
        var tables: [String: SourceText] = [:]
        let folder = (path.hasSuffix("/") ? path : path + "/") + "i18n"
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        where file.hasSuffix(".yml") && !file.hasPrefix(".") {
            let display = folder + "/" + file
            switch SourceFileReader.read(path: display, displayPath: display) {
            case .success(let text): tables[file] = SourceText(path: display, text: text)
            case .failure(let error): diagnostics.append(error.diagnostic)
            }
        }
        var (set, problems) = parse(sources, path: path, diagnostics: diagnostics, entries: entries,
                                    reportedMissing: Set(requiredNames))
        set?.tables = tables
        for (file, source) in tables { set?.texts["i18n/" + file] = source.text }
        return (set, problems)
    }

    /// Parses templates given as name → text, with every check `load(from:)` makes except the
    /// required names: a set made in memory (the Mustache specification's tests) is no site's set.
    /// With `entries`, also checks the templates against their views, as `load(from:views:)` does.
    package static func load(texts: [String: String], views entries: [TemplateEntry]? = nil) -> (TemplateSet?, [Diagnostic]) {
        var sources: [String: SourceText] = [:]
        for (name, text) in texts { sources[name] = SourceText(path: name + ".mustache", text: text) }
        return parse(sources, path: "", diagnostics: [], entries: entries, reportedMissing: [])
    }

    /// Parses every source, then checks references and cycles across them and, given `entries`, the
    /// names every template uses (all problems at once: templates that parsed are checked even when
    /// others did not). `diagnostics` are the problems found before (reading the files);
    /// `reportedMissing` the templates whose absence was reported already: the required ones, which no warning
    /// suggests removing.
    private static func parse(_ sources: [String: SourceText], path: String, diagnostics: [Diagnostic],
                              entries: [TemplateEntry]?, reportedMissing: Set<String>) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics = diagnostics
        var parsed: [String: ParsedTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                parsed[name] = try TemplateParser.parse(source.text)
            } catch {
                diagnostics.append(.error("template syntax error: \(error.message)",
                                          at: source.location(line: error.line, column: error.column), notes: error.notes))
            }
        }
        diagnostics += missingReferences(in: parsed, sources: sources, pages: Set(entries?.map(\.template) ?? []))
        diagnostics += inheritanceProblems(in: parsed, sources: sources)
        let loops = cycles(in: parsed, sources: sources)
        diagnostics += loops
        // Walked from the pages' templates: a template only ever used as a parent whose fills its children
        // replace never renders them, so walked alone it could show a loop no page has.
        let roots = entries.map { $0.map(\.template).filter { parsed[$0] != nil } } ?? TemplateExpansion.startingTemplates(in: parsed)
        let expansion = TemplateExpansion.problems(in: parsed, sources: sources, roots: roots)
        // Loops through blocks are reported when no loop of templates alone is (the same loop would be told twice).
        if loops.isEmpty { diagnostics += expansion.loops }
        diagnostics += expansion.oversized
        if let entries {
            for entry in entries where sources[entry.template] == nil && !reportedMissing.contains(entry.template)
                && !entry.isOptional {
                diagnostics.append(.error("missing template '\(entry.template)'",
                                          at: SourceLocation(path: (path.isEmpty || path.hasSuffix("/") ? path : path + "/")
                                                                + entry.template + ".mustache"),
                                          notes: ["\(entry.description) is rendered with it"]))
            }
            // The checker walks what rendering would: a page too large to render is too large to check.
            if expansion.oversized.isEmpty {
                diagnostics += check(entries, parsed: parsed.mapValues(\.nodes), sources: sources)
                diagnostics += unused(by: entries, parsed: parsed.mapValues(\.nodes), sources: sources, required: reportedMissing)
            }
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (TemplateSet(parsed: parsed.mapValues(\.nodes), path: path, texts: sources.mapValues(\.text), sources: sources),
                diagnostics)
    }

    /// Partials and parents named by a template that are not in the set, with a guess at the one meant:
    /// preferably a template no page reaches (renaming `card` to `item-card` leaves it unused, so a looser
    /// likeness counts), else one that is not a page's own template (`pages`: a page is no partial).
    private static func missingReferences(in parsed: [String: ParsedTemplate], sources: [String: SourceText],
                                          pages: Set<String>) -> [Diagnostic] {
        var reached: Set<String> = []
        var pending = Array(pages)
        while let next = pending.popLast() {
            guard reached.insert(next).inserted else { continue }
            pending += parsed[next]?.references.map(\.name) ?? []
        }
        let others = sources.keys.filter { !pages.contains($0) }.sorted()
        let unused = pages.isEmpty ? [] : others.filter { !reached.contains($0) }
        func guess(_ missing: String) -> String? {
            let word = Array(missing.unicodeScalars)
            let renamed = unused.compactMap { candidate -> (distance: Int, name: String)? in
                let other = Array(candidate.unicodeScalars)
                let limit = max(1, max(word.count, other.count) / 2)
                let distance = Suggestion.editDistance(word, other, limit: limit)
                return distance <= limit ? (distance, candidate) : nil
            }.min { ($0.distance, $0.name) < ($1.distance, $1.name) }
            return renamed?.name ?? Suggestion.closest(to: missing, among: others) ?? Suggestion.closest(to: missing, among: sources.keys)
        }
        var diagnostics: [Diagnostic] = []
        for (name, template) in parsed.sorted(by: { $0.key < $1.key }) {
            guard let source = sources[name] else { continue }
            for reference in template.references where sources[reference.name] == nil {
                let guess = guess(reference.name).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.error("template '\(name)' uses '\(reference.name)', which does not exist" + guess,
                                          at: source.location(line: reference.line, column: reference.column)))
            }
        }
        return diagnostics
    }

    /// Renders `context` with the template `name` (checked to exist when the set was loaded).
    package func render(_ context: some TemplateFields, with name: String) -> String {
        String(decoding: renderBytes(context, with: name, capacity: 512), as: UTF8.self)
    }

    /// Renders `context` with the template `name` into UTF-8 bytes (pages go to disk as they are,
    /// without a round trip through `String`).
    package func renderBytes(_ context: some TemplateFields, with name: String, capacity: Int = 16_384) -> [UInt8] {
        var rendering = TemplateRendering(templates: parsed, capacity: capacity)
        rendering.render(name, with: .object(context))
        return rendering.output
    }
}
