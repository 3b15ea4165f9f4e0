import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a POSIX socket to 127.0.0.1, for end-to-end tests of `citypress serve`
/// (including reading a Server-Sent Events stream as it arrives).
final class RawHTTPConnection {
    private let descriptor: Int32
    fileprivate(set) var buffer: [UInt8] = []

    init(port: Int, timeout: Double = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawHTTPError.failed("socket") }
        var time = timeval(tv_sec: 0, tv_usec: 200_000)  // recv returns often, so deadlines are kept
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
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
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw RawHTTPError.failed("send") }
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
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count > 0 { buffer += chunk[..<count] } else if count == 0 { break } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { break }
        }
        throw RawHTTPError.timedOut(marker, String(decoding: buffer, as: UTF8.self))
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for start in 0...(buffer.count - needle.count) where buffer[start] == needle[0] {
            if Array(buffer[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }

    /// One GET on a fresh connection: the status line and headers, and the body.
    static func get(_ path: String, port: Int) throws -> (head: String, body: String) {
        let connection = try RawHTTPConnection(port: port)
        try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let head = try connection.read(until: "\r\n\r\n", within: 5)
        var body = ""
        while let more = try? connection.read(until: "\n", within: 0.5) { body += more }
        body += String(decoding: connection.buffer, as: UTF8.self)
        return (head, body)
    }
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
