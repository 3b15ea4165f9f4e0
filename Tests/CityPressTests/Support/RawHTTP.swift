import Foundation
#if canImport(Glibc)
import Glibc
private let streamSocketType = Int32(SOCK_STREAM.rawValue)
private let sendFlags = Int32(MSG_NOSIGNAL)  // a closed peer is an error to report, not a SIGPIPE that kills the tests
#elseif canImport(Darwin)
import Darwin
private let streamSocketType = SOCK_STREAM
private let sendFlags: Int32 = 0  // Darwin has no MSG_NOSIGNAL; SO_NOSIGPIPE is set on the socket instead
#endif

/// Sends all of `bytes` (the class's own `send` would shadow the C function inside it).
private func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, sendFlags) }
        if count > 0 { sent += count } else if count < 0 && errno == EINTR { continue } else { return false }
    }
    return true
}

/// A minimal HTTP/1.1 client over a POSIX socket to 127.0.0.1, for end-to-end tests of `citypress serve`
/// (including reading a Server-Sent Events stream as it arrives). It sends request targets exactly as
/// written, so tests can send paths a URL library would clean up first (`/../x`, `\`, `%00`).
final class RawHTTPConnection {
    private let descriptor: Int32
    fileprivate(set) var buffer: [UInt8] = []

    init(port: Int, timeout: Double = 5) throws {
        descriptor = socket(AF_INET, streamSocketType, 0)
        guard descriptor >= 0 else { throw RawHTTPError.failed("socket") }
        var time = timeval(tv_sec: 0, tv_usec: 200_000)  // recv returns often, so deadlines are kept
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw RawHTTPError.failed("connect to port \(port)") }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        guard sendAll(descriptor, Array(text.utf8)) else { throw RawHTTPError.failed("send") }
    }

    /// Reads until `marker` has arrived, or the deadline passes (then throws).
    func read(until marker: String, within seconds: Double) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        let needle = Array(marker.utf8)
        while Date() < deadline {
            if let range = find(needle) {
                let text = String(decoding: buffer[..<range], as: UTF8.self) + marker
                buffer.removeFirst(range + needle.count)
                return text
            }
            guard receive() else { break }
        }
        throw RawHTTPError.timedOut(marker, String(decoding: buffer, as: UTF8.self))
    }

    /// Reads exactly `count` bytes, or throws when the peer closes or the deadline passes first.
    func read(count: Int, within seconds: Double) throws -> [UInt8] {
        let deadline = Date().addingTimeInterval(seconds)
        while buffer.count < count, Date() < deadline {
            guard receive() else { break }
        }
        guard buffer.count >= count else {
            throw RawHTTPError.timedOut("\(count) bytes", String(decoding: buffer, as: UTF8.self))
        }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    /// Reads whatever arrives until the peer closes the connection (or the deadline passes).
    func readToEnd(within seconds: Double) -> [UInt8] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, receive() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// One `recv` into the buffer; `false` once the peer has closed or the socket failed.
    private func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        if count > 0 { buffer += chunk[..<count]; return true }
        if count == 0 { return false }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for start in 0...(buffer.count - needle.count) where buffer[start] == needle[0] {
            if Array(buffer[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }

    /// Sends one request on this connection and reads its response: the body by `Content-Length`
    /// (none for HEAD), so the connection can carry the next request.
    func exchange(_ method: String, _ target: String, headers: [String] = []) throws -> RawHTTPResponse {
        try send(([ "\(method) \(target) HTTP/1.1", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n")
        let head = try read(until: "\r\n\r\n", within: 5)
        var response = try RawHTTPResponse(head: head)
        if method != "HEAD", let length = response.header("Content-Length").flatMap({ Int($0) }) {
            response.body = try read(count: length, within: 5)
        }
        return response
    }

    /// One request on a fresh connection that the server closes after answering: the response
    /// with every byte that arrived after its head (so a HEAD that sent a body would show it).
    static func request(_ method: String, _ target: String, port: Int) throws -> RawHTTPResponse {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var response = try RawHTTPResponse(head: try connection.read(until: "\r\n\r\n", within: 5))
        response.body = connection.readToEnd(within: 5)
        return response
    }

    /// One GET on a fresh connection: the status line and headers, and the body.
    static func get(_ path: String, port: Int) throws -> (head: String, body: String) {
        let response = try request("GET", path, port: port)
        return (response.head, response.text)
    }
}

/// A response as it came over the socket.
struct RawHTTPResponse {
    /// The status line and headers, with the blank line that ends them.
    let head: String
    /// The status code of the status line.
    let status: Int
    /// The headers, in order.
    let headers: [(name: String, value: String)]
    /// The body bytes read.
    var body: [UInt8] = []

    init(head: String) throws {
        self.head = head
        let lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.first ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw RawHTTPError.failed("no status line in \(head.prefix(200))")
        }
        self.status = status
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// The first header called `name`, compared without regard to case.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawHTTPError: Error, CustomStringConvertible {
    case failed(String)
    case timedOut(String, String)
    var description: String {
        switch self {
        case .failed(let what): "failed: \(what)"
        case .timedOut(let marker, let got): "timed out waiting for '\(marker)'; got: \(got.suffix(400))"
        }
    }
}
