import Foundation
import Testing

/// The preview under load while it rebuilds, for a few seconds (`make load-test` runs the same for
/// 30 s, with the server's memory measured): clients fetch pages over keep-alive connections while a
/// city file comes and goes every 200 ms. No answer is a 5xx or incomplete, and every page comes
/// from one build: none links to a page its own build answered 404 for. The run lasts 4 s, longer
/// (up to 20 s) when a busy machine has not yet served two builds with the city and two without.
@Suite(.serialized) struct ServeUnderLoadTests {
    /// What the clients saw, by build (the `X-CityPress-Build` header).
    final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var requests = 0
        var problems: [String] = []
        var served: [String: Set<String>] = [:]
        var missing: [String: Set<String>] = [:]
        var links: [String: [String: Set<String>]] = [:]
        /// Set when the editor is done: the clients stop.
        var isOver = false

        func record(_ path: String, _ response: RawHTTPResponse) {
            lock.withLock {
                requests += 1
                if response.status >= 500 { problems.append("\(path): status \(response.status)") }
                guard let build = response.header("X-CityPress-Build") else {
                    problems.append("\(path): no build header")
                    return
                }
                if response.header("Content-Type")?.hasPrefix("text/html") == true,
                   !response.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>") {
                    problems.append("\(path): HTML cut short (\(response.body.count) bytes)")
                }
                if response.status == 200 {
                    served[build, default: []].insert(path)
                    if links[build]?[path] == nil { links[build, default: [:]][path] = Self.links(of: path, response.text) }
                } else if response.status == 404 {
                    missing[build, default: []].insert(path)
                }
            }
        }

        /// How many builds served the city's page, and how many answered 404 for it.
        func buildsWithAndWithout(_ path: String) -> (with: Int, without: Int) {
            lock.withLock { (served.filter { $0.value.contains(path) }.count, missing.filter { $0.value.contains(path) }.count) }
        }

        /// The site paths a page links to, resolved against its own path.
        static func links(of path: String, _ html: String) -> Set<String> {
            var found: Set<String> = []
            let base = URL(string: "http://preview" + path)
            for part in html.components(separatedBy: "href=\"").dropFirst() {
                guard let href = part.split(separator: "\"", maxSplits: 1).first.map(String.init),
                      !href.hasPrefix("http"), !href.hasPrefix("#"), !href.hasPrefix("/__citypress"),
                      let resolved = URL(string: href, relativeTo: base)?.absoluteURL.path else { continue }
                found.insert(resolved.hasSuffix("/") || resolved.contains(".") ? resolved : resolved + "/")
            }
            return found
        }
    }

    @Test func pagesStayWholeAndFromOneBuildWhileTheSiteRebuilds() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let server = try ServeProcess(in: site)
            defer { server.stop() }
            let port = server.port
            let city = site.appendingPathComponent("Content/cities/load-city.yml")
            let paths = ["/", "/cities/", "/cities/load-city/", "/cities/lodz/", "/countries/", "/declarations/",
                         "/declarations/second-accord/", "/assets/site.css"]
            let seen = Seen()
            let start = Date()
            let clients = DispatchGroup()
            for client in 0..<4 {
                DispatchQueue.global().async(group: clients) {
                    var connection = try? RawHTTPConnection(port: port)
                    var index = client
                    while !seen.lock.withLock({ seen.isOver }) {
                        let path = paths[index % paths.count]
                        index += 1
                        do {
                            guard let open = connection else { throw RawHTTPError.failed("connect") }
                            seen.record(path, try open.exchange("GET", path))
                        } catch {
                            seen.lock.withLock { seen.problems.append("\(path): \(error)") }
                            connection = try? RawHTTPConnection(port: port)
                        }
                    }
                }
            }
            // The editor: one rename or one unlink every 200 ms, so every build is a good one.
            var saves = 0
            while true {
                let elapsed = Date().timeIntervalSince(start)
                let builds = seen.buildsWithAndWithout("/cities/load-city/")
                if elapsed >= 20 || (elapsed >= 4 && builds.with >= 2 && builds.without >= 2) { break }
                if saves % 2 == 0 {
                    let temporary = site.appendingPathComponent("Content/.load-city.tmp")
                    try writeText("name: Load City\ncountry: Poland\n", to: temporary)
                    _ = rename(temporary.path, city.path)
                } else {
                    try FileManager.default.removeItem(at: city)
                }
                saves += 1
                Thread.sleep(forTimeInterval: 0.2)
            }
            seen.lock.withLock { seen.isOver = true }
            clients.wait()

            for (build, pages) in seen.links {
                for (page, targets) in pages {
                    for target in targets.intersection(seen.missing[build] ?? []) {
                        seen.problems.append("build \(build): \(page) links to \(target), which that build answered 404")
                    }
                }
            }
            #expect(seen.problems.isEmpty, "\(seen.problems.prefix(10))")
            #expect(seen.requests > 200, "only \(seen.requests) requests in \(Int(Date().timeIntervalSince(start))) s")
            let (withCity, withoutCity) = seen.buildsWithAndWithout("/cities/load-city/")
            #expect(withCity >= 2 && withoutCity >= 2, "the builds did not alternate in 20 s: \(withCity) with the city, \(withoutCity) without")
        }
    }
}
