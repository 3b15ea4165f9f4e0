import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressSite
import CityPressTemplates
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `citypress serve`: builds the site privately (its pages in a temporary file), serves it, and rebuilds
/// when a file changes.
public struct PreviewServer: Sendable {
    /// Content, templates and drafts.
    public let options: BuildOptions
    /// Address to bind.
    public let host: String
    /// Port to bind (0 picks a free one).
    public let port: Int
    /// How often the folders are checked for changes where the kernel does not report them (inotify).
    public var pollInterval: Duration = .milliseconds(50)
    /// How long a burst of saves must be quiet before the rebuild starts.
    public var quietPeriod: Duration = .milliseconds(30)
    /// The same, when the kernel's events show every file of the burst closed after writing or moved
    /// into place (a finished save): then only a burst's next file can still come, microseconds
    /// apart, and waiting the whole `quietPeriod` would add to every save's time to the reload. Not
    /// shorter than a kernel tick (10 ms at the coarsest): a file's time advances once a tick, so a
    /// rewrite of the same length within the tick of the save could otherwise look unchanged.
    public var quietPeriodAfterFinishedSaves: Duration = .milliseconds(12)
    /// Where progress lines go (standard output by default).
    public var report: @Sendable (String) -> Void = { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    /// Where diagnostics go (standard error by default).
    public var reportProblems: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Creates a server.
    public init(options: BuildOptions, host: String, port: Int) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// Builds, then serves until SIGINT or SIGTERM. `onReady` gets the bound port.
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let builder = PreviewBuilder(options: options)
        let started = ContinuousClock.now
        // The snapshot comes first: a file saved during the first build is then seen as changed.
        let initial = FileWatcher(folders: [options.contentPath, options.templatesPath]).snapshot()
        let first = builder.build()
        let instance = String(UUID().uuidString.prefix(8)).lowercased()
        let broadcaster = ReloadBroadcaster(site: PreviewSite(content: first.content, version: 1, instance: instance))
        describe(first, cause: "first build", since: started)

        var logger = Logger(label: "citypress.serve")
        logger.logLevel = .error
        let watcher = RebuildService(server: self, builder: builder, broadcaster: broadcaster, initial: initial,
                                     firstDiagnostics: first.diagnostics)
        let app = Application(
            responder: PreviewResponder(broadcaster: broadcaster, reportProblem: reportProblems),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            services: [watcher],
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        await broadcaster.finishAll()
    }

    /// Of a build's `diagnostics`, those to print after a build that printed `known`: every error, and
    /// the warnings that are new; and how many warnings were left out.
    package static func problemsToPrint(_ diagnostics: [Diagnostic], known: [Diagnostic]) -> (shown: [Diagnostic], repeated: Int) {
        let seen = Set(known.filter { $0.severity == .warning })
        let shown = diagnostics.filter { $0.severity != .warning || !seen.contains($0) }
        return (shown, diagnostics.count - shown.count)
    }

    /// Prints the build's problems and a line saying what it did. Warnings the last build printed
    /// (`known`) are counted, not printed again: a site with many leaves each save's line buried.
    package func describe(_ outcome: PreviewBuilder.Outcome, cause: String, since start: ContinuousClock.Instant,
                          known: [Diagnostic] = []) {
        let elapsed = start.duration(to: .now)
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let (shown, repeated) = Self.problemsToPrint(outcome.diagnostics, known: known)
        if !shown.isEmpty { reportProblems(DiagnosticFormatter(remedies: options.remedies).format(shown)) }
        let unchanged = repeated == 0 ? "" : " (\(repeated) warning\(repeated == 1 ? "" : "s") as before, not repeated)"
        switch outcome.content {
        case .built:
            // Files, as the build counts them ("22 pages and 19 other files"): the preview serves all of them.
            report("\(cause): \(outcome.pageCount) file\(outcome.pageCount == 1 ? "" : "s") in \(milliseconds) ms\(unchanged)")
        case .failed:
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            report("\(cause): build failed with \(errors) error\(errors == 1 ? "" : "s") in \(milliseconds) ms; the browser shows them\(unchanged)")
        }
    }
}

/// Watches the content and templates and swaps in a new build after every change.
package struct RebuildService: Service {
    package let server: PreviewServer
    package let builder: PreviewBuilder
    package let broadcaster: ReloadBroadcaster
    /// The files as they were before the first build.
    package let initial: FileWatcher.Snapshot
    /// The first build's problems, printed already.
    package let firstDiagnostics: [Diagnostic]

    package func run() async throws {
        let folders = [server.options.contentPath, server.options.templatesPath]
        let watcher = FileWatcher(folders: folders)
        let signal = ChangeSignal(folders: folders, fallback: server.pollInterval)
        defer { signal.stop() }
        do {
            try await cancelWhenGracefulShutdown {
                var last = initial
                var eventsSeen = signal.eventCount
                var printed = firstDiagnostics
                for await _ in signal.wakeUps {
                    if Task.isCancelled { break }
                    // Wait for a burst of saves to settle, so one build covers them all: with inotify, until no
                    // event came for a quiet period; otherwise until two snapshots agree.
                    if signal.usesKernelEvents, signal.eventCount != eventsSeen {
                        var seen = signal.eventCount
                        while true {
                            try await Task.sleep(for: signal.savesLookFinished ? server.quietPeriodAfterFinishedSaves
                                                                               : server.quietPeriod)
                            let now = signal.eventCount
                            if now == seen { break }
                            seen = now
                        }
                    }
                    eventsSeen = signal.eventCount
                    guard let (current, changed) = try await changes(since: last, watcher: watcher, signal: signal)
                    else { continue }
                    last = current
                    guard !changed.isEmpty else { continue }
                    let start = ContinuousClock.now
                    let outcome = builder.build(changed: changed)
                    await broadcaster.publish(outcome.content)
                    let names = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
                    server.describe(outcome, cause: "changed \(names)", since: start, known: printed)
                    printed = outcome.diagnostics
                }
            }
        } catch is CancellationError {
            // Shutting down: stop watching.
        }
    }

    /// The files now and the paths that changed since `last`; `nil` when nothing did. With inotify the
    /// kernel names the touched paths and only those are stamped again (a whole snapshot when it
    /// cannot say); without it, snapshots are taken until two agree.
    private func changes(since last: FileWatcher.Snapshot, watcher: FileWatcher,
                         signal: ChangeSignal) async throws -> (FileWatcher.Snapshot, [String])? {
        if signal.usesKernelEvents, case .paths(let paths) = signal.takeTouched() {
            guard !paths.isEmpty else { return nil }
            if let updated = watcher.updating(last, paths: paths) { return updated }
            let current = watcher.snapshot()
            return (current, FileWatcher.changes(from: last, to: current))
        }
        var latest = watcher.snapshot()
        guard latest != last else { return nil }
        if !signal.usesKernelEvents {
            while true {
                try await Task.sleep(for: server.quietPeriod)
                let next = watcher.snapshot()
                if next == latest { break }
                latest = next
            }
        }
        return (latest, FileWatcher.changes(from: last, to: latest))
    }
}
