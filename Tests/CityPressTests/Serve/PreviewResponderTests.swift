import Foundation
import Testing
@testable import CityPressServer
import CityPressCore

/// The preview's answers, decided in process by `PreviewRoutes` (what `PreviewResponder` sends);
/// `PreviewSocketTests` checks the same over a socket against the real server.
@Suite struct PreviewResponderTests {
    static let files: [String: [UInt8]] = [
        "index.html": Array("<html><body><h1>Home</h1></body></html>".utf8),
        "cities/index.html": Array("<html><body>Cities</body></html>".utf8),
        "404.html": Array("<html><body>Nothing here</body></html>".utf8),
        "assets/site.css": Array("body{}".utf8), "assets/app.js": [1], "assets/logo.svg": [1], "assets/logo.png": [1],
        "sitemap.xml": Array("<urlset/>".utf8), "data.json": [1], "doc.pdf": [1], "assets/font.woff2": [1],
        "data/cities.csv": [1], "assets/photo.avif": [1], "assets/font.ttf": [1], "assets/site.webmanifest": [1],
    ]

    static func site(_ content: PreviewSite.Content = .built(PreviewFiles(files))) -> PreviewSite {
        PreviewSite(content: content, version: 1, instance: "test")
    }

    /// The answer to `method` on `target` (path and query, as a browser sends them).
    func reply(_ target: String, method: String = "GET", site: PreviewSite = site()) -> PreviewReply {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return PreviewRoutes.reply(method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : nil,
                                   site: site)
    }

