/// What the preview answers to a request, decided from the method, the path and the build being
/// served, with no HTTP server involved (`PreviewResponder` sends the answer).
///
/// GET and HEAD only; `/x/` serves `x/index.html`, `/x` redirects to `/x/`; unknown paths get the
/// site's `404.html`; HTML gets the live-reload script; nothing is cached. While the last build
/// failed, every page is the list of its problems. A page the build has but that cannot be read back
/// from the temporary file is a 500 that says so (and a line in the server's log), not a 404.
public enum PreviewRoutes {
    /// The path of the Server-Sent Events stream the reload script listens to.
    public static let eventsPath = "/__citypress/events"

    /// The methods the preview answers, as the `Allow` header of a 405 lists them.
    public static let allowedMethods = "GET, HEAD"

    /// The first thing the reload stream sends: browsers retry quickly when the server restarts.
    public static let eventsPreamble = "retry: 500\n\n"

    /// The header that names the build an answer comes from (`PreviewSite.tag`): tools and tests can
    /// tell that pages fetched while the site is rebuilt each come whole from one build.
    public static let buildHeader = "X-CityPress-Build"

    /// The answer to `method` on `path` (the request target's path, still percent-encoded) with `query`
    /// (without its `?`), serving `site`. Every answer but the reload stream names the build it is from.
    public static func reply(method: String, path: String, query: String?, site: PreviewSite) -> PreviewReply {
        let reply = route(method: method, path: path, query: query, site: site)
        guard path != eventsPath else { return reply }
        return PreviewReply(status: reply.status, headers: reply.headers + [PreviewReply.Header(buildHeader, site.tag)],
                            body: reply.body, problem: reply.problem)
    }

    private static func route(method: String, path: String, query: String?, site: PreviewSite) -> PreviewReply {
        guard method == "GET" || method == "HEAD" else {
            return plain(405, "Method not allowed: the preview answers GET and HEAD only.\n",
                         extra: [PreviewReply.Header("Allow", allowedMethods)], head: false)
        }
        let head = method == "HEAD"
        if path == eventsPath {
            // HEAD learns what GET would stream, without subscribing to a stream nobody reads.
            return PreviewReply(status: 200, headers: [PreviewReply.Header("Content-Type", "text/event-stream"),
                                                       PreviewReply.Header("Cache-Control", "no-store")],
                                body: head ? .bytes([]) : .events)
        }
        guard case .built(let files) = site.content else {
            if case .failed(let report) = site.content {
                return file(ErrorPage.html(report), type: "text/html; charset=utf-8", status: 500, build: site.tag, head: head)
            }
            return plain(500, "No build yet.\n", head: head)
        }
        guard var segments = RequestPath.segments(of: path) else {
            return notFound(files, build: site.tag, head: head)
        }
        // The not-found page's links start with the base URL's path (`/network/assets/site.css`), which the
        // preview does not serve the site below: such a request is taken as the path after it, unless the
        // site has a file at the whole path.
        if !files.sitePath.isEmpty, segments.starts(with: files.sitePath) {
            let whole = segments.joined(separator: "/")
            if !files.contains(whole), !files.contains(whole.isEmpty ? "index.html" : whole + "/index.html") {
                segments.removeFirst(files.sitePath.count)
            }
        }
        let key = segments.joined(separator: "/")
        if path.hasSuffix("/") || segments.isEmpty {
            let index = key.isEmpty ? "index.html" : key + "/index.html"
            switch files.lookup(index) {
            case .file(let bytes): return file(bytes, type: RequestPath.mediaType(of: index), build: site.tag, head: head)
            case .missing: return notFound(files, build: site.tag, head: head)
            case .unreadable(let error): return unreadable(index, error, head: head)
            }
        }
        switch files.lookup(key) {
        case .file(let bytes): return file(bytes, type: RequestPath.mediaType(of: key), build: site.tag, head: head)
        case .unreadable(let error): return unreadable(key, error, head: head)
        case .missing: break
        }
        if files.contains(key + "/index.html") {
            var location = path + "/"
            if let query { location += "?" + query }
            return PreviewReply(status: 301, headers: [PreviewReply.Header("Location", location),
                                                       PreviewReply.Header("Cache-Control", "no-store"),
                                                       PreviewReply.Header("Content-Length", "0")],
                                body: .bytes([]))
        }
        return notFound(files, build: site.tag, head: head)
    }

    /// One event of the reload stream: `hello` with the build a browser has when it connects, then
    /// `reload` with each new build's tag.
    public static func eventText(tag: String, isFirst: Bool) -> String {
        "event: \(isFirst ? "hello" : "reload")\ndata: \(tag)\n\n"
    }

    private static func notFound(_ files: PreviewFiles, build: String, head: Bool) -> PreviewReply {
        switch files.lookup("404.html") {
        case .file(let page):
            return file(page, type: "text/html; charset=utf-8", status: 404, build: build, head: head)
        case .missing:
            return plain(404, "Not found.\n", head: head)
        case .unreadable(let error):
            // The answer is still "not found"; that the site's own 404 page is unreadable is the server's fault.
            let reply = plain(404, "Not found.\n", head: head)
            return PreviewReply(status: reply.status, headers: reply.headers, body: reply.body,
                                problem: problemLine("404.html", error))
        }
    }

    /// The answer when the build has the file at `path` but `error` keeps it from being read back:
    /// the server failed, not the request, and a rebuild from the same file may fail the same way.
    private static func unreadable(_ path: String, _ error: PagePackError, head: Bool) -> PreviewReply {
        let reply = plain(500, "The preview has /\(path) but could not read it: \(error).\n"
                              + "Restart `citypress serve` to build the site into a new temporary file.\n", head: head)
        return PreviewReply(status: reply.status, headers: reply.headers, body: reply.body, problem: problemLine(path, error))
    }

    /// The log line for a file that could not be read back.
    private static func problemLine(_ path: String, _ error: PagePackError) -> String {
        "citypress serve: could not serve /\(path): \(error)"
    }

    /// A file of the build tagged `build`; HTML gets the reload script. HEAD gets the headers GET would,
    /// `Content-Length` included.
    package static func file(_ bytes: [UInt8], type: String, status: Int = 200, build: String, head: Bool) -> PreviewReply {
        let body = type.hasPrefix("text/html") ? LiveReloadScript.inject(into: bytes, build: build) : bytes
        return PreviewReply(status: status,
                            headers: [PreviewReply.Header("Content-Type", type), PreviewReply.Header("Cache-Control", "no-store"),
                                      PreviewReply.Header("Content-Length", String(body.count)),
                                      PreviewReply.Header("X-Content-Type-Options", "nosniff")],
                            body: .bytes(head ? [] : body))
    }

    package static func plain(_ status: Int, _ text: String, extra: [PreviewReply.Header] = [], head: Bool) -> PreviewReply {
        let body = Array(text.utf8)
        return PreviewReply(status: status,
                            headers: [PreviewReply.Header("Content-Type", "text/plain; charset=utf-8"),
                                      PreviewReply.Header("Cache-Control", "no-store"),
                                      PreviewReply.Header("Content-Length", String(body.count))] + extra,
                            body: .bytes(head ? [] : body))
    }
}
