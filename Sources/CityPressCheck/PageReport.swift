import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One page's findings with locations: what the parallel part of the check hands to the site-wide part.
struct PageReport: Sendable {
    var diagnostics: [Diagnostic] = []
    var anchors: Set<String> = []
    var fragmentLinks: [(target: Int, fragment: String, link: String, location: SourceLocation)] = []
    var externalLinks: [(url: String, location: SourceLocation)] = []

    /// Reads and inspects the page at `entry` of `index`, below `root`.
    static func inspect(entry: Int, index: OutputIndex, root: String, shownRoot: String, address: SiteAddress,
                        collectsExternalLinks: Bool, memo: LinkMemo, isRendered: Bool = false) -> PageReport {
        let relative = index.path(of: entry)
        let shownPath = shownRoot == "." ? relative : shownRoot + "/" + relative
        guard let bytes = readFile(root + "/" + relative) else {
            return PageReport(diagnostics: [.error("cannot read the page: \(String(cString: strerror(errno)))",
                                                   at: SourceLocation(path: shownPath))])
        }
        return inspect(bytes, entry: entry, index: index, shownPath: shownPath, address: address,
                       collectsExternalLinks: collectsExternalLinks, memo: memo, isRendered: isRendered)
    }

    /// Inspects `bytes`, the page at `entry` of `index`, shown in diagnostics as `shownPath`, which a
    /// template made when `isRendered`.
    static func inspect(_ bytes: [UInt8], entry: Int, index: OutputIndex, shownPath: String, address: SiteAddress,
                        collectsExternalLinks: Bool, memo: LinkMemo, isRendered: Bool = false) -> PageReport {
        bytes.withUnsafeBufferPointer { buffer in
            var inspector = PageInspector(bytes: buffer, entry: entry, index: index, address: address,
                                          collectsExternalLinks: collectsExternalLinks, memo: memo, isRendered: isRendered)
            let found = inspector.inspect()
            var report = PageReport(anchors: found.anchors)
            let offsets = found.problems.map(\.offset) + found.fragmentLinks.map(\.offset) + found.externalLinks.map(\.offset)
            guard !offsets.isEmpty else { return report }
            var locations = LinePositions.locations(of: offsets, in: buffer, path: shownPath)[...]
            for problem in found.problems {
                report.diagnostics.append(.error(problem.message, at: locations.removeFirst(), notes: problem.notes,
                                                 remedy: problem.remedy))
            }
            for link in found.fragmentLinks {
                report.fragmentLinks.append((link.target, link.fragment, link.link, locations.removeFirst()))
            }
            for link in found.externalLinks { report.externalLinks.append((link.url, locations.removeFirst())) }
            return report
        }
    }

    /// The bytes of the file at `path`, read with one `read` call for most pages (as long as the file
    /// was when it was opened).
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let count = read(descriptor, base + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { failed = count < 0; return }
                initialized += count
            }
        }
        return failed ? nil : bytes
    }
}