    @Test func servesPagesWithTheReloadScriptAndNoCaching() {
        let response = reply("/")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.header("cache-control") == "no-store")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Content-Length") == String(response.bytes.count))
        let body = String(decoding: response.bytes, as: UTF8.self)
        #expect(body.hasPrefix("<html><body><h1>Home</h1><script>"))
        #expect(body.contains("new EventSource(\"/__citypress/events\")"))
        #expect(body.hasSuffix("</script></body></html>"))
        // The page knows its build: a tab loaded while the next one was made reloads when it connects.
        #expect(body.contains("var seen=\"test-1\";") && response.header("X-CityPress-Build") == "test-1")
        let failed = String(decoding: reply("/", site: PreviewSite(content: .failed("x"), version: 2, instance: "test")).bytes, as: UTF8.self)
        #expect(failed.contains("var seen=\"test-2\";"))
        // Files that are not HTML are served as they are.
        #expect(reply("/assets/site.css").bytes == Array("body{}".utf8))
    }

    @Test func foldersRedirectAndServeTheirIndex() {
        let redirect = reply("/cities?x=1")
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "/cities/?x=1")
        #expect(redirect.header("Cache-Control") == "no-store")
        #expect(redirect.header("Content-Length") == "0")
        #expect(redirect.body == .bytes([]))
        #expect(reply("/cities").header("Location") == "/cities/")
        let page = reply("/cities/")
        #expect(page.status == 200)
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("Cities"))
        #expect(reply("/cities/?x=1").status == 200)
    }

    @Test func unknownPathsGetThe404PageAndOtherMethods405() {
        for path in ["/nowhere/", "/nowhere", "/assets/", "/index.html/"] {
            let missing = reply(path)
            #expect(missing.status == 404, "\(path)")
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
            #expect(String(decoding: missing.bytes, as: UTF8.self).contains("Nothing here"), "\(path)")
        }
        var withoutPage = Self.files
        withoutPage["404.html"] = nil
        let plain = reply("/nowhere/", site: Self.site(.built(PreviewFiles(withoutPage))))
        #expect(plain.status == 404)
        #expect(plain.bytes == Array("Not found.\n".utf8))
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "get"] {
            for path in ["/", "/nowhere/", PreviewRoutes.eventsPath] {
                let response = reply(path, method: method)
                #expect(response.status == 405, "\(method) \(path)")
                #expect(response.header("Allow") == "GET, HEAD", "\(method) \(path)")
                #expect(response.header("Cache-Control") == "no-store")
            }
        }
    }

    /// A page the build has but whose bytes cannot be read back (here the temporary file ends before
    /// them) is the server's fault: a 500 that says so and a line for the log, not a 404.
    @Test func pagesThatCannotBeReadBackAre500sNot404s() throws {
        try withTemporaryFolder { folder in
            let pack = PagePack(folder: folder.path)
            #expect(pack.isFile)
            let beyondTheEnd = StoredPage(offset: 0, count: 10)
            let site = Self.site(.built(PreviewFiles(pack: pack, rendered: ["index.html": beyondTheEnd, "cities/index.html": beyondTheEnd,
                                                                             "404.html": beyondTheEnd])))
            for path in ["/", "/cities/"] {
                let failed = reply(path, site: site)
                #expect(failed.status == 500, "\(path)")
                #expect(String(decoding: failed.bytes, as: UTF8.self).contains("could not read a page back from its temporary file"), "\(path)")
                #expect(failed.problem?.contains("could not serve \(path)") == true, "\(path)")
                #expect(failed.header("Content-Length") == String(failed.bytes.count))
            }
            #expect(reply("/", method: "HEAD", site: site).status == 500)
            #expect(reply("/cities", site: site).status == 301, "the folder exists: the redirect stands")
            // A missing path is still a 404; that the site's 404 page cannot be read goes to the log.
            let missing = reply("/nowhere/", site: site)
            #expect(missing.status == 404)
            #expect(missing.problem?.contains("404.html") == true)
            #expect(reply("/").problem == nil && reply("/nowhere/").problem == nil, "pages that are read say nothing to the log")
        }
    }

    @Test func headHasHeadersButNoBody() {
        let response = reply("/assets/site.css", method: "HEAD")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/css; charset=utf-8")
        #expect(response.header("Content-Length") == "6")
        #expect(response.body == .bytes([]))
        // A page's length is the length GET sends, reload script included.
        let page = reply("/", method: "HEAD"), get = reply("/")
        #expect(page.headers == get.headers)
        #expect(page.body == .bytes([]))
        let missing = reply("/nowhere/", method: "HEAD")
        #expect(missing.status == 404)
        #expect(missing.body == .bytes([]))
        #expect(reply("/", method: "HEAD", site: Self.site(.failed("x"))).body == .bytes([]))
    }

    /// Every answer names the build it comes from, so a client can tell that pages fetched during
    /// rebuilds each come whole from one build (the reload stream carries the tags itself).
    @Test func answersNameTheirBuild() {
        let site = PreviewSite(content: .built(PreviewFiles(Self.files)), version: 7, instance: "abc")
        for path in ["/", "/nowhere/", "/assets/site.css"] {
            #expect(reply(path, site: site).header("X-CityPress-Build") == "abc-7", "\(path)")
        }
        #expect(reply("/", site: PreviewSite(content: .failed("x"), version: 8, instance: "abc")).header("X-CityPress-Build") == "abc-8")
        #expect(reply("/__citypress/events").header("X-CityPress-Build") == nil)
    }

    /// With a base URL below a path, the not-found page's links start with it (`/network/assets/site.css`):
    /// the preview serves them as the site's own files, as the published site does.
    @Test func aRequestBelowTheBaseURLsPathIsTheSitesOwn() throws {
        let pack = PagePack(inMemory: true)
        var pages: [String: StoredPage] = [:]
        for (path, bytes) in Self.files { pages[path] = try pack.append(bytes) }
        let files = PreviewFiles(pack: pack, rendered: pages, baseURL: "https://example.org/network/")
        let site = PreviewSite(content: .built(files), version: 1, instance: "test")
        #expect(reply("/network/assets/site.css", site: site).bytes == Array("body{}".utf8))
        #expect(reply("/network/", site: site).status == 200)
        #expect(reply("/network/cities/", site: site).status == 200)
        #expect(reply("/network/nowhere/", site: site).status == 404)
        #expect(reply("/assets/site.css", site: site).status == 200)
        // Without a path in the base URL, nothing is taken off.
        #expect(reply("/network/assets/site.css").status == 404)
    }

    @Test func mediaTypes() {
        let expected = [
            "/assets/site.css": "text/css; charset=utf-8", "/assets/app.js": "text/javascript; charset=utf-8",
            "/assets/logo.svg": "image/svg+xml", "/assets/logo.png": "image/png",
            "/sitemap.xml": "application/xml; charset=utf-8", "/data.json": "application/json",
            "/doc.pdf": "application/pdf", "/assets/font.woff2": "font/woff2",
            // The open data's tables, as a web server names them.
            "/data/cities.csv": "text/csv; charset=utf-8", "/assets/photo.avif": "image/avif", "/assets/font.ttf": "font/ttf",
            "/assets/site.webmanifest": "application/manifest+json",
        ]
        for (path, type) in expected {
            let response = reply(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
        }
    }

    @Test(arguments: ["/../Package.swift", "/%2e%2e/Package.swift", "/cities/%2e%2e/%2e%2e/etc/passwd",
                      "/assets%2f..%2f..%2fPackage.swift", "/assets/..\\..\\Package.swift", "/index.html%00.css",
                      "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%5c..%5cPackage.swift", "//etc/passwd", "/%zz",
                      "/cities/../index.html", "/./index.html", "index.html", ""])
    func noRequestReadsOutsideTheSite(_ path: String) {
        let response = reply(path)
        #expect(response.status == 404, "\(path) answered \(response.status)")
        #expect(String(decoding: response.bytes, as: UTF8.self).contains("Nothing here"))
    }

    @Test func aFailedBuildShowsItsProblemsOnEveryPage() {
        let report = "Content/cities/oslo.yml:2:1: error: missing required field 'country'\n<name>\n^"
        for path in ["/", "/cities/", "/anything", "/assets/site.css"] {
            let response = reply(path, site: Self.site(.failed(report)))
            #expect(response.status == 500)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.header("Cache-Control") == "no-store")
            let body = String(decoding: response.bytes, as: UTF8.self)
            #expect(body.contains("Content/cities/oslo.yml:2:1: error: missing required field &#39;country&#39;")
                    || body.contains("Content/cities/oslo.yml:2:1: error: missing required field 'country'"))
            #expect(body.contains("&lt;name&gt;"))
            #expect(!body.contains("<name>"))
            #expect(body.contains("/__citypress/events"))
        }
    }

    @Test func theEventsPathIsTheReloadStream() {
        for site in [Self.site(), Self.site(.failed("x"))] {
            let stream = reply(PreviewRoutes.eventsPath, site: site)
            #expect(stream.status == 200)
            #expect(stream.header("Content-Type") == "text/event-stream")
            #expect(stream.header("Cache-Control") == "no-store")
            #expect(stream.body == .events)
            let head = reply(PreviewRoutes.eventsPath, method: "HEAD", site: site)
            #expect(head.headers == stream.headers)
            #expect(head.body == .bytes([]))
        }
    }

    /// What the stream sends: `hello` with the build a tab has, then `reload` with each new build.
    @Test func reloadEventsFollowTheBroadcaster() async {
        let broadcaster = ReloadBroadcaster(site: Self.site())
        let (id, stream) = await broadcaster.subscribe()
        var tags = stream.makeAsyncIterator()
        let hello = await tags.next()
        #expect(hello.map { PreviewRoutes.eventText(tag: $0, isFirst: true) } == "event: hello\ndata: test-1\n\n")
        await broadcaster.publish(.failed("broken"))
        let reload = await tags.next()
        #expect(reload.map { PreviewRoutes.eventText(tag: $0, isFirst: false) } == "event: reload\ndata: test-2\n\n")
        #expect(await broadcaster.subscriberCount == 1)
        await broadcaster.unsubscribe(id)
        #expect(await tags.next() == nil)
        #expect(PreviewRoutes.eventsPreamble == "retry: 500\n\n")
    }

    @Test func requestPathsDecodeSafely() {
        #expect(RequestPath.segments(of: "/cities/pozna%C5%84/") == ["cities", "poznań"])
        #expect(RequestPath.segments(of: "/a/./b") == nil)
        #expect(RequestPath.segments(of: "/a/%2e%2e/b") == nil)
        #expect(RequestPath.segments(of: "/a%2Fb") == nil)
        #expect(RequestPath.segments(of: "/%ff") == nil)
        #expect(RequestPath.segments(of: "/") == [])
    }
}

/// What the preview prints after a save: the warnings of the last build are counted, not repeated.
@Suite struct PreviewPrintingTests {
    @Test func warningsPrintedByTheLastBuildAreNotRepeated() {
        let old = Diagnostic.warning("city 'x' endorses no published declaration", at: SourceLocation(path: "Content/cities/x.yml"))
        let new = Diagnostic.warning("unknown field 'mayor' is ignored", at: SourceLocation(path: "Content/cities/y.yml", line: 3, column: 1))
        let error = Diagnostic.error("missing required field 'country'", at: SourceLocation(path: "Content/cities/z.yml", line: 1, column: 1))
        let (shown, repeated) = PreviewServer.problemsToPrint([old, new, error], known: [old, error])
        #expect(shown == [new, error])
        #expect(repeated == 1)
        #expect(PreviewServer.problemsToPrint([old], known: []).shown == [old])
    }
}
