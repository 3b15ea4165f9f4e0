import Foundation
import CityPressCore
import CityPressMarkdown

/// One record file as a `ContentKind` reads it: where it is, how diagnostics name it, and the
/// site's settings that parsing may depend on.
package struct ContentFile: Sendable {
    /// The path below the kind's folder (`lodz.yml`, or `2024/lodz.md` in a kind that reads subfolders).
    package let name: String
    /// The path to open.
    package let path: String
    /// The path as diagnostics show it (`Content/cities/lodz.yml`).
    package let displayPath: String
    /// The kind's extension, without its dot.
    package let fileExtension: String
    /// Markdown as `site.yml` asks for it (raw HTML kept or not). A `LoadCache` entry is reused
    /// only with the same settings, whatever the kind, so that a kind cannot forget to say it uses them.
    package let markdown: MarkdownParser
    /// Where `read` leaves the `fstat` of the file it read, when given (a cached load stores a record with
    /// the stamp of the very file parsed).
    package var readStatus: FileReadStatus?

    /// A file; `ContentRoot.file(_:of:markdown:)` makes them for a kind's files.
    package init(name: String, path: String, displayPath: String, fileExtension: String, markdown: MarkdownParser) {
        self.name = name
        self.path = path
        self.displayPath = displayPath
        self.fileExtension = fileExtension
        self.markdown = markdown
    }

    /// The whole file, as diagnostics point into it.
    package var location: SourceLocation { SourceLocation(path: displayPath) }

    /// The file's text, or `nil` with the reason in `diagnostics`.
    package func read(_ diagnostics: inout [Diagnostic]) -> SourceText? {
        var info = stat()
        let read = SourceFileReader.read(path: path, displayPath: displayPath, info: &info)
        readStatus?.info = info.st_ino == 0 ? nil : info
        switch read {
        case .success(let text): return SourceText(path: displayPath, text: text, keepingText: true)
        case .failure(let error): diagnostics.append(error.diagnostic); return nil
        }
    }

    /// The file's name without its folders and extension, when it is a valid slug; otherwise `nil`,
    /// with an error (and a name to rename the file to) in `diagnostics`.
    package func slug(_ diagnostics: inout [Diagnostic]) -> String? {
        let fileName = name.lastIndex(of: "/").map { name[name.index(after: $0)...] } ?? name[...]
        let slug = String(fileName.dropLast(fileExtension.count + 1))
        guard Slug.isValid(slug) else {
            let suggestion = Slug.make(from: slug)
            let suggested = suggestion + "." + fileExtension
            // Renamed onto a record that is there (`Oslo.yml` beside `oslo.yml`), it would replace that record.
            // Looked for by name in the folder's listing: where names ignore case, `oslo.yml` "exists" as `Oslo.yml`.
            let isTaken = !suggestion.isEmpty
                && (try? FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent))?.contains(suggested) == true
            let notes = suggestion.isEmpty ? []
                : isTaken ? ["'\(suggested)' is there already: merge what this file adds into it, then remove this one"]
                : ["rename the file to '\(suggested)'"]
            diagnostics.append(.error("bad slug '\(slug)': file names must match [a-z0-9]+(-[a-z0-9]+)*", at: location, notes: notes))
            return nil
        }
        return slug
    }
}

/// The `fstat` of a file `ContentFile.read` read, for the thread that loads that one file.
package final class FileReadStatus: @unchecked Sendable {
    package var info: stat?

    package init() {}
}
