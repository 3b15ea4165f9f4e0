import CityPressCore
import CityPressTemplates

/// Templates that print the assets folder's address and a file name after it (`{{assets}}site.css`):
/// a file the templates' `assets/` does not have is a broken link on every page the template makes,
/// which only `citypress check` would notice (a renamed stylesheet, a deleted `assets/` folder).
enum AssetReferences {
    /// A warning for each such name that is not one of `assets` (paths below `shownFolder`).
    static func missing(in templates: TemplateSet, assets: [String], shownFolder: String) -> [Diagnostic] {
        let known = Set(assets)
        let missing = templates.literalsAfter(fieldNamed: "assets").compactMap { use -> (name: String, location: SourceLocation)? in
            let name = fileName(at: use.text)
            return name.isEmpty || known.contains(name) ? nil : (name, use.location)
        }
        guard let first = missing.first else { return [] }
        // No folder (or an empty one): one warning, not one per tag.
        if assets.isEmpty {
            let names = Set(missing.map(\.name)).sorted()
            return [.warning("\(shownFolder)/ has no files, but the templates link to \(names.count == 1 ? "one" : "\(names.count)") of them: "
                             + names.joined(separator: ", "), at: first.location,
                             notes: ["the templates' stylesheet, scripts and images go in \(shownFolder)/ (a site made by `citypress init` has the built-in ones)"])]
        }
        return missing.map { name, location in
            var message = "'\(name)' is not in \(shownFolder)/: pages made with this template link to a file the site does not have"
            if let guess = Suggestion.closest(to: name, among: assets) { message += " (did you mean '\(guess)'?)" }
            return .warning(message, at: location, notes: ["add the file to \(shownFolder)/, or name one it has"])
        }
    }

    /// The path at the start of `text`: up to a quote, a space, `?`, `#`, `)`, `<`, `>` or a Mustache tag.
    private static func fileName(at text: [UInt8]) -> String {
        let ends: Set<UInt8> = Set("\"' \t\r\n?#)<>{".utf8)
        return String(decoding: text.prefix { !ends.contains($0) }, as: UTF8.self)
    }
}
