/// Files that editors, version control and operating systems leave beside the files people edit:
/// never content, never published, never a reason to rebuild the preview.
package enum EditorLeftovers {
    /// Whether a file or folder called `name` is one: hidden (`.x.swp`, `.DS_Store`, Emacs' `.#x`), a
    /// backup (`x~`, `x.bak`, `x.orig`, `x.rej`), a swap file (`x.swp`), an Emacs autosave (`#x#`) or
    /// vim's probe of whether a folder is writable (`4913`). The hidden names a web server reads
    /// (`.well-known`, `.htaccess`, `.nojekyll`) are no leftovers: a site's `static/` folder publishes them.
    package static func isLeftover(_ name: some StringProtocol) -> Bool {
        if name.hasPrefix(".") { return !publishedHiddenNames.contains(String(name)) }
        if name.hasSuffix("~") || name == "4913" { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        return suffixes.contains { name.hasSuffix($0) }
    }

    /// Hidden names that servers and hosts read: RFC 8615's folder (`security.txt`, `assetlinks.json`),
    /// Apache's per-folder settings, and GitHub Pages' switch that turns Jekyll off.
    package static let publishedHiddenNames: Set<String> = [".well-known", ".htaccess", ".nojekyll"]

    private static let suffixes = [".swp", ".swo", ".swx", ".bak", ".orig", ".rej"]
}
