import CityPress
import Foundation

/// Builds the site into memory for the preview; never writes to the output folder.
public struct PreviewBuilder: Sendable {
    /// Content, templates and drafts, as for `citypress build`.
    public let options: BuildOptions
    /// The pages of the previous build, reused where their values and templates did not change.
    let memo = RenderMemo()

    /// Creates a builder.
    public init(options: BuildOptions) {
        var options = options
        options.loadCache = LoadCache()
        self.options = options
    }

    /// The outcome of one build.
    public struct Outcome: Sendable {
        public let content: PreviewSite.Content
        public let pageCount: Int
        public let diagnostics: [Diagnostic]
    }

    /// Builds everything. Never throws: every failure becomes a diagnostic.
    public func build() -> Outcome {
        let (site, templates, diagnostics) = SiteBuild.prepare(options)
        guard let site, let templates, !diagnostics.containsErrors else {
            return failure(diagnostics)
        }
        let sink = MemoryFiles()
        do {
            let count = try SiteRenderer(site: site, templates: templates).render(into: sink, memo: memo)
            var files = sink.files
            let assets = (options.templatesPath as NSString).appendingPathComponent("assets")
            for file in (FileManager.default.subpaths(atPath: assets) ?? []) where !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                if let data = FileManager.default.contents(atPath: assets + "/" + file), !isFolder(assets + "/" + file) {
                    files["assets/" + file] = [UInt8](data)
                }
            }
            return Outcome(content: .built(files), pageCount: count, diagnostics: diagnostics)
        } catch {
            return failure(diagnostics + [.error("rendering failed: \(error)")])
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func failure(_ diagnostics: [Diagnostic]) -> Outcome {
        Outcome(content: .failed(DiagnosticFormatter().format(diagnostics)), pageCount: 0, diagnostics: diagnostics)
    }
}

/// Pages kept in memory, written from several threads.
final class MemoryFiles: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    func write(_ contents: [UInt8], to path: String) throws {
        lock.withLock { storage[path] = contents }
    }

    var files: [String: [UInt8]] { lock.withLock { storage } }
}
