import CityPressCore

/// The content folder's `static/`: files published at the site's root as they are, beside what
/// CityPress makes (a `CNAME`, `.well-known/security.txt`, a search engine's verification file, a
/// PDF of the network's charter). Listed and read as the templates' `assets/` are (`AssetFiles`).
package enum StaticFiles {
    /// The folder's name inside the content folder.
    package static let folderName = "static"

    /// An error for each of `files` (listed in `folder`, shown as `shownFolder`) that would be written
    /// where CityPress writes a file of its own (`planned`: the site's pages and data, and the assets):
    /// one of the two would be lost without a word.
    static func clashes(_ files: [String], with planned: Set<String>, shownFolder: String) -> [Diagnostic] {
        files.filter(planned.contains).map { file in
            .error("static file '\(file)' would replace the file CityPress writes at '\(file)'",
                   at: SourceLocation(path: shownFolder + "/" + file),
                   notes: [file.hasPrefix("assets/")
                       ? "the templates' assets/ folder has a file of that name: keep one of them"
                       : "rename or move it: static files go beside the site's own pages and files, never over them"])
        }
    }
}
