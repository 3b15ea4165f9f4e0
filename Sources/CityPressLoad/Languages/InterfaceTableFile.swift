import CityPressCore

/// Reads an interface table (`Templates/i18n/<lang>.yml`) into an `InterfaceTable`, reporting every
/// problem with its place: YAML mistakes and wrong kinds are errors; unknown keys, a plural map with
/// categories the language does not use, and placeholders the key does not have are warnings.
public enum InterfaceTableFile {
    /// The fields a table has.
    enum Field: String, CaseIterable {
        case language, name, direction, months
        case monthsGenitive = "months_genitive"
        case firstDay = "first_day"
        case dates, text
        case languageNames = "language_names"
    }

    /// The table in `source`, and the problems found. With `english` (the built-in English phrases), each
    /// phrase is checked against its key's English one (`check`).
    public static func read(_ source: SourceText, english: [TextKey: Phrase]? = nil) -> (InterfaceTable, [Diagnostic]) {
        var document = YAMLDocument(yaml: source.text, source: source, lineOffset: 0)
        var table = InterfaceTable(path: source.path)
        guard document.isValid else { return (table, document.diagnostics) }
        document.warnAboutUnknownFields(known: Field.allCases.map(\.rawValue))
        table.language = document.string(Field.language.rawValue, required: false)
        table.name = document.string(Field.name.rawValue, required: false)
        if let direction = document.string(Field.direction.rawValue, required: false) {
            if let value = TextDirection(rawValue: direction) {
                table.direction = value
            } else {
                document.report(.error("direction must be 'ltr' or 'rtl', not '\(direction)'",
                                       at: document.location(ofValue: Field.direction.rawValue)))
            }
        }
        table.months = monthNames(.months, in: &document)
        table.monthsGenitive = monthNames(.monthsGenitive, in: &document)
        table.firstDay = document.string(Field.firstDay.rawValue, required: false)
        if let node = document.node(Field.dates.rawValue) {
            for (name, value, at) in pairs(of: node, field: .dates, in: &document) {
                guard let pattern = InterfaceTable.DatePattern(rawValue: name) else {
                    let known = InterfaceTable.DatePattern.allCases.map(\.rawValue)
                    let guess = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                    document.report(.warning("unknown date pattern '\(name)'" + guess, at: document.location(of: at)))
                    continue
                }
                guard let text = value.scalarText else {
                    document.report(.error("date pattern '\(name)' must be text", at: document.location(of: value)))
                    continue
                }
                table.datePatterns[pattern] = Phrase(text)
            }
        }
        if let node = document.node(Field.languageNames.rawValue) {
            for (tag, value, _) in pairs(of: node, field: .languageNames, in: &document) {
                guard let name = value.scalarText, !name.isEmpty else {
                    document.report(.error("the name of '\(tag)' in language_names must be text", at: document.location(of: value)))
                    continue
                }
                table.languageNames[tag.lowercased()] = name
            }
        }
        if let node = document.node(Field.text.rawValue) {
            for (name, value, at) in pairs(of: node, field: .text, in: &document) {
                guard let key = TextKey(name: name) else {
                    let guess = Suggestion.closest(to: name, among: TextKey.allCases.map(\.name))
                        .map { " (did you mean '\($0)'?)" } ?? ""
                    document.report(.warning("unknown interface text '\(name)'" + guess, at: document.location(of: at),
                                             notes: ["the keys are CityPress's own (its built-in English table, which a new site's "
                                                     + "Templates/i18n/en.yml copies): a table changes their words and cannot add keys"]))
                    continue
                }
                if let phrase = phrase(value, key: key, in: &document) {
                    if let english { check(phrase, of: key, at: value, against: english[key], in: &document) }
                    table.texts[key] = phrase
                    table.locations[key] = document.location(of: at)
                }
            }
        }
        return (table, document.diagnostics)
    }

    /// A key's value: text, or a mapping of plural categories to texts.
    private static func phrase(_ node: YAMLNode, key: TextKey, in document: inout YAMLDocument) -> Phrase? {
        switch node {
        case .scalar(let text, _, _):
            return Phrase(text)
        case .mapping(let pairs, _):
            var forms: [PluralCategory: String] = [:]
            for pair in pairs {
                guard let name = pair.key.scalarText, let category = PluralCategory(rawValue: name) else {
                    document.report(.error("'\(key.name)': plural forms are zero, one, two, few, many and other, not '\(pair.key.scalarText ?? "?")'",
                                           at: document.location(of: pair.key)))
                    continue
                }
                guard let text = pair.value.scalarText else {
                    document.report(.error("'\(key.name)': the '\(name)' form must be text", at: document.location(of: pair.value)))
                    continue
                }
                forms[category] = text
            }
            if forms[.other] == nil {
                document.report(.error("'\(key.name)' has no 'other' form, which every plural map needs",
                                       at: document.location(of: node)))
            }
            return Phrase(forms: forms)
        default:
            document.report(.error("'\(key.name)' must be text or a map of plural forms", at: document.location(of: node)))
            return nil
        }
    }

    /// Twelve month names, or `nil` (with an error when the field is there but is not twelve names).
    private static func monthNames(_ field: Field, in document: inout YAMLDocument) -> [String]? {
        guard let node = document.node(field.rawValue) else { return nil }
        guard case .sequence(let items, _) = node, items.count == 12 else {
            document.report(.error("\(field.rawValue) must list the twelve months, January first", at: document.location(of: node)))
            return nil
        }
        let names = items.compactMap(\.scalarText)
        guard names.count == 12 else {
            document.report(.error("\(field.rawValue) must list the twelve months as names", at: document.location(of: node)))
            return nil
        }
        return names
    }

    /// The `name: value` pairs of the mapping `node`, with each key's node (an error when it is no mapping).
    private static func pairs(of node: YAMLNode, field: Field,
                              in document: inout YAMLDocument) -> [(String, YAMLNode, YAMLNode)] {
        guard case .mapping(let pairs, _) = node else {
            document.report(.error("\(field.rawValue) must be a mapping of names to texts", at: document.location(of: node)))
            return []
        }
        return pairs.compactMap { pair in pair.key.scalarText.map { ($0, pair.value, pair.key) } }
    }
}
