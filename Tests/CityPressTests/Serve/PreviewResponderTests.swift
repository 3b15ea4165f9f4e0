import CityPress
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CityPressServer

@Suite struct PreviewResponderTests {
    static let files: [String: [UInt8]] = [
        "index.html": Array("<html><body><h1>Home</h1></body></html>".utf8),
        "cities/index.html": Array("<html><body>Cities</body></html>".utf8),
        "404.html": Array("<html><body>Nothing here</body></html>".utf8),
        "assets/site.css": Array("body{}".utf8), "assets/app.js": [1], "assets/logo.svg": [1], "assets/logo.png": [1],
        "sitemap.xml": Array("<urlset/>".utf8), "data.json": [1], "doc.pdf": [1], "assets/font.woff2": [1],
    ]

    func app(_ content: PreviewSite.Content = .built(files)) -> some ApplicationProtocol {
        let broadcaster = ReloadBroadcaster(site: PreviewSite(content: content, version: 1, instance: "test"))
        return Application(responder: PreviewResponder(broadcaster: broadcaster))
    }

    @Test func servesPagesWithTheReloadScriptAndNoCaching() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            let body = String(buffer: response.body)
            #expect(body.hasPrefix("<html><body><h1>Home</h1><script>"))
            #expect(body.contains("/__citypress/events"))
            #expect(body.hasSuffix("</script></body></html>"))
        }
    }

    @Test func foldersRedirectAndServeTheirIndex() async throws {
        try await app().test(.router) { client in
            let redirect = try await client.execute(uri: "/cities?x=1", method: .get)
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/cities/?x=1")
            let page = try await client.execute(uri: "/cities/", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Cities"))
        }
    }

    @Test func unknownPathsGetThe404PageAndOtherMethods405() async throws {
        try await app().test(.router) { client in
            let missing = try await client.execute(uri: "/nowhere/", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("Nothing here"))
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let response = try await client.execute(uri: "/", method: method)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/assets/site.css", method: .head)
            #expect(response.status == .ok)
            #expect(response.headers[.contentLength] == "6")
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test func mediaTypes() async throws {
        let expected = [
            "/assets/site.css": "text/css; charset=utf-8", "/assets/app.js": "text/javascript; charset=utf-8",
            "/assets/logo.svg": "image/svg+xml", "/assets/logo.png": "image/png",
            "/sitemap.xml": "application/xml; charset=utf-8", "/data.json": "application/json",
            "/doc.pdf": "application/pdf", "/assets/font.woff2": "font/woff2",
        ]
        try await app().test(.router) { client in
            for (path, type) in expected {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == type, "\(path)")
            }
        }
    }

    @Test(arguments: ["/../Package.swift", "/%2e%2e/Package.swift", "/cities/%2e%2e/%2e%2e/etc/passwd",
                      "/assets%2f..%2f..%2fPackage.swift", "/assets/..\\..\\Package.swift", "/index.html%00.css",
                      "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%5c..%5cPackage.swift", "//etc/passwd", "/%zz"])
    func noRequestReadsOutsideTheSite(_ path: String) async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound, "\(path) answered \(response.status)")
            #expect(!String(buffer: response.body).contains("swift-tools-version"))
        }
    }

    @Test func aFailedBuildShowsItsProblemsOnEveryPage() async throws {
        let report = "Content/cities/oslo.yml:2:1: error: missing required field 'country'\n<name>\n^"
        try await app(.failed(report)).test(.router) { client in
            for path in ["/", "/cities/", "/anything"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .internalServerError)
                let body = String(buffer: response.body)
                #expect(body.contains("Content/cities/oslo.yml:2:1: error: missing required field &#39;country&#39;")
                        || body.contains("Content/cities/oslo.yml:2:1: error: missing required field 'country'"))
                #expect(body.contains("&lt;name&gt;"))
                #expect(body.contains("/__citypress/events"))
            }
        }
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
