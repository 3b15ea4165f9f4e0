import Foundation
import Testing

/// scripts/a11y/.venv's Python when it has selenium, and chromium and chromedriver on PATH: what
/// scripts/search/check_search.py needs (scripts/a11y/install.sh installs all of it).
private let searchCheckPython: String? = {
    let venv = TestPaths.packageRoot.appendingPathComponent("scripts/a11y/.venv")
    let python = venv.appendingPathComponent("bin/python").path
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    let hasTools = ["chromium", "chromedriver"].allSatisfy { tool in
        folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
    let lib = venv.appendingPathComponent("lib").path
    let hasSelenium = ((try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []).contains { version in
        FileManager.default.fileExists(atPath: "\(lib)/\(version)/site-packages/selenium/__init__.py")
    }
    return hasTools && hasSelenium && FileManager.default.isExecutableFile(atPath: python) ? python : nil
}()

/// The search page and the cities filter in headless Chromium, keyboard only: the fixture site
/// served under a subpath, and built `--portable` and opened from `file://` (`make check-search`
/// runs the same script).
@Suite(.serialized,
       .enabled(if: searchCheckPython != nil,
                "SKIPPED LOUDLY: no scripts/a11y/.venv with selenium, or no chromium/chromedriver on PATH; `bash scripts/a11y/install.sh` installs them"))
struct SearchBrowserTests {
    @Test func searchAndFilterWorkWithTheKeyboardInChromium() throws {
        try withTemporaryFolder { root in
            let content = TestPaths.fixtureSite.appendingPathComponent("Content").path
            for (folder, flags) in [("web", [String]()), ("portable", ["--portable"])] {
                let build = try runCityPress(["build", "--quiet", "--content", content, "--templates", TestPaths.templates.path,
                                              "--output", folder] + flags, in: root)
                #expect(build.status == 0, "\(build.stderr)")
            }
            // More results than the page shows at first: 60 cities whose names share a word (each a warning:
            // it endorses nothing).
            let many = root.appendingPathComponent("many-content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: many)
            for number in 1...60 {
                try "name: Testtown \(number)\ncountry: Poland\n"
                    .write(to: many.appendingPathComponent("cities/testtown-\(number).yml"), atomically: true, encoding: .utf8)
            }
            let manyBuild = try runCityPress(["build", "--quiet", "--content", many.path, "--templates", TestPaths.templates.path,
                                              "--output", "many"], in: root)
            #expect(manyBuild.status == 0, "\(manyBuild.stderr)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(searchCheckPython))
            process.arguments = [TestPaths.packageRoot.appendingPathComponent("scripts/search/check_search.py").path,
                                 root.appendingPathComponent("web").path, root.appendingPathComponent("portable").path,
                                 "--many", root.appendingPathComponent("many").path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("portable: 47 checks passed, 0 failed"), "\(text)")
            #expect(text.contains("many: 10 checks passed, 0 failed"), "\(text)")
        }
    }
}
