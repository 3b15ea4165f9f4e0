import CityPressCore

/// What rendering a page's templates reaches, walked before any page is rendered, for the two problems
/// that following partial and parent tags (`TemplateSet.cycles`) cannot see:
/// - a block whose fill renders the same block again, directly (`{{$main}}` inside a fill of `main`)
///   or through a partial that renders it: rendering would never end;
/// - a page whose partials, parents and blocks make more than `maximumPieces` tags and texts, each
///   section counted once: a partial that includes another twice, which includes another twice,
///   doubles at each step, and thirty steps take hours and all memory.
///
/// It walks from the templates pages start at, as `TemplateRendering` renders: a partial gets the
/// blocks of the template that includes it, a parent gets its fills added to them (the outermost fill
/// of a block wins), and a block renders its fill, or its own body when nothing fills it. A template or
/// fill walked with the same fills renders the same nodes, so each is walked once.
struct TemplateExpansion {
    /// The most tags and texts one page's templates may make, sections counted once. The built-in
    /// templates make a few hundred.
    static let maximumPieces = 100_000
    /// The most templates and fills one may render inside another: each level is a call deeper in every
    /// stage that walks them, and thousands of levels would overflow a thread's stack.
    static let maximumDepth = 200

    /// What the walk found: loops through blocks, and pages too large to render.
    struct Problems {
        var loops: [Diagnostic] = []
        var oversized: [Diagnostic] = []
    }

    /// A block's fill: the nodes a parent tag gives it, in the template that wrote them.
    private struct Fill {
        let nodes: [TemplateNode]
        let template: String
        let block: String
        let position: TemplatePosition
        /// The fill's name in keys and messages: its template, parent tag and block.
        var id: String { "\(template):\(position.line):\(position.column)$\(block)" }
    }

    /// The fills in force, with a name made once for them (not once per tag walked with them).
    private struct Scope {
        var fills: [String: Fill] = [:]
        var signature = ""
    }

    private let parsed: [String: ParsedTemplate]
    private let sources: [String: SourceText]
    /// What each template or fill makes in a given scope, once walked.
    private var walked: [String: Walked] = [:]
    /// The templates and fills being walked, outermost first: keys, and what messages call them.
    private var walking: [(key: String, name: String)] = []
    private var reportedLoops: Set<String> = []
    /// The templates and fills being walked when the walk went deeper than `maximumDepth`.
    private var tooDeep: [String]?
    private var loops: [Diagnostic] = []

    private init(parsed: [String: ParsedTemplate], sources: [String: SourceText]) {
        self.parsed = parsed
        self.sources = sources
    }

    /// The loops through blocks and the oversized pages of `parsed`, walked from `roots` (the templates
    /// pages are rendered with), each reported once.
    static func problems(in parsed: [String: ParsedTemplate], sources: [String: SourceText], roots: [String]) -> Problems {
        var expansion = TemplateExpansion(parsed: parsed, sources: sources)
        var oversized: [Diagnostic] = []
        for name in Set(roots).sorted() where expansion.enter(template: name, scope: Scope()).pieces > maximumPieces {
            if let chain = expansion.tooDeep {
                expansion.tooDeep = nil
                oversized.append(.error(
                    "rendering '\(name)' goes more than \(maximumDepth) templates and blocks deep",
                    at: sources[name]?.fileLocation ?? SourceLocation(path: name + ".mustache"),
                    notes: ["it starts " + chain.prefix(5).joined(separator: " → ") + " → …"]))
                continue
            }
            oversized.append(.error(
                "rendering '\(name)' makes more than \(maximumPieces) tags and texts for one page, through its partials, parents and blocks",
                at: sources[name]?.fileLocation ?? SourceLocation(path: name + ".mustache"),
                notes: ["a template that includes another twice, which includes another twice, doubles at each step: "
                        + "include the shared part once, or pass a list to a section"]))
        }
        return Problems(loops: expansion.loops, oversized: oversized)
    }

    /// The templates no other template uses: where rendering starts when the pages' templates are not known.
    static func startingTemplates(in parsed: [String: ParsedTemplate]) -> [String] {
        let used = Set(parsed.values.flatMap { $0.references.map(\.name) })
        return parsed.keys.filter { !used.contains($0) }
    }

