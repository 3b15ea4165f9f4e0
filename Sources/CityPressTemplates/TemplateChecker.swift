import CityPressCore

/// Resolves every name, section and partial of the templates a build renders against the views
/// they receive, before any page is rendered.
///
/// It walks each entry template as `TemplateRendering` would render it, with a stack of view
/// schemas in place of values: a name's first part is looked up from the innermost context
/// outwards and the rest inside what was found; sections push a list's element or an object;
/// partials are checked in the includer's context; a parent's blocks are filled by the outermost
/// override, whose tags belong to the file that wrote it. Each problem is reported once at its tag,
/// however many pages render that tag.
struct TemplateChecker {
    private let parsed: [String: [TemplateNode]]
    let sources: [String: SourceText]
    /// The problems found so far, in the order the walks met them, then for each template with more
    /// than `maximumReported` problems, how many more it has.
    var diagnostics: [Diagnostic] {
        found + omitted.sorted { $0.key < $1.key }.map { template, count in
            .error("\(count) more problem\(count == 1 ? "" : "s") in this template \(count == 1 ? "is" : "are") not listed",
                   at: sources[template]?.fileLocation ?? SourceLocation(path: template + ".mustache"),
                   notes: ["fix the ones listed and build again"])
        }
    }
    /// Problems listed per template: each quotes its source line, and a template written on one long
    /// line with thousands of mistakes would make a report of gigabytes.
    static let maximumReported = 100
    var found: [Diagnostic] = []
    var listed: [String: Int] = [:]
    var omitted: [String: Int] = [:]
    /// Every field a tag resolved to, as `TypeName.field`: what the templates read of their views.
    private(set) var fieldsRead: Set<String> = []
    /// The tags already reported (`template:line:column`): a partial or layout checked for several pages
    /// reports each problem once.
    var reported: Set<String> = []
    /// The templates already walked with the same kinds of contexts and blocks: walking them again
    /// could find nothing new.
    private var walked: Set<String> = []
    var entry: (template: String, description: String) = ("", "")
    var frames: [Frame] = []
    /// The partials and parents entered to reach the nodes being walked, outermost first.
    var trail: [Include] = []
    /// The fills being walked (parent tag and block): one met again inside itself is not walked again.
    private var fillsWalked: Set<String> = []

    /// One context of the lookup stack, as the checker knows it.
    struct Frame {
        enum Value {
            /// A view: names are looked up among its fields.
            case object(TemplateSchema)
            /// Text or a number pushed by a section: `{{.}}` prints it, names look further out.
            case scalar(isMarkup: Bool)
            /// The context of a section over a name that was already reported: anything goes, so
            /// one mistake does not bring a report for every tag inside its section.
            case unknown
        }

        let value: Value
        /// The context in words: `a city page`, `'page'`, `an element of 'cities'`.
        let description: String

        var signature: String {
            switch value {
            case .object(let schema): schema.typeName
            case .scalar(let isMarkup): isMarkup ? "markup" : "scalar"
            case .unknown: "?"
            }
        }
    }

    /// The nodes that fill a block: an override (from the template that wrote it) or a default.
    private struct Block {
        let nodes: [TemplateNode]
        let template: String
        /// Where the override was written, to tell overrides apart when remembering walks.
        let origin: String
    }

    struct Include {
        let target: String
        let from: String
        let at: TemplatePosition
        let isParent: Bool
    }

    /// Each template's `{{&…}}` tags as written, by position: messages quote what the author wrote.
    let ampersandTags: [String: [TemplatePosition: String]]

    init(parsed: [String: [TemplateNode]], sources: [String: SourceText]) {
        self.parsed = parsed
        self.sources = sources
        ampersandTags = sources.mapValues(Self.ampersandTags(in:)).filter { !$0.value.isEmpty }
    }

    /// Checks `entry`'s template and everything it uses, as rendered with `entry`'s view. A template
    /// that is missing or did not parse is skipped: loading has reported it.
    mutating func check(_ entry: TemplateEntry) {
        guard let nodes = parsed[entry.template] else { return }
        self.entry = (entry.template, entry.description)
        frames = [Frame(value: .object(entry.schema), description: entry.description)]
        trail = []
        walk(nodes, in: entry.template, blocks: [:])
    }

