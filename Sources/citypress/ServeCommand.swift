import ArgumentParser
import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import CityPressServer
import Foundation

/// `citypress serve`: a local preview that rebuilds and reloads the browser on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally; rebuild and reload the browser on every change. Never writes Public/."
    )

    @OptionGroup var site: SiteFolderOptions

    @Option(help: "The address to listen on. Anything but loopback exposes unpublished drafts to the network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000


    @Flag(help: "Open the preview in the default browser.")
    var open = false

    /// Checked while parsing, so that a bad value prints this command's usage.
    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
        // Before the first build, not after it, when the server would fail to listen.
        guard Self.resolves(host) else {
            throw ValidationError("--host '\(host)' is neither an IP address nor a name this machine resolves (127.0.0.1 is this machine only)")
        }
    }

    /// Whether `host` is an address, or a name the system resolves to one.
    static func resolves(_ host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        defer { if let found { freeaddrinfo(found) } }
        return !host.isEmpty && getaddrinfo(host, nil, &hints, &found) == 0 && found != nil
    }

    func run() async throws {
        // A missing folder is not a content error the preview could show and recover from on the next save:
        // the server would serve only an error page. Say so and stop before listening.
        for (folder, option) in [(site.content, "--content"), (site.templates, "--templates")] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                FileHandle.standardError.write(Data("""
                    citypress: error: no folder '\(folder)' in \(FileManager.default.currentDirectoryPath)
                    note: run citypress serve in a site's folder, name the folder with \(option), or start a site with citypress init

                    """.utf8))
                throw ExitCode.failure
            }
        }
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data(
                "citypress: warning: listening on \(host), not loopback: anyone who can reach this machine can read the preview\n".utf8))
        }
        // Before the first build, which takes seconds on a big site, not after it.
        if port != 0, Self.isTaken(port: port, on: host) {
            FileHandle.standardError.write(Data(
                "citypress: error: port \(port) on \(host) is already in use; choose another with --port\n".utf8))
            throw ExitCode.failure
        }
        var options = BuildOptions(contentPath: site.content, templatesPath: site.templates, includesDrafts: site.drafts)
        options.remedies = previewRemedies
        let server = PreviewServer(options: options, host: host, port: port)
        let host = self.host, open = self.open
        do {
            try await server.run { bound in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("Serving the preview at http://\(shown):\(bound)/ (Ctrl-C stops)\n".utf8))
                if open { Self.openBrowser("http://\(shown):\(bound)/") }
            }
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                FileHandle.standardError.write(Data(
                    "citypress: error: port \(port) on \(host) is already in use; choose another with --port\n".utf8))
            } else {
                FileHandle.standardError.write(Data("citypress: error: the preview server stopped: \(text)\n".utf8))
            }
            throw ExitCode.failure
        }
    }

    /// Whether another program listens on `port` of `host`: binding a socket there as the server
    /// will (reusing the address, as it does) fails with `EADDRINUSE`. Any other failure is left to the
    /// server to report.
    static func isTaken(port: Int, on host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        defer { if let found { freeaddrinfo(found) } }
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else { return false }
        let probe = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        var yes: Int32 = 1
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(probe, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 && errno == EADDRINUSE
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let failed = Data("citypress: note: no browser could be opened; open \(url) yourself\n".utf8)
        process.terminationHandler = { finished in
            guard finished.terminationStatus != 0 else { return }
            #if os(macOS)
            FileHandle.standardError.write(failed)
            #else
            // `env` ends with 127 when it finds no xdg-open; xdg-open itself fails when it finds no browser or display.
            let why = finished.terminationStatus == 127 ? "is xdg-open installed?" : "xdg-open found no browser or display to use"
            FileHandle.standardError.write(Data("citypress: note: no browser could be opened (\(why)); open \(url) yourself\n".utf8))
            #endif
        }
        do { try process.run() } catch { FileHandle.standardError.write(failed) }
    }
}
