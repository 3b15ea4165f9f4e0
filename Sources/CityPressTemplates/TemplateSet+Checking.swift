import CityPressCore

extension TemplateSet {
    /// Checks every template reachable from `entries` against the view it receives: each `{{name}}`,
    /// section and partial is resolved as rendering would resolve it, and a name the view does not
    /// have, a section over a value that is always there, or `{{name}}` over a list or an object is
    /// an error at its tag, with a "did you mean". Templates that no entry reaches get a warning.
    /// Returns every problem at once; a set with errors must not be rendered.
    package func check(_ entries: [TemplateEntry]) -> [Diagnostic] {
        // A set loaded from a folder is a site's, which needs the required templates; one made in memory is not.
        Self.check(entries, parsed: parsed, sources: sources)
            + Self.unused(by: entries, parsed: parsed, sources: sources, required: path.isEmpty ? [] : Set(Self.requiredNames))
    }

    /// The view fields the templates reachable from `entries` read, as `TypeName.field`
    /// (`CityPage.name`): a field no template reads is a value computed for nothing.
    package func fieldsRead(from entries: [TemplateEntry]) -> Set<String> {
        var checker = TemplateChecker(parsed: parsed, sources: sources)
        for entry in entries { checker.check(entry) }
        return checker.fieldsRead
    }

    static func check(_ entries: [TemplateEntry], parsed: [String: [TemplateNode]],
                      sources: [String: SourceText]) -> [Diagnostic] {
        var checker = TemplateChecker(parsed: parsed, sources: sources)
        for entry in entries { checker.check(entry) }
        return checker.diagnostics
    }

    /// A warning for each template that no entry uses, directly or through other templates: a page
    /// template nobody renders, or a partial left behind. Made only when every template parsed and
    /// every reference exists: a template that did not parse may use others, and a misspelt
    /// `{{>title-blok}}` means `title-block` is used. The note never suggests removing a `required`
    /// template (the build would stop without it), and shows a template with blocks used as a parent.
    static func unused(by entries: [TemplateEntry], parsed: [String: [TemplateNode]],
                       sources: [String: SourceText], required: Set<String>) -> [Diagnostic] {
        guard parsed.count == sources.count else { return [] }
        let uses = parsed.mapValues { Set(references(in: $0)) }
        guard uses.values.allSatisfy({ $0.allSatisfy { sources[$0] != nil } }) else { return [] }
        var reached: Set<String> = []
        var pending = entries.map(\.template)
        while let name = pending.popLast() {
            guard reached.insert(name).inserted else { continue }
            pending += uses[name] ?? []
        }
        var diagnostics: [Diagnostic] = []
        for name in sources.keys.sorted() where !reached.contains(name) {
            guard let source = sources[name] else { continue }
            let users = uses.filter { $0.value.contains(name) }.keys.sorted()
            let message = users.isEmpty
                ? "template '\(name)' is used by no page and no other template"
                : "template '\(name)' is used only by templates that no page uses (\(users.map { "'\($0)'" }.joined(separator: ", ")))"
            var hasBlocks = false
            forEachBlock(in: parsed[name] ?? []) { _ in hasBlocks = true }
            let use = hasBlocks ? "{{<\(name)}}…{{/\(name)}}" : "{{>\(name)}}"
            let note = required.contains(name)
                ? "keep it, CityPress needs it (without it the build stops: missing template '\(name)'); use it from a page template with \(use)"
                : "remove it, or use it from a page template with \(use)"
            diagnostics.append(.warning(message, at: source.fileLocation, notes: [note]))
        }
        return diagnostics
    }

    /// The templates that rendering `names` may use: themselves and every partial and parent they
    /// reach. (A template outside it can be edited without changing what `names` render.)
    package func templates(reachedFrom names: some Sequence<String>) -> Set<String> {
        var reached: Set<String> = []
        var pending = Array(names)
        while let name = pending.popLast() {
            guard reached.insert(name).inserted else { continue }
            pending += Self.references(in: parsed[name] ?? [])
        }
        return reached
    }

    /// The partials and parents `nodes` name, block overrides and sections included.
    private static func references(in nodes: [TemplateNode]) -> [String] {
        var names: [String] = []
        for node in nodes {
            switch node {
            case .text, .variable: continue
            case .section(_, _, let body, _), .block(_, let body, _): names += references(in: body)
            case .partial(let name, _, _): names.append(name)
            case .parent(let name, _, let blocks, _):
                names.append(name)
                for body in blocks.values { names += references(in: body) }
            }
        }
        return names
    }
}
