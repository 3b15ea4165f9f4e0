import Foundation
import Testing
@testable import CityPressCore

@Suite struct CommandLineTests {
    @Test func helpAndVersion() throws {
        let help = try runCityPress(["--help"], in: TestPaths.packageRoot)
        #expect(help.status == 0)
        for command in ["init", "new", "build", "serve", "pdf"] { #expect(help.stdout.contains(command)) }
        let version = try runCityPress(["--version"], in: TestPaths.packageRoot)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == CityPressVersion.string)
    }

    @Test func quietBuildPrintsNothingButProblems() throws {
        try withTemporaryFolder { root in
            let result = try runCityPress(["build", "--quiet", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path, "--output", root.appendingPathComponent("out").path],
                                          in: root)
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            #expect(!result.stderr.contains("rendering pages"), "no progress line when not on a terminal")
        }
    }

    @Test(arguments: [("buidl", "build"), ("biuld", "build"), ("bild", "build"), ("serv", "serve"), ("ser", "serve"),
                      ("PDF", "pdf"), ("inti", "init"), ("nwe", "new")])
    func mistypedCommandGetsASuggestion(typed: String, meant: String) throws {
        let result = try runCityPress([typed], in: TestPaths.packageRoot)
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown command '\(typed)'; did you mean '\(meant)'?"), "\(result.stderr)")
    }

    @Test func unknownCommandWithNoLikenessIsStillAnError() throws {
        let result = try runCityPress(["xylophone"], in: TestPaths.packageRoot)
        #expect(result.status != 0)
        #expect(!result.stderr.contains("did you mean"))
        #expect(result.stderr.contains("xylophone"))
    }

    @Test func paperNamesIgnoreCase() throws {
        // A browser that does not exist: the command gets past parsing `--paper A4` and stops before printing,
        // so this needs no Chromium.
        for paper in ["A4", "a4", "Letter", "LETTER"] {
            let result = try runCityPress(["pdf", "--paper", paper, "--browser", "/nonexistent/chromium",
                                           "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path], in: TestPaths.packageRoot)
            #expect(result.status == 1)
            #expect(!result.stderr.contains("--paper"), "\(paper) is accepted: \(result.stderr)")
            #expect(result.stderr.contains("/nonexistent/chromium"))
        }
        let bad = try runCityPress(["pdf", "--paper", "A3"], in: TestPaths.packageRoot)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'A3' is invalid for '--paper"))
        #expect(bad.stderr.contains("Usage: citypress pdf"), "the subcommand's usage: \(bad.stderr)")
    }

    @Test func badOptionValuesShowTheSubcommandsUsage() throws {
        let cases: [([String], String)] = [
            (["serve", "--port", "abc"], "Usage: citypress serve"),
            (["serve", "--port", "70000"], "Usage: citypress serve"),
            (["serve", "--host", ""], "--host '' is neither an IP address nor a name this machine resolves"),
            (["check", "--external", "--timeout", "1e300"], "--timeout must be a number of seconds above 0, at most 3600"),
            (["check", "--external", "--timeout=-1"], "--timeout must be a number of seconds above 0, at most 3600"),
            // Options that would do nothing are refused, not ignored.
            (["check", "--timeout", "1"], "--timeout is for --external, which asks the links to other sites"),
            (["check", "--cache", "links.json"], "--cache is for --external"),
            (["check", "--no-cache"], "--no-cache is for --external"),
            (["check", "--external", "--no-cache", "--cache", "links.json"], "--cache and --no-cache exclude each other"),
            (["build", "--browser", "/usr/bin/chromium"], "--browser is the browser that prints PDFs: add --pdf"),
            (["init", ""], "FOLDER is empty"),
            (["new", "city", "Oslo", "--kind", "town"], "Usage: citypress new city"),
            (["new", "declaration", "Oslo", "--date", "2024-02-30"], "Usage: citypress new declaration"),
        ]
        for (arguments, usage) in cases {
            let result = try runCityPress(arguments, in: TestPaths.packageRoot)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(usage), "\(arguments): \(result.stderr)")
        }
    }

    @Test func serveWithoutAContentFolderSaysSoAndStops() throws {
        try withTemporaryFolder { root in
            // With a deadline: a serve that starts anyway would otherwise run until killed.
            let result = try runCityPress(["serve", "--port", "0"], in: root, killedAfter: .seconds(20))
            #expect(result.status == 1)
            #expect(result.stderr.contains("no folder 'Content'"), "\(result.stderr)")
            #expect(!result.stdout.contains("Serving"), "it stops before listening")
        }
    }

    @Test func pdfOfADraftSaysToIncludeDrafts() throws {
        // No browser needed: slugs are checked before the browser is looked for.
        let content = TestPaths.fixtureSite.appendingPathComponent("Content").path
        let result = try runCityPress(["pdf", "draft-accord", "--browser", "/nonexistent/chromium",
                                       "--content", content, "--templates", TestPaths.templates.path], in: TestPaths.packageRoot)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: 'draft-accord' is a draft\nnote: pass --drafts to include drafts"), "\(result.stderr)")
        #expect(!result.stderr.contains("unknown declaration"))

        let unknown = try runCityPress(["pdf", "no-such-accord", "--browser", "/nonexistent/chromium",
                                        "--content", content, "--templates", TestPaths.templates.path], in: TestPaths.packageRoot)
        #expect(unknown.stderr.contains("unknown declaration 'no-such-accord'"))
        #expect(!unknown.stderr.contains("is a draft"))
    }

    /// A browser that fails to print, as `build --pdf` reports it: in the browser's words, as `citypress pdf`
    /// does, not as an error writing the site.
    @Test func aBrowserThatFailsInBuildWithPDFIsNamedWithWhatItSaid() throws {
        try withTemporaryFolder { root in
            let browser = root.appendingPathComponent("fake-chromium")
            try writeText("#!/bin/sh\necho 'chromium: cannot open display' >&2\nexit 1\n", to: browser)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
            let result = try runCityPress(["build", "--pdf", "--browser", browser.path, "--output", "out",
                                           "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path], in: root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: cannot print PDFs: the browser could not print "), "\(result.stderr)")
            #expect(result.stderr.contains("(exit status 1): chromium: cannot open display\nnote: the output folder was left as it was"),
                    "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
            #expect(result.stderr.hasSuffix("citypress: build failed with 1 error; 'out' was not created\n"), "\(result.stderr)")
        }
    }

    @Test func completionScriptsForEveryShell() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try runCityPress(["--generate-completion-script", shell], in: TestPaths.packageRoot)
            #expect(result.status == 0)
            #expect(result.stdout.contains("citypress"))
            #expect(result.stdout.contains("init"), "\(shell) completes the new commands")
        }
    }
}

/// Runs `citypress` like `runCityPress`, but sends SIGKILL when it is still running after `limit`.
private func runCityPress(_ arguments: [String], in directory: URL, killedAfter limit: Duration) throws -> ProcessResult {
    let process = Process()
    process.executableURL = TestPaths.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let pid = process.processIdentifier
    let watchdog = Thread {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if !process.isRunning { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning { kill(pid, SIGKILL) }
    }
    watchdog.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}
