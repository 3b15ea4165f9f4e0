import CityPressCore
import Foundation

/// `citypress check --external`: asks every http and https link of the site whether it still answers.
///
/// Each distinct URL is asked once, however many pages link to it: `HEAD` first, and `GET` when the
/// server refuses `HEAD` or answers it with an error (some servers answer `HEAD` wrongly); redirects are
/// followed up to `maximumRedirects`. At most `perHost` requests go to one host at a time and
/// `overall` in all. A URL that answered with a success less than the cache's lifetime ago is not asked
/// again. A failure is an error at every place the link appears; a timeout is a warning, since a slow
/// host is not a broken link.
package struct ExternalLinkCheck: Sendable {
    /// How the links are asked.
    package struct Options: Sendable {
        /// Seconds without an answer before a request gives up.
        package var timeout: TimeInterval = 10
        package var perHost = 2
        package var overall = 8
        package var maximumRedirects = 10
        /// The cache file (`nil`: no cache).
        package var cachePath: String? = ".citypress-link-cache.json"
        /// How long a success is trusted.
        package var cacheLifetime: TimeInterval = 7 * 24 * 3600
        /// The `curl` program that sends the requests (`nil`: found on `PATH`).
        package var curlPath: String?

        /// The defaults: 10 s, 2 per host, 8 in all, 10 redirects, a cache in the current folder for 7 days.
        package init() {}
    }

    /// What checking the links found.
    package struct Report: Sendable {
        package var diagnostics: [Diagnostic] = []
        /// Distinct URLs, and how many of them were answered from the cache.
        package var linksChecked = 0
        package var linksFromCache = 0
    }

    /// How one URL ended.
    package enum Verdict: Sendable, Equatable {
        case answered(status: Int)
        case broken(status: Int, url: String)
        case tooManyRedirects
        case timedOut
        case failed(String)
    }

    package var options: Options

    /// A check with `options`.
    package init(options: Options) { self.options = options }

    /// Checks `links` (URL → the places it appears) and returns a diagnostic per place of each failure.
    package func run(_ links: [String: [SourceLocation]], now: Date = Date()) async -> Report {
        var cache = options.cachePath.map { LinkCache.load(from: $0, lifetime: options.cacheLifetime) }
            ?? LinkCache(lifetime: options.cacheLifetime)
        var report = Report(linksChecked: links.count)
        let toAsk = links.keys.filter { !cache.isFresh($0, at: now) }
        report.linksFromCache = links.count - toAsk.count
        guard let probe = HTTPProbe(executable: options.curlPath, timeout: options.timeout) else {
            report.diagnostics = [.error("cannot check external links: the curl program was not found",
                                         notes: ["install curl (Debian: apt-get install curl), or leave out the external check"])]
            return report
        }
        let verdicts = await ask(toAsk, with: probe)
        for (url, verdict) in verdicts.sorted(by: { $0.key < $1.key }) {
            if case .answered(let status) = verdict { cache.record(url, status: status, at: now) } else { cache.forget(url) }
            guard let (severity, message) = describe(verdict, of: url) else { continue }
            for location in links[url] ?? [] {
                report.diagnostics.append(Diagnostic(severity, message, at: location))
            }
        }
        if let path = options.cachePath {
            do { try cache.save(to: path, at: now) } catch {
                report.diagnostics.append(.warning("cannot write the link cache '\(path)': \(error.localizedDescription)"))
            }
        }
        report.diagnostics = report.diagnostics.sortedForDisplay()
        return report
    }

    /// The verdict on each URL, asked concurrently within the limits, hosts taken in turn.
    package func ask(_ urls: [String], with probe: HTTPProbe) async -> [String: Verdict] {
        let gate = HostGate(perHost: options.perHost)
        let queue = Self.interleavedByHost(urls)
        var verdicts: [String: Verdict] = [:]
        await withTaskGroup(of: (String, Verdict).self) { group in
            var next = queue.makeIterator()
            func start() -> Bool {
                guard let url = next.next() else { return false }
                group.addTask {
                    let host = URL(string: url)?.host?.lowercased() ?? ""
                    await gate.enter(host)
                    let verdict = await follow(url, with: probe)
                    await gate.leave(host)
                    return (url, verdict)
                }
                return true
            }
            for _ in 0..<max(1, options.overall) where start() {}
            while let (url, verdict) = await group.next() {
                verdicts[url] = verdict
                _ = start()
            }
        }
        return verdicts
    }

    /// Asks `url`, following redirects.
    private func follow(_ url: String, with probe: HTTPProbe) async -> Verdict {
        guard var current = URL(string: url), current.host != nil else { return .failed("it is not a valid URL") }
        var redirects = 0
        while true {
            var outcome = await probe.send("HEAD", to: current.absoluteString)
            if case .response(let status, _) = outcome, status >= 400 { outcome = await probe.send("GET", to: current.absoluteString) }
            switch outcome {
            case .timedOut: return .timedOut
            // Said where, after redirects: the link's own address did answer.
            case .failed(let reason): return .failed(redirects == 0 ? reason : "\(reason) at '\(current.absoluteString)'")
            case .response(let status, let location):
                if (300..<400).contains(status), status != 304, let location, let target = URL(string: location, relativeTo: current) {
                    redirects += 1
                    guard redirects <= options.maximumRedirects else { return .tooManyRedirects }
                    // Only web addresses are asked: curl would read `mailto:a@b.example` as a host to reach.
                    let next = target.absoluteURL
                    guard let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https", next.host != nil else {
                        return .failed("it redirects to '\(location)', which is not an http or https address")
                    }
                    current = next
                    continue
                }
                if (200..<400).contains(status) { return .answered(status: status) }
                return .broken(status: status, url: current.absoluteString)
            }
        }
    }

    /// The severity and message for a verdict, or `nil` when the link answered.
    private func describe(_ verdict: Verdict, of url: String) -> (Diagnostic.Severity, String)? {
        switch verdict {
        case .answered:
            return nil
        case .broken(let status, let final):
            let reason = Self.reasons[status].map { " " + $0 } ?? ""
            return (.error, "broken external link '\(url)': HTTP \(status)\(reason)" + (final == url ? "" : " at '\(final)'"))
        case .tooManyRedirects:
            return (.error, "broken external link '\(url)': more than \(options.maximumRedirects) redirects")
        case .timedOut:
            return (.warning, "external link '\(url)' did not answer within \(Self.seconds(options.timeout))")
        case .failed(let reason):
            return (.error, "broken external link '\(url)': \(reason)")
        }
    }

    /// The reason phrases of the statuses a broken link usually gets (the same on every platform).
    private static let reasons = [
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout",
    ]

    private static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : "\(interval) s"
    }

    /// `urls` ordered so that neighbours have different hosts where possible (one host's links do
    /// not hold every slot while the others wait).
    static func interleavedByHost(_ urls: [String]) -> [String] {
        var byHost: [String: [String]] = [:]
        for url in urls.sorted() { byHost[URL(string: url)?.host?.lowercased() ?? "", default: []].append(url) }
        var queues = byHost.sorted { $0.key < $1.key }.map { $0.value[...] }
        var result: [String] = []
        while !queues.isEmpty {
            for index in queues.indices.reversed() {
                if let url = queues[index].popFirst() { result.append(url) }
            }
            queues.removeAll { $0.isEmpty }
        }
        return result
    }
}
