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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(searchCheckPython))
            process.arguments = [TestPaths.packageRoot.appendingPathComponent("scripts/search/check_search.py").path,
                                 root.appendingPathComponent("web").path, root.appendingPathComponent("portable").path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("portable: 46 checks passed, 0 failed"), "\(text)")
        }
    }
}