    /// What a walk found: the pieces made (at most `maximumPieces + 1`), and how many templates and
    /// fills deep it went below where it started.
    private struct Walked {
        var pieces = 0
        var height = 0

        mutating func add(_ other: Walked) {
            pieces += other.pieces
            height = max(height, other.height)
        }
    }

    /// What `nodes` (written in `template`) make in `scope`.
    private mutating func count(_ nodes: [TemplateNode], in template: String, scope: Scope) -> Walked {
        var total = Walked()
        for node in nodes {
            total.pieces += 1
            switch node {
            case .text, .variable:
                break
            case .section(_, _, let body, _):
                total.add(count(body, in: template, scope: scope))
            case .partial(let name, _, let position):
                total.add(enter(template: name, scope: scope, from: (template, position)))
            case .parent(let name, _, let overrides, let position):
                var merged = scope
                for (block, body) in overrides where merged.fills[block] == nil {
                    merged.fills[block] = Fill(nodes: body, template: template, block: block, position: position)
                }
                merged.signature = merged.fills.keys.sorted().map { merged.fills[$0]?.id ?? "" }.joined(separator: ",")
                total.add(enter(template: name, scope: merged, from: (template, position)))
            case .block(let name, let body, let position):
                if let fill = scope.fills[name] {
                    total.add(walk(key: "fill \(fill.id) \(scope.signature)", shown: "block '\(fill.block)'",
                                   nodes: fill.nodes, in: fill.template, scope: scope, from: (template, position)))
                } else {
                    total.add(count(body, in: template, scope: scope))
                }
            }
            if total.pieces > Self.maximumPieces || tooDeep != nil {
                total.pieces = Self.maximumPieces + 1
                return total
            }
        }
        return total
    }

    /// What the template `name` makes in `scope` (nothing when it does not exist: loading reported it),
    /// entered from the tag at `from` (none for a page's own template).
    private mutating func enter(template name: String, scope: Scope, from tag: Tag? = nil) -> Walked {
        guard let nodes = parsed[name]?.nodes else { return Walked() }
        return walk(key: "template \(name) \(scope.signature)", shown: "'\(name)'", nodes: nodes, in: name, scope: scope, from: tag)
    }

    /// A tag that enters a template or a fill: the template it is written in, and where.
    private typealias Tag = (template: String, position: TemplatePosition)

    private mutating func walk(key: String, shown: String, nodes: [TemplateNode], in template: String,
                               scope: Scope, from tag: Tag?) -> Walked {
        if let known = walked[key] {
            // Walked before from elsewhere: how deep it goes from here is what counts.
            if walking.count + known.height > Self.maximumDepth, tooDeep == nil { tooDeep = walking.map(\.name) + [shown] }
            return known
        }
        if let start = walking.firstIndex(where: { $0.key == key }) {
            let loop = walking[start...]
            reportLoop(loop.map(\.name) + [shown], keys: loop.map(\.key), closedAt: tag)
            return Walked()
        }
        guard walking.count < Self.maximumDepth else {
            if tooDeep == nil { tooDeep = walking.map(\.name) }
            return Walked(pieces: Self.maximumPieces + 1, height: 1)
        }
        walking.append((key, shown))
        var total = count(nodes, in: template, scope: scope)
        walking.removeLast()
        total.height += 1
        // A walk cut short by the depth limit does not know what is below: it is not kept.
        if tooDeep == nil { walked[key] = total }
        return total
    }

    /// A loop through a fill, reported at the tag that closes it (the block or partial tag met again).
    private mutating func reportLoop(_ names: [String], keys: [String], closedAt tag: Tag?) {
        guard reportedLoops.insert(keys.sorted().joined(separator: "\n")).inserted else { return }
        let location = tag.flatMap { tag in sources[tag.template].map { $0.location(line: tag.position.line, column: tag.position.column) } }
        loops.append(.error("templates and blocks use each other in a loop (\(names.joined(separator: " → ")))", at: location,
                            notes: ["a block's fill renders that block again: a fill may not contain the same block, "
                                    + "nor a partial that renders it"]))
    }
}
