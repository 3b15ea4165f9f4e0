import Foundation
#if canImport(Glibc)
import Glibc
private let streamSocketType = Int32(SOCK_STREAM.rawValue)
private let sendFlags = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
import Darwin
private let streamSocketType = SOCK_STREAM
private let sendFlags: Int32 = 0
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the external link check's tests, with a thread per
/// connection. Paths: `/ok` 200; `/redirect/N` 301 to `/redirect/N-1`, `/redirect/0` 301 to `/ok`;
/// `/missing` 404; `/no-head` 405 to HEAD and 200 to GET; `/slow` never answers; `/delay/…` answers 200
/// after 300 ms; `/to-mail` 301 to `mailto:a@b.example`; `/to-closed/N` 302 to port N of 127.0.0.1. It records every request and how many it answered at once at most.
final class TestHTTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var connections: [Int32] = []
    private var active = 0
    private(set) var requests: [String] = []
    private(set) var mostAtOnce = 0
    private var stopped = false

    init() throws {
        let descriptor = socket(AF_INET, streamSocketType, 0)
        guard descriptor >= 0 else { throw RawHTTPError.failed("socket") }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else { close(descriptor); throw RawHTTPError.failed("bind") }
        listener = descriptor
        port = Self.port(of: descriptor)
    }

    /// Starts accepting connections.
    func start() -> TestHTTPServer {
        Thread { [self] in acceptLoop() }.start()
        return self
    }

    /// A port nothing listens on: bound, then closed (connecting to it is refused).
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, streamSocketType, 0)
        var address = loopback(port: 0)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let port = Self.port(of: descriptor)
        close(descriptor)
        return port
    }

    var base: String { "http://127.0.0.1:\(port)" }

    var requestLog: [String] { lock.withLock { requests } }

    /// Closes the listener and every connection still open (the ones `/slow` holds).
    func stop() {
        let open = lock.withLock { () -> [Int32] in stopped = true; return connections }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { if lock.withLock({ stopped }) { return }; if errno == EINTR { continue }; return }
            lock.withLock { connections.append(client) }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while String(decoding: buffer, as: UTF8.self).range(of: "\r\n\r\n") == nil {
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { return }
            buffer += chunk[..<count]
        }
        let line = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])
        lock.withLock {
            requests.append("\(method) \(path)")
            active += 1
            mostAtOnce = max(mostAtOnce, active)
        }
        defer { lock.withLock { active -= 1 } }
        let (status, headers) = answer(method, path, client: client)
        guard status > 0 else { return }
        let body = method == "HEAD" ? "" : "status \(status)\n"
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        for header in headers { head += header + "\r\n" }
        let bytes = Array((head + "\r\n" + body).utf8)
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, sendFlags) }
    }

    /// The status and headers for a request; 0 when the connection is to stay silent.
    private func answer(_ method: String, _ path: String, client: Int32) -> (Int, [String]) {
        switch path {
        case "/ok": return (200, [])
        case "/missing": return (404, [])
        case "/no-head": return (method == "HEAD" ? 405 : 200, [])
        case "/slow":
            var byte: UInt8 = 0
            _ = recv(client, &byte, 1, 0)  // until the client gives up or the server stops
            return (0, [])
        case let path where path.hasPrefix("/redirect/"):
            let remaining = Int(path.dropFirst("/redirect/".count)) ?? 0
            return (301, ["Location: " + (remaining > 0 ? "/redirect/\(remaining - 1)" : "/ok")])
        case "/to-mail": return (301, ["Location: mailto:a@b.example"])
        case let path where path.hasPrefix("/to-closed/"):
            return (302, ["Location: http://127.0.0.1:\(path.dropFirst("/to-closed/".count))/"])
        case let path where path.hasPrefix("/delay/"):
            usleep(300_000)
            return (200, [])
        default: return (404, [])
        }
    }

    private static func reason(_ status: Int) -> String {
        [200: "OK", 301: "Moved Permanently", 404: "Not Found", 405: "Method Not Allowed"][status] ?? "Status"
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func port(of descriptor: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
