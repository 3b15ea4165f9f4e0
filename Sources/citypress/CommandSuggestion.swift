import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold

/// "Did you mean …?" for a mistyped subcommand name.
enum CommandSuggestion {
    /// The command `word` was probably meant to be, or `nil` when `word` is a command, an option, or
    /// like none of them. Besides the library's edit-distance match (`Suggestion.closest`), it accepts
    /// one swap of neighbouring letters (`buidl` → `build`, two edits, more than a 5-letter word is allowed)
    /// and the start of a name (`ser` → `serve`), the two most common slips on a short command.
    static func suggestion(for word: String, among names: [String]) -> String? {
        guard !word.hasPrefix("-"), !word.isEmpty, !names.contains(word) else { return nil }
        let lowered = word.lowercased()
        if names.contains(lowered) { return lowered }
        if let close = Suggestion.closest(to: lowered, among: names) { return close }
        let letters = Array(lowered)
        for name in names where name.count == letters.count {
            let other = Array(name)
            let differing = letters.indices.filter { letters[$0] != other[$0] }
            if differing.count == 2, differing[1] == differing[0] + 1,
               letters[differing[0]] == other[differing[1]], letters[differing[1]] == other[differing[0]] {
                return name
            }
        }
        let starting = names.filter { lowered.count >= 2 && $0.hasPrefix(lowered) }
        return starting.count == 1 ? starting[0] : nil
    }
}
