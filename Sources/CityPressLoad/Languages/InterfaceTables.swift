import CityPressCore

/// Finds and merges the tables of a language: English's built-in table first (every key), then a
/// site's `Templates/i18n/en.yml`, then the language's built-in table and the site's file for it
/// (`fr.yml`, then `fr-CA.yml` for `fr-CA`), each overriding the ones before key by key.
public enum InterfaceTables {
    /// The built-in English interface, for text that is English whatever the site's language.
    public static let english = interface(for: "en", siteFiles: [:]).0

    /// The built-in English table's phrases, which a site's phrases are checked against.
    static let englishPhrases: [TextKey: Phrase] = InterfaceTableFile.read(
        SourceText(path: "en.yml (built in)", text: BuiltInInterfaceTables.texts["en.yml"] ?? "")).0.texts

    /// The interface for `language` from the site's table files (file name → text), and the problems
    /// found: the files' own, and a warning for each key the language's tables lack (English is used).
    public static func interface(for language: String, siteFiles: [String: SourceText],
                                 folder: String = "Templates/i18n") -> (Interface, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var tables: [InterfaceTable] = []
        var ofLanguage: [InterfaceTable] = []
        let primary = language.split(separator: "-").first.map { String($0).lowercased() } ?? language
        let names = primary == language.lowercased() ? [primary] : [primary, language]
        for (index, name) in (["en"] + names.filter { $0 != "en" }).enumerated() {
            let file = name + ".yml"
            if let text = BuiltInInterfaceTables.texts[file] {
                let table = InterfaceTableFile.read(SourceText(path: folder + "/" + file + " (built in)", text: text)).0
                tables.append(table)
                if index > 0 { ofLanguage.append(table) }
            }
            if let source = siteFiles[file] ?? siteFiles.first(where: { $0.key.lowercased() == file.lowercased() })?.value {
                let (table, problems) = InterfaceTableFile.read(source, english: englishPhrases)
                diagnostics += problems
                tables.append(table)
                if index > 0 { ofLanguage.append(table) }
            }
        }
        let interface = Interface(language: language, tables: tables)
        guard primary != "en" else { return (interface, diagnostics) }
        guard let named = ofLanguage.last else {
            diagnostics.append(.warning("no interface table for the language '\(language)': pages show English words",
                                        at: SourceLocation(path: folder + "/" + primary + ".yml"),
                                        notes: ["copy \(folder)/en.yml to \(primary).yml and translate its texts"]))
            return (interface, diagnostics)
        }
        // The file a reader would add the key to: the site's own, else the built-in one it extends.
        let path = ofLanguage.last { !$0.path.hasSuffix("(built in)") }?.path ?? named.path
        let missing = TextKey.allCases.filter { key in !ofLanguage.contains { $0.texts[key] != nil } }
        if missing.count == 1, let key = missing.first {
            diagnostics.append(.warning("interface text '\(key.name)' is missing from \(path); the English text is used",
                                        at: SourceLocation(path: path)))
        } else if !missing.isEmpty {
            // One warning for a table that lacks many (a language with only its headings translated),
            // not one per key: a new site in such a language would start with hundreds.
            let shown = missing.prefix(12).map(\.name).joined(separator: ", ")
            diagnostics.append(.warning("\(missing.count) of \(TextKey.allCases.count) interface texts are missing from \(path); the English texts are used",
                                        at: SourceLocation(path: path),
                                        notes: [shown + (missing.count > 12 ? ", and \(missing.count - 12) more" : ""),
                                                "copy their lines from Templates/i18n/en.yml and translate them"]))
        }
        return (interface, diagnostics)
    }
}
