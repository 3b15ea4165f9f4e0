import Foundation
import Testing
@testable import CityPressPrint

private let browserPath: String? = {
    guard case .success(let browser) = Browser.locate(explicitPath: nil) else { return nil }
    return browser.path
}()

/// `citypress build --portable`: a site that works opened from a folder or a USB stick (`file://`).
@Suite(.serialized) struct LocalFolderTests {
    func buildPortable(into output: URL) throws -> ProcessResult {
        try runCityPress(["build", "--portable", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                          "--templates", TestPaths.templates.path, "--output", output.path], in: output.deletingLastPathComponent())
    }

    @Test func everyLinkNamesAFile() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("stick")
            let result = try buildPortable(into: output)
            #expect(result.status == 0, "\(result.stderr)")
            var checker = LinkChecker(root: output, requiresFiles: true)
            let pages = try checker.checkAll()
            #expect(pages > 10)
            #expect(checker.failures.isEmpty, "\(checker.failures.prefix(10))")
            // The same check fails on the default build, whose links name folders.
            let web = root.appendingPathComponent("web")
            _ = try runCityPress(["build", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                  "--templates", TestPaths.templates.path, "--output", web.path], in: root)
            var webChecker = LinkChecker(root: web, requiresFiles: true)
            _ = try webChecker.checkAll()
            #expect(!webChecker.failures.isEmpty)
        }
    }

    /// Opens pages from `file://` in headless Chromium and follows the links it finds there: each
    /// must load a page of the site (not a directory listing, not an error page).
    @Test(.enabled(if: browserPath != nil, "SKIPPED LOUDLY: no Chromium on PATH; `WITH_BROWSER=1 scripts/ensure-deps.sh` installs it"))
    func pagesOpenedFromDiskLinkToPages() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("stick")
            #expect(try buildPortable(into: output).status == 0)
            var queue = [output.appendingPathComponent("index.html").standardizedFileURL]
            var visited: Set<String> = []
            while let page = queue.first, visited.count < 9 {
                queue.removeFirst()
                guard visited.insert(page.path).inserted else { continue }
                let dom = try dumpDOM(page, root: root)
                #expect(dom.contains("<main"), "\(page.path) did not load as a page: \(dom.prefix(300))")
                #expect(!dom.contains("Index of"), "\(page.path) is a directory listing")
                for href in LinkChecker.hrefs(in: dom) where !href.hasPrefix("#") && !href.hasPrefix("http") {
                    let target = URL(string: href, relativeTo: page)?.absoluteURL.standardizedFileURL
                    guard let target, target.isFileURL else { continue }
                    let file = URL(fileURLWithPath: target.path)
                    guard file.path.hasPrefix(output.path), file.pathExtension == "html" else { continue }
                    if !visited.contains(file.path) { queue.append(file) }
                }
            }
            #expect(visited.count >= 8)
        }
    }

    private func dumpDOM(_ page: URL, root: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browserPath ?? "/usr/bin/chromium")
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(root.path)/profile",
                             "--dump-dom", page.absoluteString]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
