import Foundation

/// `citypress serve --port 0` running on a site folder, for tests that talk to the real server over a socket.
final class ServeProcess {
    let process = Process()
    /// The port the server bound on 127.0.0.1, read from its first line.
    private(set) var port = 0
    /// Its standard output, kept open so the server never writes to a closed pipe.
    let output = Pipe()

    /// Starts the server in `site` and waits (at most 20 s) for the line that names its address.
    init(in site: URL, arguments: [String] = []) throws {
        process.executableURL = TestPaths.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = site
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var text = ""
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
                return
            }
        }
        process.terminate()
        process.waitUntilExit()
        throw RawHTTPError.timedOut("Serving …", text)
    }

    /// Stops the server (SIGTERM) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}
