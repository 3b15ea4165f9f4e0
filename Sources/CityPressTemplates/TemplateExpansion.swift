import CityPressCore

/// What rendering each template can reach, walked before any page is rendered, for the two problems
/// that following partial and parent tags (`TemplateSet.cycles`) cannot see:
/// - a block whose fill renders the same block again, directly (`{{$main}}` inside a fill of `main`)
///   or through a partial that renders it: rendering would never end;
/// - a template whose partials, parents and blocks make more than `maximumPieces` tags and texts for
///   one page, each section counted once: a partial that includes another twice, which includes
///   another twice, doubles at each step, and thirty steps take hours and all memory.
///
/// It walks as `TemplateRendering` renders: a partial gets the blocks of the template that includes
/// it, a parent gets its fills added to them (the outermost fill of a block wins), and a block renders
/// its fill, or its own body when nothing fills it. A template with the same fills always renders the
/// same nodes, so each is walked once.
struct TemplateExpansion {
    /// The most tags and texts one page's templates may make, sections counted once. The built-in
    /// templates make about a thousand.
    static let maximumPieces = 100_000

    /// A block's fill: the nodes a parent tag gives it, in the template that wrote them.
    private struct Fill {
        let nodes: [TemplateNode]
        let template: String
        let block: String
        let position: TemplatePosition
        /// The fill's name in keys and messages: its template, parent tag and block.
        var id: String { "\(template):\(position.line):\(position.column)$\(block)" }
    }

    private let parsed: [String: ParsedTemplate]
    private let sources: [String: SourceText]
    /// The pieces each template or fill makes with a given set of fills, once walked.
    private var pieces: [String: Int] = [:]
    /// The templates and fills being walked, outermost first: keys, and what messages call them.
    private var walking: [(key: String, name: String)] = []
    private var reportedLoops: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    init(parsed: [String: ParsedTemplate], sources: [String: SourceText]) {
        self.parsed = parsed
        self.sources = sources
    }

    /// The loops through blocks and the oversized templates of `parsed`, each reported once.
    static func problems(in parsed: [String: ParsedTemplate], sources: [String: SourceText]) -> [Diagnostic] {
        var expansion = TemplateExpansion(parsed: parsed, sources: sources)
        var oversized: [String] = []
        for name in parsed.keys.sorted() where expansion.enter(template: name, blocks: [:]) > maximumPieces {
            oversized.append(name)
        }
        // Report the templates that no other template uses (the pages), which are what is too large;
        // the ones they use are too large only as part of them.
        let used = Set(parsed.values.flatMap { $0.references.map(\.name) })
        let reported = oversized.filter { !used.contains($0) }
        for name in reported.isEmpty ? Array(oversized.prefix(1)) : reported {
            expansion.diagnostics.append(.error(
                "rendering '\(name)' makes more than \(maximumPieces) tags and texts for one page, through its partials, parents and blocks",
                at: sources[name]?.fileLocation ?? SourceLocation(path: name + ".mustache"),
                notes: ["a template that includes another twice, which includes another twice, doubles at each step: "
                        + "include the shared part once, or pass a list to a section"]))
        }
        return expansion.diagnostics
    }

    /// The pieces `nodes` (written in `template`) make with `blocks`, at most `maximumPieces + 1`.
    private mutating func count(_ nodes: [TemplateNode], in template: String, blocks: [String: Fill]) -> Int {
        var total = 0
        for node in nodes {
            total += 1
            switch node {
            case .text, .variable:
                break
            case .section(_, _, let body, _):
                total += count(body, in: template, blocks: blocks)
            case .partial(let name, _, _):
                total += enter(template: name, blocks: blocks)
            case .parent(let name, _, let overrides, let position):
                var merged = blocks
                for (block, body) in overrides where merged[block] == nil {
                    merged[block] = Fill(nodes: body, template: template, block: block, position: position)
                }
                total += enter(template: name, blocks: merged)
            case .block(let name, let body):
                if let fill = blocks[name] {
                    total += enter(fill, blocks: blocks)
                } else {
                    total += count(body, in: template, blocks: blocks)
                }
            }
            if total > Self.maximumPieces { return Self.maximumPieces + 1 }
        }
        return total
    }

    /// The pieces the template `name` makes with `blocks` (none when it does not exist: loading reported it).
    private mutating func enter(template name: String, blocks: [String: Fill]) -> Int {
        guard let nodes = parsed[name]?.nodes else { return 0 }
        return walk(key: "template \(name) " + Self.signature(of: blocks), shown: "'\(name)'",
                    nodes: nodes, in: name, blocks: blocks)
    }

    /// The pieces `fill` makes with `blocks`.
    private mutating func enter(_ fill: Fill, blocks: [String: Fill]) -> Int {
        walk(key: "fill \(fill.id) " + Self.signature(of: blocks), shown: "block '\(fill.block)'",
             nodes: fill.nodes, in: fill.template, blocks: blocks, fill: fill)
    }

    private mutating func walk(key: String, shown: String, nodes: [TemplateNode], in template: String,
                               blocks: [String: Fill], fill: Fill? = nil) -> Int {
        if let known = pieces[key] { return known }
        if let start = walking.firstIndex(where: { $0.key == key }) {
            reportLoop(walking[start...].map(\.name) + [shown], keys: walking[start...].map(\.key), fill: fill ?? lastFill(blocks))
            return 0
        }
        walking.append((key, shown))
        let total = count(nodes, in: template, blocks: blocks)
        walking.removeLast()
        pieces[key] = total
        return total
    }

    /// A loop goes through at least one fill (loops of templates alone are `cycles`'s): reported at
    /// the parent tag that gave it.
    private mutating func reportLoop(_ names: [String], keys: [String], fill: Fill?) {
        guard reportedLoops.insert(keys.sorted().joined(separator: "\n")).inserted else { return }
        let location = fill.flatMap { fill in sources[fill.template].map { $0.location(line: fill.position.line, column: fill.position.column) } }
        let block = fill.map { "'\($0.block)'" } ?? "a block"
        diagnostics.append(.error("templates and blocks use each other in a loop (\(names.joined(separator: " → ")))", at: location,
                                  notes: ["the fill of \(block) renders that block again: a block's fill may not contain "
                                          + "the same block, nor a partial that renders it"]))
    }

    private func lastFill(_ blocks: [String: Fill]) -> Fill? {
        for entry in walking.reversed() {
            if let fill = blocks.values.first(where: { entry.key.hasPrefix("fill \($0.id) ") }) { return fill }
        }
        return nil
    }

    /// The fills of `blocks`, in a fixed order: two walks with the same fills render the same.
    private static func signature(of blocks: [String: Fill]) -> String {
        blocks.keys.sorted().map { blocks[$0]?.id ?? "" }.joined(separator: ",")
    }
}
