import Foundation
import Hummingbird
import ServiceLifecycle

/// Sends the preview's answers over Hummingbird: `PreviewRoutes` decides each one from the build being
/// served; this type only turns it into a response, and streams reload events to the browsers.
public struct PreviewResponder: HTTPResponder {
    /// The preview needs nothing beyond Hummingbird's basic request context.
    public typealias Context = BasicRequestContext

    /// The path of the Server-Sent Events stream the reload script listens to.
    public static let eventsPath = PreviewRoutes.eventsPath

    package let broadcaster: ReloadBroadcaster
    /// Where an answer's `problem` line goes (standard error by default).
    package let reportProblem: @Sendable (String) -> Void

    /// Creates a responder serving what `broadcaster` holds, logging the server's faults with `reportProblem`.
    public init(broadcaster: ReloadBroadcaster,
                reportProblem: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.broadcaster = broadcaster
        self.reportProblem = reportProblem
    }

    /// Answers `request` from the site being served now, as `PreviewRoutes` decides.
    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let site = await broadcaster.site()
        let reply = PreviewRoutes.reply(method: request.method.rawValue, path: request.uri.path,
                                        query: request.uri.query, site: site)
        if let problem = reply.problem { reportProblem(problem) }
        var headers = HTTPFields()
        for header in reply.headers {
            // `HTTPFields.Element` is HTTPTypes' `HTTPField`, which Hummingbird does not re-export by name.
            // The names are constants of PreviewRoutes, all valid; an invalid one would be dropped, not crash.
            if let name = HTTPFields.Element.Name(header.name) {
                headers.append(HTTPFields.Element(name: name, value: header.value))
            }
        }
        let status = HTTPResponse.Status(code: reply.status)
        switch reply.body {
        case .bytes(let bytes):
            return Response(status: status, headers: headers,
                            body: bytes.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .events:
            return Response(status: status, headers: headers, body: events())
        }
    }

    /// The reload stream: a `hello` event with the current build's tag, then `reload` for each new build.
    private func events() -> ResponseBody {
        let broadcaster = self.broadcaster
        return ResponseBody { writer in
            let (id, stream) = await broadcaster.subscribe()
            defer { Task { await broadcaster.unsubscribe(id) } }
            var first = true
            try await writer.write(ByteBuffer(string: PreviewRoutes.eventsPreamble))
            // On shutdown the stream ends, so the server does not wait for open tabs.
            try await withGracefulShutdownHandler {
                for await tag in stream {
                    try await writer.write(ByteBuffer(string: PreviewRoutes.eventText(tag: tag, isFirst: first)))
                    first = false
                }
            } onGracefulShutdown: {
                Task { await broadcaster.unsubscribe(id) }
            }
            try await writer.finish(nil)
        }
    }
}
