import Foundation
import Testing

/// The preview over the wire: `citypress serve` on the fixture site, on 127.0.0.1, asked by a plain
/// socket client that sends request targets byte for byte. Proves that what `PreviewRoutes` decides
/// (`PreviewResponderTests`) is what a browser receives.
@Suite(.serialized) struct PreviewSocketTests {
    /// Runs `body` against a server on a fresh copy of the fixture site.
    func withServer(_ body: (_ port: Int, _ site: URL) throws -> Void) throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let server = try ServeProcess(in: site)
            defer { server.stop() }
            try body(server.port, site)
        }
    }

    @Test func pagesCarryTheReloadScriptAndAreNeverCached() throws {
        try withServer { port, site in
            let page = try RawHTTPConnection.request("GET", "/", port: port)
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Cache-Control") == "no-store")
            #expect(page.header("X-Content-Type-Options") == "nosniff")
            #expect(page.header("Content-Length") == String(page.body.count))
            #expect(page.text.contains("<h1"))
            #expect(page.text.contains("new EventSource(\"/__citypress/events\")"))
            #expect(page.text.contains("</script></body>"))

            // Assets are served byte for byte, without the script.
            let css = try RawHTTPConnection.request("GET", "/assets/site.css", port: port)
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.header("Cache-Control") == "no-store")
            #expect(css.body == Array(try Data(contentsOf: site.appendingPathComponent("Templates/assets/site.css"))))

            // The preview never writes the site to disk.
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public").path))
        }
    }

    @Test func foldersRedirectWithTheirQueryAndUnknownPathsGetThe404Page() throws {
        try withServer { port, _ in
            let redirect = try RawHTTPConnection.request("GET", "/cities?sort=name", port: port)
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/cities/?sort=name")
            #expect(redirect.header("Cache-Control") == "no-store")
            #expect(redirect.body.isEmpty)
            let followed = try RawHTTPConnection.request("GET", "/cities/?sort=name", port: port)
            #expect(followed.status == 200)
            #expect(followed.text.contains("wroclaw/"))

            for path in ["/nowhere/", "/nowhere", "/cities/atlantis/"] {
                let missing = try RawHTTPConnection.request("GET", path, port: port)
                #expect(missing.status == 404, "\(path)")
                #expect(missing.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
                #expect(missing.text.contains("Page not found"), "\(path)")
                #expect(missing.text.contains("/__citypress/events"), "\(path)")
            }
        }
    }

    @Test func otherMethodsGet405WithAllow() throws {
        try withServer { port, _ in
            // One connection for all of them: a 405 must leave it usable for the next request.
            let connection = try RawHTTPConnection(port: port)
            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
                for path in ["/", "/__citypress/events"] {
                    let response = try connection.exchange(method, path, headers: ["Content-Length: 0"])
                    #expect(response.status == 405, "\(method) \(path)")
                    #expect(response.header("Allow") == "GET, HEAD", "\(method) \(path)")
                    #expect(response.text.contains("GET and HEAD only"), "\(method) \(path)")
                }
            }
            #expect(try connection.exchange("GET", "/").status == 200)
        }
    }

    @Test func headSendsGETsHeadersAndNoBody() throws {
        try withServer { port, _ in
            let connection = try RawHTTPConnection(port: port)
            for path in ["/", "/assets/site.css", "/declarations/second-accord/", "/nowhere/"] {
                let get = try connection.exchange("GET", path)
                let head = try connection.exchange("HEAD", path)
                #expect(head.status == get.status, "\(path)")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "\(path)")
                #expect(head.header("Content-Length") == String(get.body.count), "\(path)")
                #expect(head.header("Cache-Control") == "no-store", "\(path)")
            }
            // Had a HEAD sent a body, its bytes would be read here as the start of this response.
            #expect(try connection.exchange("GET", "/assets/site.css").status == 200)
            #expect(connection.buffer.isEmpty)

            // And on a connection the server closes, nothing at all follows the head.
            let closing = try RawHTTPConnection.request("HEAD", "/", port: port)
            #expect(closing.status == 200)
            #expect(Int(closing.header("Content-Length") ?? "") ?? 0 > 0)
            #expect(closing.body.isEmpty)
        }
    }

    /// Sent exactly as written, these reach the server undecoded and unnormalized, as an attacker's would.
    @Test func noRequestReadsOutsideTheSite() throws {
        try withServer { port, site in
            // A file beside the site's content that a path-joining server would give away.
            try writeText("SECRET-OUTSIDE-THE-SITE\n", to: site.appendingPathComponent("secret.txt"))
            let paths = ["/../secret.txt", "/%2e%2e/secret.txt", "/cities/%2e%2e/%2e%2e/secret.txt",
                         "/assets%2f..%2f..%2fsecret.txt", "/assets/..\\..\\secret.txt", "/index.html%00.css",
                         "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%5c..%5csecret.txt", "//etc/passwd", "/%zz",
                         "/../../../../etc/passwd", "/Content/site.yml", "/Templates/404.mustache", "/secret.txt"]
            for path in paths {
                let response = try RawHTTPConnection.request("GET", path, port: port)
                #expect(response.status == 404, "\(path) answered \(response.status)")
                #expect(response.text.contains("Page not found"), "\(path)")
                #expect(!response.text.contains("SECRET-OUTSIDE-THE-SITE"), "\(path)")
                #expect(!response.text.contains("root:"), "\(path)")
                #expect(!response.text.contains("network: Fixture"), "\(path)")
            }
        }
    }

    @Test func theEventStreamSaysHelloThenReloadsAfterAnEdit() throws {
        try withServer { port, site in
            let head = try RawHTTPConnection.request("HEAD", "/__citypress/events", port: port)
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == "text/event-stream")
            #expect(head.body.isEmpty)

            let events = try RawHTTPConnection(port: port)
            try events.send("GET /__citypress/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            let response = try RawHTTPResponse(head: try events.read(until: "\r\n\r\n", within: 5))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/event-stream")
            #expect(response.header("Cache-Control") == "no-store")
            let hello = try events.read(until: "event: hello\ndata: ", within: 5)
            #expect(hello.contains("retry: 500\n\n"))
            let firstTag = try events.read(until: "\n\n", within: 2).dropLast(2)
            #expect(firstTag.hasSuffix("-1"))

            let city = site.appendingPathComponent("Content/cities/wroclaw.yml")
            try writeText(try readText(city).replacingOccurrences(of: "Wroclaw", with: "Wrocław"), to: city)
            _ = try events.read(until: "event: reload\ndata: ", within: 5)
            let secondTag = try events.read(until: "\n\n", within: 2).dropLast(2)
            #expect(secondTag != firstTag)
            #expect(secondTag.hasSuffix("-2"))
            #expect(secondTag.split(separator: "-").first == firstTag.split(separator: "-").first, "same server run")
            #expect(try RawHTTPConnection.request("GET", "/cities/wroclaw/", port: port).text.contains("Wrocław"))
        }
    }
}
