import CityPressCore

extension InterfaceTableFile {
    /// Warnings for a site's phrase of `key` (at `node`) that would print wrongly on every page in its
    /// language, compared with the key's `english` phrase: a placeholder the key does not have (`{titel}`,
    /// shown as written), no text where English has some, or a plural map none of whose forms shows
    /// `{count}` when the English one does ("villes", no number).
    static func check(_ phrase: Phrase, of key: TextKey, at node: YAMLNode, against english: Phrase?,
                      in document: inout YAMLDocument) {
        let known = english?.placeholders ?? []
        let location = document.location(of: node)
        let listed = known.sorted().map { "{\($0)}" }
        let has = listed.isEmpty ? "it has none" : "it has " + listed.joined(separator: ", ")
        // A plural map is chosen by a number, which it may show whatever English's text does.
        let allowed = phrase.isPlural || english?.isPlural == true ? known.union(["count"]) : known
        for name in phrase.placeholders.subtracting(allowed).sorted() {
            let guess = Suggestion.closest(to: name, among: known).map { " (did you mean '{\($0)}'?)" } ?? ""
            document.report(.warning("'{\(name)}' is no placeholder of '\(key.name)': pages show it as written" + guess,
                                     at: location, notes: [has]))
        }
        if phrase.isEmpty, english?.isEmpty == false {
            document.report(.warning("'\(key.name)' is empty: pages show nothing where it goes", at: location,
                                     notes: ["give it a text, or remove the line to use the built-in one"]))
        }
        if phrase.isPlural, known.contains("count"), !phrase.placeholders.contains("count") {
            document.report(.warning("no form of '\(key.name)' shows the number: write {count} where it goes",
                                     at: location, notes: ["as in {one: \"{count} ville\", other: \"{count} villes\"}"]))
        }
    }
}
