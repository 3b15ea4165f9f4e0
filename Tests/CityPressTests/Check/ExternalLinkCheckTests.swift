import Foundation
import Testing
@testable import CityPressCheck
@testable import CityPressCore

/// `--external` against a server on 127.0.0.1 (never the internet): answers, redirects, errors,
/// silence, a closed port; the cache; the limit per host.
@Suite(.serialized) struct ExternalLinkCheckTests {
    private func options(cache: String? = nil, timeout: TimeInterval = 2) -> ExternalLinkCheck.Options {
        var options = ExternalLinkCheck.Options()
        options.timeout = timeout
        options.cachePath = cache
        return options
    }

    private func places(_ urls: [String]) -> [String: [CityPressCore.SourceLocation]] {
        Dictionary(uniqueKeysWithValues: urls.enumerated().map { index, url in
            (url, [CityPressCore.SourceLocation(path: "Public/index.html", line: index + 1, column: 4),
                   CityPressCore.SourceLocation(path: "Public/other.html", line: 1, column: 1)])
        })
    }

    @Test func answersRedirectsErrorsSilenceAndAClosedPort() async throws {
        let server = try TestHTTPServer().start()
        defer { server.stop() }
        let closed = try TestHTTPServer.closedPort()
        let base = server.base
        let urls = ["\(base)/ok", "\(base)/redirect/3", "\(base)/missing", "\(base)/no-head", "\(base)/slow",
                    "http://127.0.0.1:\(closed)/", "\(base)/redirect/12", "\(base)/to-mail", "\(base)/to-closed/\(closed)"]
        let report = await ExternalLinkCheck(options: options(timeout: 1)).run(places(urls))
        #expect(report.diagnostics.map(\.description).sorted() == [
            "Public/index.html:3:4: error: broken external link '\(base)/missing': HTTP 404 Not Found",
            "Public/index.html:5:4: warning: external link '\(base)/slow' did not answer within 1 s",
            "Public/index.html:6:4: error: broken external link 'http://127.0.0.1:\(closed)/': the connection was refused",
            "Public/index.html:7:4: error: broken external link '\(base)/redirect/12': more than 10 redirects",
            "Public/other.html:1:1: error: broken external link '\(base)/missing': HTTP 404 Not Found",
            "Public/other.html:1:1: warning: external link '\(base)/slow' did not answer within 1 s",
            "Public/other.html:1:1: error: broken external link 'http://127.0.0.1:\(closed)/': the connection was refused",
            "Public/other.html:1:1: error: broken external link '\(base)/redirect/12': more than 10 redirects",
            // A redirect to what is no web address is not followed; a failure after a redirect says where.
            "Public/index.html:8:4: error: broken external link '\(base)/to-mail': it redirects to 'mailto:a@b.example', which is not an http or https address",
            "Public/other.html:1:1: error: broken external link '\(base)/to-mail': it redirects to 'mailto:a@b.example', which is not an http or https address",
            "Public/index.html:9:4: error: broken external link '\(base)/to-closed/\(closed)': the connection was refused at 'http://127.0.0.1:\(closed)/'",
            "Public/other.html:1:1: error: broken external link '\(base)/to-closed/\(closed)': the connection was refused at 'http://127.0.0.1:\(closed)/'",
        ].sorted())
        let log = server.requestLog
        // HEAD first; GET only where HEAD was refused or failed; the whole 301 chain, once per link.
        #expect(log.filter { $0.hasSuffix(" /ok") } == ["HEAD /ok", "HEAD /ok"])  // the link, and the end of the chain
        #expect(log.filter { $0.hasSuffix(" /no-head") } == ["HEAD /no-head", "GET /no-head"])
        #expect(["HEAD /redirect/3", "HEAD /redirect/2", "HEAD /redirect/1", "HEAD /redirect/0"].allSatisfy(log.contains))
        #expect(log.filter { $0.hasSuffix(" /missing") } == ["HEAD /missing", "GET /missing"])
        #expect(log.filter { $0.hasPrefix("HEAD /redirect/") }.count == 4 + 11)
    }

    @Test func successesAreCachedForAWeekAndFailuresAskedAgain() async throws {
        let server = try TestHTTPServer().start()
        defer { server.stop() }
        try await withTemporaryFolderAsync { folder in
            let cache = folder.appendingPathComponent("links.json").path
            let urls = places(["\(server.base)/ok", "\(server.base)/missing"])
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let check = ExternalLinkCheck(options: options(cache: cache))
            _ = await check.run(urls, now: start)
            let saved = try readText(URL(fileURLWithPath: cache))
            #expect(saved.contains("\"\(server.base.replacingOccurrences(of: "/", with: "\\/"))\\/ok\""))
            #expect(saved.contains("\"checked\" : \"2027-01-15T08:00:00Z\""))
            #expect(!saved.contains("missing"))

            let again = await check.run(urls, now: start.addingTimeInterval(6 * 24 * 3600))
            #expect(again.linksFromCache == 1)
            #expect(server.requestLog.filter { $0.hasSuffix(" /ok") }.count == 1)
            #expect(server.requestLog.filter { $0.hasSuffix(" /missing") }.count == 4)
            #expect(again.diagnostics.count == 2)

            let later = await check.run(urls, now: start.addingTimeInterval(8 * 24 * 3600))
            #expect(later.linksFromCache == 0)
            #expect(server.requestLog.filter { $0.hasSuffix(" /ok") }.count == 2)
        }
    }

    @Test func atMostTwoRequestsReachOneHostAtATime() async throws {
        let server = try TestHTTPServer().start()
        defer { server.stop() }
        let urls = (1...6).map { "\(server.base)/delay/\($0)" }
        let probe = try #require(HTTPProbe(timeout: 2))
        let report = await ExternalLinkCheck(options: options()).ask(urls, with: probe)
        #expect(report.values.allSatisfy { $0 == .answered(status: 200) })
        // Two at once, counted by the server: concurrent, but never more (a timed bound failed on a busy machine).
        #expect(server.mostAtOnce == 2)
    }

    @Test func withoutCurlTheExternalCheckSaysSo() async {
        var options = options()
        options.curlPath = "/nonexistent/curl"
        let report = await ExternalLinkCheck(options: options).run(places(["https://example.invalid/"]))
        #expect(report.diagnostics.map(\.description) == ["citypress: error: cannot check external links: the curl program was not found"])
    }

    @Test func hostsAreTakenInTurn() {
        let urls = ["https://a.test/1", "https://a.test/2", "https://a.test/3", "https://b.test/1", "https://c.test/1"]
        #expect(ExternalLinkCheck.interleavedByHost(urls) == [
            "https://c.test/1", "https://b.test/1", "https://a.test/1", "https://a.test/2", "https://a.test/3",
        ])
    }
}

/// `withTemporaryFolder` for async bodies.
func withTemporaryFolderAsync<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
