import CityPressCore
import Foundation

/// What one HTTP request brought back.
package enum ProbeOutcome: Sendable, Equatable {
    /// A status line, and where a redirect points (absolute).
    case response(status: Int, location: String?)
    /// No answer within the timeout.
    case timedOut
    /// No answer at all: the connection was refused, the name does not resolve… (in plain words).
    case failed(String)
}

/// Sends single HTTP requests through the `curl` program and reports the first response as it is:
/// redirects are not followed (the caller counts them) and the body is thrown away.
///
/// Why a program and not URLSession: on Linux, URLSession lives in FoundationNetworking, which links
/// libcurl and the thirty libraries it needs into every run of `citypress`. Measured on the release
/// binary, that doubled its start (7.9 ms → 15.7 ms for `--version`, paid by every build), and release
/// builds needed libcurl's development files. `curl` is on every machine that has libcurl, and only
/// `--external` runs it.
package struct HTTPProbe: Sendable {
    /// The `curl` executable.
    package var executable: String
    /// Seconds without an answer before a request gives up.
    package var timeout: TimeInterval

    /// A probe through `curl` found on `PATH` (or at `executable`), or `nil` when there is none.
    package init?(executable: String? = nil, timeout: TimeInterval) {
        guard let found = executable ?? Self.locate("curl") else { return nil }
        guard FileManager.default.isExecutableFile(atPath: found) else { return nil }
        self.executable = found
        self.timeout = timeout
    }

    /// Sends `method` (`HEAD`, `GET`) to `url` and waits for the response.
    package func send(_ method: String, to url: String) async -> ProbeOutcome {
        let seconds = String(format: "%.3f", timeout)
        var arguments = ["-q", "--silent", "--show-error", "--output", "/dev/null", "--write-out", "%{http_code} %{redirect_url}",
                         "--connect-timeout", seconds, "--max-time", seconds, "--user-agent",
                         "CityPress/\(CityPressVersion.string) link check", "--proto", "=http,https"]
        arguments += method == "HEAD" ? ["--head"] : ["--request", method]
        arguments += ["--", url]
        let (status, output) = await run(arguments)
        let parts = output.split(separator: " ", maxSplits: 1).map(String.init)
        if let code = parts.first.flatMap({ Int($0) }), code > 0 {
            let location = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
            return .response(status: code, location: location)
        }
        return Self.outcome(ofExitStatus: status)
    }

    /// What curl's exit status says when no response came (its manual, "EXIT CODES").
    static func outcome(ofExitStatus status: Int32) -> ProbeOutcome {
        switch status {
        case 28: .timedOut
        case 7: .failed("the connection was refused")
        case 6, 5: .failed("the host name does not resolve")
        case 35, 51, 53, 54, 58, 59, 60, 66, 77, 80, 83, 90, 91: .failed("the secure connection failed (certificate or TLS)")
        case 52: .failed("the server closed the connection without answering")
        case 55, 56: .failed("the connection was lost")
        case 1, 3: .failed("curl cannot ask this URL")
        default: .failed("curl failed with status \(status)")
        }
    }

    /// Runs curl with `arguments`; its exit status and what it wrote to standard output.
    private func run(_ arguments: [String]) async -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        return await withCheckedContinuation { continuation in
            process.terminationHandler = { finished in
                let data = output.fileHandleForReading.readDataToEndOfFile()  // a few bytes: the pipe never fills
                continuation.resume(returning: (finished.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(returning: (-1, ""))
            }
        }
    }

    /// The first executable called `name` on `PATH`.
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
