/// Files that editors, version control and operating systems leave beside the files people edit:
/// never content, never published, never a reason to rebuild the preview.
package enum EditorLeftovers {
    /// Whether a file or folder called `name` is one: hidden (`.x.swp`, `.DS_Store`, Emacs' `.#x`), a
    /// backup (`x~`, `x.bak`, `x.orig`, `x.rej`), a swap file (`x.swp`), an Emacs autosave (`#x#`) or
    /// vim's probe of whether a folder is writable (`4913`).
    package static func isLeftover(_ name: some StringProtocol) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        return suffixes.contains { name.hasSuffix($0) }
    }

    private static let suffixes = [".swp", ".swo", ".swx", ".bak", ".orig", ".rej"]
}
