import Foundation
import Testing
@testable import CityPressCheck
@testable import CityPressCore

/// A page with everything the page rules ask for: `<title>`, `lang`, one `<h1>` (line 7); `body` starts on line 8.
func validPage(_ body: String = "", title: String = "A page", html: String = "<html lang=\"en\">") -> String {
    "<!DOCTYPE html>\n\(html)\n<head>\n<title>\(title)</title>\n</head>\n<body>\n<h1>A page</h1>\n\(body)\n</body>\n</html>\n"
}

/// Writes `files` (path → text) into a folder `Public` of a temporary folder, checks it, and returns
/// the one-line form of each diagnostic (`Public/a.html:8:4: error: …`) in display order.
func check(_ files: [String: String], baseURL: String? = nil) throws -> [String] {
    try withTemporaryFolder { root in
        let site = root.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for (path, text) in files { try writeText(text, to: site.appendingPathComponent(path)) }
        let report = SiteCheck.run(SiteCheck.Options(outputPath: site.path, baseURL: baseURL))
        let found = report.diagnostics.map { $0.description.replacingOccurrences(of: site.path, with: "Public") }
        // `build --check` checks the same pages from memory, against the list of files written: same findings.
        if let written = WrittenPageCheck(outputPath: site.path, baseURL: baseURL, files: Array(files.keys)) {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { written.inspect(Array(text.utf8), at: path) }
            let fromMemory = written.finish()?.diagnostics.map { $0.description.replacingOccurrences(of: site.path, with: "Public") }
            #expect(fromMemory == found, "checked from memory: \(fromMemory ?? [])")
        }
        return found
    }
}
