import CityPressCore

extension TemplateSet {
    /// Inheritance written in a way that renders without error but not as meant.
    ///
    /// - `{{>layout}}` where `{{<layout}}…{{/layout}}` was meant: a parent template printed as a
    ///   partial shows its blocks' defaults, and the page's own content lands after it (after
    ///   `</html>`). A template counts as a parent when it has blocks and is a whole document; one that is
    ///   a partial here and a parent there (a card) is valid Mustache.
    /// - `{{$mian}}…{{/mian}}` inside `{{<layout}}` when no block of that name renders in `layout` (its
    ///   own, its partials', its parents'): the fill is dropped.
    /// - Text or a tag beside `{{<layout}}…{{/layout}}` when `layout` is a whole page (it, or what it
    ///   includes, has `</html>`): it is published outside `<html>`. This one is an error, as text inside
    ///   the parent tag but outside a block is; beside a parent that is not a whole page (a card in a
    ///   list item), text has its place.
    static func inheritanceProblems(in parsed: [String: ParsedTemplate], sources: [String: SourceText]) -> [Diagnostic] {
        let blocks = blocksRendered(by: parsed)
        // A whole page with blocks: a template that is a partial in one place and a parent in another
        // (`{{>card}}`, `{{<card}}…{{/card}}`) is valid Mustache; printing a page's layout as a partial is not meant.
        func isParent(_ name: String) -> Bool {
            blocks[name]?.isEmpty == false && sources[name]?.text.contains("</html>") == true
        }
        var diagnostics: [Diagnostic] = []
        for (name, template) in parsed.sorted(by: { $0.key < $1.key }) {
            guard let source = sources[name] else { continue }
            for reference in template.references where !reference.isParent && isParent(reference.name) {
                let target = reference.name
                diagnostics.append(.warning(
                    "'\(target)' is a parent template (pages extend it with {{<\(target)}}…{{/\(target)}}); "
                        + "{{>\(target)}} prints it with its blocks' defaults, and what follows lands after it",
                    at: source.location(line: reference.line, column: reference.column),
                    notes: ["did you mean {{<\(target)}}…{{/\(target)}}?"]))
            }
        }
        for (name, template) in parsed.sorted(by: { $0.key < $1.key }) {
            guard let source = sources[name] else { continue }
            for fill in template.fills {
                guard let rendered = blocks[fill.parent], !rendered.contains(fill.block) else { continue }
                let guess = Suggestion.closest(to: fill.block, among: rendered.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.warning(
                    "block '\(fill.block)' is not in '\(fill.parent)' (nor in what it includes): its content is never shown" + guess,
                    at: source.location(line: fill.at.line, column: fill.at.column)))
            }
        }
        for (name, template) in parsed.sorted(by: { $0.key < $1.key }) {
            guard let source = sources[name], let (parent, position) = template.outsideParent,
                  isDocument(parent, in: parsed, sources: sources) else { continue }
            diagnostics.append(.error(
                "only whitespace may stand outside {{<\(parent)}}…{{/\(parent)}}: '\(parent)' is a whole page (it has </html>), "
                    + "and this would be published outside its <html>",
                at: source.location(line: position.line, column: position.column),
                notes: ["move it into a block that '\(parent)' has ({{$name}}…{{/name}})"]))
        }
        return diagnostics
    }

    /// Whether `name`, or a template it includes or extends, closes the page's `</html>`.
    private static func isDocument(_ name: String, in parsed: [String: ParsedTemplate], sources: [String: SourceText]) -> Bool {
        var reached: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard reached.insert(next).inserted else { continue }
            if sources[next]?.text.contains("</html>") == true { return true }
            pending += parsed[next]?.references.map(\.name) ?? []
        }
        return false
    }
}
