/// One answer of the preview, in plain values: what `PreviewRoutes` decides and `PreviewResponder` sends.
///
/// It names no type of the HTTP server, so the preview's behaviour is tested by calling a function,
/// without a server, a client, or the TLS stack a test HTTP client would bring.
public struct PreviewReply: Sendable, Equatable {
    /// One response header, in the order it is sent.
    public struct Header: Sendable, Equatable {
        /// The field name, as sent (`Content-Type`).
        public let name: String
        /// The field value.
        public let value: String

        /// Creates a header.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// What follows the headers.
    public enum Body: Sendable, Equatable {
        /// These bytes (none for HEAD, redirects, and other answers without a body).
        case bytes([UInt8])
        /// The reload stream: the responder subscribes to the broadcaster and streams its events.
        case events
    }

    /// The HTTP status code.
    public let status: Int
    /// The response headers.
    public let headers: [Header]
    /// The body.
    public let body: Body
    /// One line for the server's log (standard error) when the answer reports a fault of the server
    /// rather than of the request; `nil` otherwise.
    public let problem: String?

    /// Creates a reply.
    public init(status: Int, headers: [Header], body: Body, problem: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.problem = problem
    }

    /// The value of the first header called `name`, compared without regard to case as HTTP does.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body's bytes (none for the reload stream).
    public var bytes: [UInt8] {
        if case .bytes(let bytes) = body { return bytes }
        return []
    }
}