    // MARK: Walking

    private mutating func walk(_ nodes: [TemplateNode], in template: String, blocks: [String: Block]) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let path, let escaped, let position):
                checkVariable(path, escaped: escaped, at: position, in: template)
            case .section(let path, let inverted, let body, let position):
                checkSection(path, inverted: inverted, body: body, at: position, in: template, blocks: blocks)
            case .partial(let name, _, let position):
                enter(name, from: template, at: position, isParent: false, blocks: blocks)
            case .parent(let name, _, let overrides, let position):
                // As rendering does: the outermost template that fills a block wins.
                var merged = blocks
                for (block, body) in overrides where merged[block] == nil {
                    merged[block] = Block(nodes: body, template: template,
                                          origin: "\(template):\(position.line):\(position.column)")
                }
                enter(name, from: template, at: position, isParent: true, blocks: merged)
            case .block(let name, let body, _):
                if let block = blocks[name] {
                    // A fill that renders its own block again is a loop, reported by loading.
                    let key = block.origin + "$" + name
                    guard fillsWalked.insert(key).inserted else { continue }
                    walk(block.nodes, in: block.template, blocks: blocks)
                    fillsWalked.remove(key)
                } else {
                    walk(body, in: template, blocks: blocks)
                }
            }
        }
    }

    private mutating func enter(_ name: String, from template: String, at position: TemplatePosition,
                                isParent: Bool, blocks: [String: Block]) {
        // Missing templates and loops are reported by loading (`cycles`, `TemplateExpansion`); skipping them here keeps the walk finite.
        guard let nodes = parsed[name], name != entry.template, !trail.contains(where: { $0.target == name }) else { return }
        let blockKeys = blocks.keys.sorted().map { "\($0)@\(blocks[$0]?.origin ?? "")" }
        let key = ([name] + frames.map(\.signature) + blockKeys).joined(separator: "|")
        guard walked.insert(key).inserted else { return }
        trail.append(Include(target: name, from: template, at: position, isParent: isParent))
        walk(nodes, in: name, blocks: blocks)
        trail.removeLast()
    }

    private mutating func checkVariable(_ path: [FieldName], escaped: Bool, at position: TemplatePosition, in template: String) {
        let tag = escaped ? "{{\(dotted(path))}}" : ampersandTag(at: position, in: template) ?? "{{{\(dotted(path))}}}"
        guard !path.isEmpty else {
            guard let frame = frames.last else { return }
            switch frame.value {
            case .object:
                report("\(tag) prints nothing here: the current value is \(frame.description), an object",
                       at: position, in: template, notes: ["name one of its fields instead"])
            case .scalar(let isMarkup):
                checkEscaping(tag, of: frame.description, escaped: escaped, isMarkup: isMarkup, at: position, in: template)
            case .unknown:
                break
            }
            return
        }
        guard let field = resolveField(path, at: position, in: template) else { return }
        switch field.kind {
        case .text, .optionalText:
            checkEscaping(tag, of: "'\(dotted(path))'", escaped: escaped, isMarkup: field.isMarkup, at: position, in: template)
        case .number:
            break
        case .flag:
            // A flag printed is `true` or `false`, words of no language: flags are for sections.
            let name = dotted(path)
            report("'\(name)' is a flag (true or false): use it as {{#\(name)}}…{{/\(name)}} or {{^\(name)}}…{{/\(name)}}",
                   at: position, in: template)
        case .list, .object, .optionalObject:
            let name = dotted(path)
            report("\(tag) prints nothing: '\(name)' is \(field.kind.phrase) (did you mean {{#\(name)}}…{{/\(name)}}?)",
                   at: position, in: template)
        }
    }

    /// Rule: `{{{…}}}` prints markup CityPress made and nothing else, and such markup is printed only so.
    private mutating func checkEscaping(_ tag: String, of value: String, escaped: Bool, isMarkup: Bool,
                                        at position: TemplatePosition, in template: String) {
        if !escaped && !isMarkup {
            let plain = tag.hasPrefix("{{&")
                ? "{{" + String(tag.dropFirst(3).dropLast(2).filter { $0 != " " }) + "}}"
                : tag.replacingOccurrences(of: "{{{", with: "{{").replacingOccurrences(of: "}}}", with: "}}")
            report("\(tag) prints \(value) as is, but it is text, not markup: write \(plain)",
                   at: position, in: template,
                   notes: ["{{{…}}} is for the fields that hold markup CityPress made (…HTML): an author's '<' or '&' in \(value) "
                           + "would be published as markup"])
        } else if escaped && isMarkup {
            report("\(tag) prints the markup of \(value) as text, its tags shown: write {\(tag)}", at: position, in: template)
        }
    }

    private mutating func checkSection(_ path: [FieldName], inverted: Bool, body: [TemplateNode], at position: TemplatePosition,
                                       in template: String, blocks: [String: Block]) {
        let name = dotted(path)
        let tag = (inverted ? "{{^" : "{{#") + name + "}}"
        if inverted {
            if !path.isEmpty, let kind = resolve(path, at: position, in: template) {
                switch kind {
                case .list, .flag, .optionalText, .optionalObject:
                    break
                case .text, .number, .object:
                    report("\(tag) never shows: '\(name)' is \(kind.phrase), which is always there",
                           at: position, in: template,
                           notes: ["an inverted section needs a list, a flag or an optional value"])
                }
            }
            walk(body, in: template, blocks: blocks)
            return
        }
        let pushed: Frame?
        if path.isEmpty {
            pushed = frames.last
        } else if let field = resolveField(path, at: position, in: template) {
            let kind = field.kind
            switch kind {
            case .flag:
                pushed = nil
            case .list(let type):
                pushed = Frame(value: .object(type.templateSchema), description: "an element of '\(name)'")
            case .object(let type), .optionalObject(let type):
                pushed = Frame(value: .object(type.templateSchema), description: "'\(name)'")
            case .optionalText:
                pushed = Frame(value: .scalar(isMarkup: field.isMarkup), description: "'\(name)'")
            case .text, .number:
                report("\(tag) always shows: '\(name)' is \(kind.phrase), which is always there",
                       at: position, in: template,
                       notes: ["a section needs a list, a flag or an optional value; to print the value, write {{\(name)}}"])
                pushed = Frame(value: .scalar(isMarkup: field.isMarkup), description: "'\(name)'")
            }
        } else {
            pushed = Frame(value: .unknown, description: "'\(name)'")
        }
        if let pushed { frames.append(pushed) }
        walk(body, in: template, blocks: blocks)
        if pushed != nil { frames.removeLast() }
    }

    /// The kind of the field `path` names in the current contexts, or `nil` after reporting that it
    /// names none (or when an unknown context absorbs it).
    private mutating func resolve(_ path: [FieldName], at position: TemplatePosition, in template: String) -> TemplateFieldKind? {
        resolveField(path, at: position, in: template)?.kind
    }

    /// The field `path` names, as `resolve` finds it.
    private mutating func resolveField(_ path: [FieldName], at position: TemplatePosition, in template: String) -> TemplateSchema.Field? {
        guard let first = path.first else { return nil }
        var found: TemplateSchema.Field?
        search: for frame in frames.reversed() {
            switch frame.value {
            case .object(let schema):
                if let field = schema.field(named: first.text) {
                    fieldsRead.insert(schema.typeName + "." + first.text)
                    found = field
                    break search
                }
            case .scalar:
                continue
            case .unknown:
                return nil
            }
        }
        guard var field = found else {
            reportUnknown(first.text, at: position, in: template)
            return nil
        }
        var walkedPath = first.text
        for part in path.dropFirst() {
            let schema: TemplateSchema
            switch field.kind {
            case .object(let type), .optionalObject(let type):
                schema = type.templateSchema
            default:
                report("'\(walkedPath)' is \(field.kind.phrase), not an object, so '\(dotted(path))' finds nothing",
                       at: position, in: template)
                return nil
            }
            guard let next = schema.field(named: part.text) else {
                report("'\(walkedPath)' has no field '\(part.text)'" + suggestion(for: part.text, among: schema.names),
                       at: position, in: template)
                return nil
            }
            fieldsRead.insert(schema.typeName + "." + part.text)
            field = next
            walkedPath += "." + part.text
        }
        return field
    }
}
