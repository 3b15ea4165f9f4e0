import CityPressCore

/// What a build changed in its output folder, file by file: what a deploy step uploads (`added`,
/// `changed`) and deletes (`removed`). Paths are relative to the output folder, sorted, with `/`.
/// The output's marker (`.citypress-build`) is never listed: it is not part of the site.
package struct ChangeList: Sendable, Equatable {
    /// Files the old output did not have.
    package var added: [String]
    /// Files whose bytes differ from the old output's.
    package var changed: [String]
    /// Files of the old output the new one does not have.
    package var removed: [String]
    /// Files with the same bytes as before (counted, not listed).
    package var unchangedCount: Int

    /// The changes between the files `log` recorded and `oldFiles`, the old output's files.
    package init(_ log: WriteLog, oldFiles: [String]) {
        let written = log.files.filter { $0.key != OutputFolder.markerName }
        func sorted(_ paths: some Sequence<String>) -> [String] {
            paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        // A path the old output had as something else than a file (a folder of that name) is a new file.
        let old = Set(oldFiles)
        added = sorted(written.filter { $0.value.outcome == .added || $0.value.outcome == .changed && !old.contains($0.key) }.keys)
        changed = sorted(written.filter { $0.value.outcome == .changed && old.contains($0.key) }.keys)
        removed = sorted(oldFiles.filter { $0 != OutputFolder.markerName && written[$0] == nil })
        unchangedCount = written.count - added.count - changed.count
    }

    /// As JSON: `{"added": [...], "changed": [...], "removed": [...], "unchanged": 123}`, one path per line.
    package var json: String {
        "{\"added\": \(Self.jsonArray(added)),\n\"changed\": \(Self.jsonArray(changed)),\n"
            + "\"removed\": \(Self.jsonArray(removed)),\n\"unchanged\": \(unchangedCount)}\n"
    }

    /// `items` as a JSON array of strings, one per line.
    private static func jsonArray(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { "  " + JSONText.string($0) }.joined(separator: ",\n") + "\n]"
    }
}
