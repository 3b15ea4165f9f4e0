import Foundation
@testable import CityPressBuild
@testable import CityPressCore
@testable import CityPressRender
import CityPressSite
import CityPressTemplates
import Testing

/// Paths of the repository, its fixtures and the built tool.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let fixtureSite = fixtures.appendingPathComponent("site")
    static let templates = packageRoot.appendingPathComponent("Templates")
    static let content = packageRoot.appendingPathComponent("Content")
    /// The two seed declaration texts, verbatim, kept in the repository so a fresh clone tests alone.
    static let seeds = fixtures.appendingPathComponent("seeds")

    /// The `citypress` binary `swift test` built next to the test bundle.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("citypress"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("citypress"),
            packageRoot.appendingPathComponent(".build/debug/citypress"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }
}

/// A temporary folder removed when the value is dropped by `withTemporaryFolder`.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Copies a folder (fixtures are copied before a test changes them).
func copyFolder(_ source: URL, to destination: URL) throws {
    try? FileManager.default.removeItem(at: destination)
    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: destination)
}

/// A copy of the fixture site's Content/ and of the repository's Templates/ in `root`, for tests that edit them.
func copyFixtureSite(to root: URL) throws -> (content: URL, templates: URL) {
    let content = root.appendingPathComponent("Content"), templates = root.appendingPathComponent("Templates")
    try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
    try copyFolder(TestPaths.templates, to: templates)
    return (content, templates)
}

/// A copy of the fixture site (Content/ and the repository's Templates/) in `root/site`, for tests that edit it.
func makeFixtureSite(in root: URL) throws -> URL {
    let site = root.appendingPathComponent("site")
    try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: site.appendingPathComponent("Content"))
    try copyFolder(TestPaths.templates, to: site.appendingPathComponent("Templates"))
    return site
}

/// Writes text to a file, creating folders.
func writeText(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

func readText(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

/// The result of running the real binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `citypress` with `arguments` in `directory`, with `environment`'s variables added to this process's.
/// Its cache folder (where `build --incremental` records what it wrote) is one for the tests in the
/// temporary folder unless `environment` names another, never the user's.
func runCityPress(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> ProcessResult {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-tests-cache").path
    return try runProgram(TestPaths.binary, arguments, in: directory,
                          environment: ["XDG_CACHE_HOME": cache].merging(environment) { _, given in given })
}

/// Runs `program` with `arguments` in `directory`, collecting its output; `environment`'s variables are
/// added to this process's.
func runProgram(_ program: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Standard error is read on another thread while standard output is read here: read one after the
    // other, a program that fills the pipe of the one not being read (64 KB of diagnostics) waits forever.
    let errorReader = PipeReader(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errorReader.data()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Inode and modification time (seconds, nanoseconds) of every file below `folder`: a file written again
/// has another inode, one kept as it was has the same inode and time.
func stamps(of folder: URL) -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
        var info = stat()
        guard lstat(folder.appendingPathComponent(path).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
        result[path] = [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }
    return result
}

/// Every file below `folder` with its bytes, keyed by relative path (to prove a folder is untouched).
func snapshot(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
    for path in paths {
        let url = folder.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = try Data(contentsOf: url)
        } else {
            result[path + "/"] = Data()
        }
    }
    return result
}

/// A sink that keeps pages in memory.
final class MemorySink: PageSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: String] = [:]
    func write(_ contents: [UInt8], to path: String) throws {
        lock.lock(); defer { lock.unlock() }
        storage[path] = String(decoding: contents, as: UTF8.self)
    }
    var pages: [String: String] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }
}

/// Loads, resolves and renders a content folder with the repository's templates into memory.
func renderInMemory(content: URL, templates: URL = TestPaths.templates, drafts: Bool = false) throws -> (pages: [String: String], diagnostics: [Diagnostic]) {
    let options = BuildOptions(contentPath: content.path, templatesPath: templates.path, includesDrafts: drafts)
    let (site, templateSet, diagnostics) = SiteBuild.prepare(options)
    guard let site, let templateSet else { return ([:], diagnostics) }
    let sink = MemorySink()
    try SiteRenderer(site: site, templates: templateSet).render(into: sink)
    return (sink.pages, diagnostics)
}

/// The fixture site loaded and resolved with the repository's templates: what a build renders.
func preparedFixtureSite() throws -> (site: Site, templates: TemplateSet) {
    let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                               templatesPath: TestPaths.templates.path)
    let (site, templates, _) = SiteBuild.prepare(options)
    return (try #require(site), try #require(templates))
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var read = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            read = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe gave, once it is closed.
    func data() -> Data {
        done.wait()
        return read
    }
}
