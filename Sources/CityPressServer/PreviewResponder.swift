import CityPress
import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers the preview's HTTP requests from the site in memory.
///
/// GET and HEAD only; `/x/` serves `x/index.html`, `/x` redirects to `/x/`; unknown paths get the
/// site's `404.html`; HTML gets the live-reload script; nothing is cached. While the last build
/// failed, every page is the list of its problems.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    /// The path of the Server-Sent Events stream the reload script listens to.
    public static let eventsPath = "/__citypress/events"

    let broadcaster: ReloadBroadcaster

    /// Creates a responder serving what `broadcaster` holds.
    public init(broadcaster: ReloadBroadcaster) {
        self.broadcaster = broadcaster
    }

    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Method not allowed: the preview answers GET and HEAD only.\n",
                              extra: [.allow: "GET, HEAD"], head: false)
        }
        let head = request.method == .head
        let rawPath = request.uri.path
        if rawPath == Self.eventsPath { return await events() }
        let site = await broadcaster.site()
        guard case .built(let files) = site.content else {
            if case .failed(let report) = site.content {
                return Self.file(ErrorPage.html(report), type: "text/html; charset=utf-8", status: .internalServerError, head: head)
            }
            return Self.plain(.internalServerError, "No build yet.\n", head: head)
        }
        guard let segments = RequestPath.segments(of: rawPath) else {
            return notFound(files, head: head)
        }
        let key = segments.joined(separator: "/")
        if rawPath.hasSuffix("/") || segments.isEmpty {
            let index = key.isEmpty ? "index.html" : key + "/index.html"
            if let bytes = files[index] { return Self.file(bytes, type: RequestPath.mediaType(of: index), head: head) }
            return notFound(files, head: head)
        }
        if let bytes = files[key] { return Self.file(bytes, type: RequestPath.mediaType(of: key), head: head) }
        if files[key + "/index.html"] != nil {
            var location = rawPath + "/"
            if let query = request.uri.query { location += "?" + query }
            return Response(status: .movedPermanently,
                            headers: [.location: location, .cacheControl: "no-store", .contentLength: "0"])
        }
        return notFound(files, head: head)
    }

    private func notFound(_ files: [String: [UInt8]], head: Bool) -> Response {
        if let page = files["404.html"] {
            return Self.file(page, type: "text/html; charset=utf-8", status: .notFound, head: head)
        }
        return Self.plain(.notFound, "Not found.\n", head: head)
    }

    /// The reload stream: a `hello` event with the current build's tag, then `reload` for each new build.
    private func events() async -> Response {
        let broadcaster = self.broadcaster
        let (id, stream) = await broadcaster.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { Task { await broadcaster.unsubscribe(id) } }
            var first = true
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            // On shutdown the stream ends, so the server does not wait for open tabs.
            try await withGracefulShutdownHandler {
                for await tag in stream {
                    let event = first ? "hello" : "reload"
                    first = false
                    try await writer.write(ByteBuffer(string: "event: \(event)\ndata: \(tag)\n\n"))
                }
            } onGracefulShutdown: {
                Task { await broadcaster.unsubscribe(id) }
            }
            try await writer.finish(nil)
        })
    }

    static func file(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok, head: Bool) -> Response {
        var body = bytes
        if type.hasPrefix("text/html") { body = LiveReloadScript.inject(into: bytes) }
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(body.count)]
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers,
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:], head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store",
                                   .contentLength: String(text.utf8.count)]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The script served pages get (never written to `Public/`): reloads the tab when a new build is in,
/// and after a server restart.
enum LiveReloadScript {
    static let source = """
        <script>(function(){var seen=null;function connect(){var es=new EventSource("\(PreviewResponder.eventsPath)");\
        es.addEventListener("hello",function(e){if(seen!==null&&seen!==e.data){location.reload();}seen=e.data;});\
        es.addEventListener("reload",function(e){seen=e.data;location.reload();});}connect();})();</script>
        """

    static func inject(into page: [UInt8]) -> [UInt8] {
        let script = Array(source.utf8)
        let marker = Array("</body>".utf8)
        if let range = lastRange(of: marker, in: page) {
            return Array(page[..<range]) + script + Array(page[range...])
        }
        return page + script
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }
}

/// The page every URL shows while the last build failed.
enum ErrorPage {
    static func html(_ report: String) -> [UInt8] {
        let escaped = report.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        return Array("""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed — CityPress preview</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1b1f24}
            header{background:#8a1c1c;color:#fff;padding:1rem 1.5rem}h1{margin:0;font-size:1.4rem}
            main{padding:1rem 1.5rem}pre{background:#f6f6f6;border-left:4px solid #8a1c1c;padding:1rem;overflow-x:auto;
            font:14px/1.45 ui-monospace,"DejaVu Sans Mono",monospace;white-space:pre}</style></head>
            <body><header><h1>The site could not be built</h1></header>
            <main id="main"><p>Fix the problems below and save: this page reloads by itself with the next build.</p>
            <pre>\(escaped)</pre></main></body></html>

            """.utf8)
    }
}
