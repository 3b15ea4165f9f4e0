import CityPressCore

/// The content folder's `static/`: files published at the site's root as they are, beside what
/// CityPress makes (a `CNAME`, `.well-known/security.txt`, a search engine's verification file, a
/// PDF of the network's charter). Listed and read as the templates' `assets/` are (`AssetFiles`).
package enum StaticFiles {
    /// The folder's name inside the content folder.
    package static let folderName = "static"

    /// An error for each of `files` (listed in `folder`, shown as `shownFolder`) that would be written
    /// where CityPress writes a file of its own (`planned`: the site's pages and data, and the assets, or
    /// the PDFs `--pdf` printed), or
    /// a folder of its own, or whose folder is one of its files; or whose path differs from one of those
    /// only in case, which a Mac's disk and many servers take for the same. One of the two would be lost.
    static func clashes(_ files: [String], with planned: Set<String>, shownFolder: String) -> [Diagnostic] {
        var plannedByKey: [String: String] = [:]
        var foldersByKey: [String: String] = [:]
        for file in planned.sorted() {
            plannedByKey[file.lowercased()] = file
            var folder = Substring(file)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                foldersByKey[folder.lowercased()] = String(folder)
            }
        }
        return files.compactMap { file -> Diagnostic? in
            let key = file.lowercased()
            var message: String?
            if let clash = plannedByKey[key] {
                message = clash == file ? "would replace the file CityPress writes at '\(clash)'"
                    : "would replace the file CityPress writes at '\(clash)' on a disk that ignores case (a Mac's)"
            } else if let clash = foldersByKey[key] {
                message = "would replace the folder CityPress writes at '\(clash)'"
            } else {
                var folder = Substring(key)
                while message == nil, let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    if let clash = plannedByKey[String(folder)] { message = "needs a folder where CityPress writes the file '\(clash)'" }
                }
            }
            guard let message else { return nil }
            return .error("static file '\(file)' " + message,
                          at: SourceLocation(path: shownFolder + "/" + file),
                          notes: [file.hasPrefix("assets/")
                              ? "the templates' assets/ folder has a file of that name: keep one of them"
                              : "rename or move it: static files go beside the site's own pages and files, never over them"])
        }
    }
}
