import Foundation
import Testing

/// Runs `citypress serve` on a copy of the fixture site and edits files under it, as an editor would.
@Suite(.serialized) struct ServeEndToEndTests {
    @Test func reloadsAfterAnEditShowsErrorsAndRecovers() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let server = try ServeProcess(in: site)
            let process = server.process, port = server.port

            let first = try RawHTTPConnection.get("/declarations/second-accord/", port: port)
            #expect(first.head.hasPrefix("HTTP/1.1 200"))
            #expect(first.body.contains("To plant trees."))
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public").path))

            let events = try RawHTTPConnection(port: port)
            try events.send("GET /__citypress/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let hello = try events.read(until: "\n\n", within: 5)
            #expect(hello.contains("text/event-stream"))
            _ = try? events.read(until: "event: hello", within: 2)
            _ = try events.read(until: "\n\n", within: 2)

            // Edit a declaration: a reload arrives within 2 s, then the page has the new text.
            let declaration = site.appendingPathComponent("Content/declarations/second-accord.md")
            try writeText(try readText(declaration).replacingOccurrences(of: "To plant trees.", with: "To plant ten thousand trees."),
                          to: declaration)
            let saved = Date()
            _ = try events.read(until: "event: reload", within: 2)
            let latency = Date().timeIntervalSince(saved)
            #expect(latency < 2)
            let changed = try RawHTTPConnection.get("/declarations/second-accord/", port: port)
            #expect(changed.body.contains("To plant ten thousand trees."))

            // Break a city record: every page shows the file and line.
            let city = site.appendingPathComponent("Content/cities/wroclaw.yml")
            let good = try readText(city)
            try writeText("name: Wroclaw\ncountry: [Poland\n", to: city)
            _ = try events.read(until: "event: reload", within: 5)
            let broken = try RawHTTPConnection.get("/", port: port)
            #expect(broken.head.hasPrefix("HTTP/1.1 500"))
            #expect(broken.body.contains("Content/cities/wroclaw.yml:2:17: error: malformed YAML"))

            // Fix it: the site is back.
            try writeText(good, to: city)
            _ = try events.read(until: "event: reload", within: 5)
            let fixed = try RawHTTPConnection.get("/cities/wroclaw/", port: port)
            #expect(fixed.head.hasPrefix("HTTP/1.1 200"))
            #expect(fixed.body.contains("Wroclaw"))

            // SIGTERM stops it cleanly, with status 0, even with a browser still connected.
            process.terminate()
            let stopped = Date()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(Date().timeIntervalSince(stopped) < 10)
        }
    }

    @Test func aPortInUseIsAClearError() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let server = try ServeProcess(in: site)
            defer { server.stop() }
            let port = server.port
            let second = try runCityPress(["serve", "--port", String(port)], in: site)
            #expect(second.status == 1)
            #expect(second.stderr.contains("port \(port) on 127.0.0.1 is already in use"))
            #expect(second.stderr.contains("--port"))
            // Said before building the site, which would have warned about the fixture's raw HTML first.
            #expect(!second.stderr.contains("warning:"), "\(second.stderr)")
        }
    }
}
