import Foundation
import CityPressCore
import CityPressTemplates

/// Templates that print the assets folder's address and a file name after it (`{{assets}}site.css`,
/// `{{siteURL}}assets/share.png`): a file the site will not have at that address is a broken link on
/// every page the template makes, which only `citypress check` would notice (a renamed stylesheet, a
/// deleted `assets/` folder).
enum AssetReferences {
    /// A warning for each such name that is neither one of `assets` (paths below `shownFolder`) nor one
    /// of `staticAssets` (paths below `assets/` published from the content's `static/` folder).
    static func missing(in templates: TemplateSet, assets: [String], staticAssets: [String] = [], shownFolder: String) -> [Diagnostic] {
        let known = Set(assets + staticAssets)
        var uses: [(name: String, isPrefix: Bool, location: SourceLocation)] = []
        for use in templates.literalsAfter(fieldNamed: "assets") {
            uses.append(name(at: use.text[...], followedByTag: use.isFollowedByTag, location: use.location))
        }
        let folder = Array("assets/".utf8)
        for use in templates.literalsAfter(fieldNamed: "siteURL") where use.text.starts(with: folder) {
            uses.append(name(at: use.text.dropFirst(folder.count), followedByTag: use.isFollowedByTag, location: use.location))
        }
        let missing = uses.filter { use in
            !use.name.isEmpty && (use.isPrefix ? !known.contains { $0.hasPrefix(use.name) } : !known.contains(use.name))
        }.sorted { ($0.location.path, $0.location.line, $0.location.column) < ($1.location.path, $1.location.line, $1.location.column) }
        guard let first = missing.first else { return [] }
        // No folder (or an empty one): one warning, not one per tag.
        if known.isEmpty {
            let names = Set(missing.map(\.name)).sorted()
            return [.warning("\(shownFolder)/ has no files, but the templates link to \(names.count == 1 ? "one" : "\(names.count)") of them: "
                             + names.joined(separator: ", "), at: first.location,
                             notes: ["the templates' stylesheet, scripts and images go in \(shownFolder)/ (a site made by `citypress init` has the built-in ones)"])]
        }
        return missing.map { name, isPrefix, location in
            var message = isPrefix
                ? "no file in \(shownFolder)/ starts with '\(name)': pages made with this template link to files the site does not have"
                : "'\(name)' is not in \(shownFolder)/: pages made with this template link to a file the site does not have"
            if !isPrefix, let guess = Suggestion.closest(to: name, among: known) { message += " (did you mean '\(guess)'?)" }
            return .warning(message, at: location, notes: ["add the file to \(shownFolder)/, or name one it has"])
        }
    }

    /// The path at the start of `text` (up to a quote, a space, `?`, `#`, a closing bracket, `<` or `>`), percent-decoded,
    /// without the commas a `srcset` may end a candidate with; only the start of a path when it runs to
    /// the end of the text and a tag follows (`flags/{{language}}.svg`).
    private static func name(at text: ArraySlice<UInt8>, followedByTag: Bool, location: SourceLocation)
        -> (name: String, isPrefix: Bool, location: SourceLocation) {
        // `]` and `}` close what the address was printed in (`[{{assets}}]`, a script's `{base: {{assets}}}`).
        let ends: Set<UInt8> = Set("\"' \t\r\n?#)]}<>".utf8)
        let path = text.prefix { !ends.contains($0) }
        var name = String(decoding: path, as: UTF8.self)
        while name.hasSuffix(",") { name.removeLast() }
        name = name.removingPercentEncoding ?? name
        return (name, path.count == text.count && followedByTag, location)
    }
}
