import CityPressCore
import Foundation

/// `citypress check`: reads a built site (a folder of HTML pages and the files they link to) and reports
/// what a reader or a screen reader would trip on, as diagnostics at the page's line and column.
///
/// Every page is read once, on all cores, as bytes; links are resolved while the page is read; only the
/// `#fragment` links to other pages wait until every page's ids are known.
package enum SiteCheck {
    /// What to check.
    package struct Options: Sendable {
        /// The built site's folder, shown in diagnostics as given (`Public`).
        package var outputPath: String
        /// Where the site is published (`https://example.org/declarations/`): links to it are internal.
        package var baseURL: String?
        /// Whether to list the site's http and https links for the external check.
        package var collectsExternalLinks = false
        /// How diagnostics name the folder, when not as `outputPath`: a build checks its staging
        /// folder before the swap, and names the output it is about to replace.
        package var shownPath: String?
        /// The files (relative paths) a build's templates made: pages even without markup.
        package var renderedFiles: Set<String> = []

        /// Options for the site in `outputPath`.
        package init(outputPath: String, shownPath: String? = nil, baseURL: String? = nil, collectsExternalLinks: Bool = false,
                     renderedFiles: Set<String> = []) {
            self.outputPath = outputPath
            self.shownPath = shownPath
            self.renderedFiles = renderedFiles
            self.baseURL = baseURL
            self.collectsExternalLinks = collectsExternalLinks
        }
    }

    /// What a check found.
    package struct Report: Sendable {
        /// Every problem, in display order.
        package var diagnostics: [Diagnostic]
        /// The pages (`.html` files) read.
        package var pagesChecked: Int
        /// Every http and https link outside the site, with the places it appears (with `collectsExternalLinks`).
        package var externalLinks: [String: [SourceLocation]] = [:]
    }

    /// The base URL a build wrote into the site's `robots.txt` (`Sitemap: https://example.org/declarations/sitemap.xml`
    /// names it when `base_url` was set): what `check` takes when it is given none, so that a site built for
    /// an address below a path is checked as it will be served.
    package static func publishedBaseURL(in outputPath: String) -> String? {
        let path = outputPath + "/robots.txt"
        // Looked at before it is read: a robots.txt of someone's own could be huge, or a link to a device.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? Int ?? .max) < 65_536,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("Sitemap: ") {
            let url = line.dropFirst("Sitemap: ".count).trimmingCharacters(in: .whitespaces)
            guard url.hasSuffix("/sitemap.xml") else { continue }
            let base = String(url.dropLast("sitemap.xml".count))
            if SiteAddress(baseURL: base) != nil { return base }
        }
        return nil
    }

    /// Checks the site in `options.outputPath`.
    package static func run(_ options: Options) -> Report {
        var address = SiteAddress.serverRoot
        if let baseURL = options.baseURL {
            guard let parsed = SiteAddress(baseURL: baseURL) else {
                return Report(diagnostics: [.error("base URL must be an absolute http:// or https:// URL with a host, not '\(baseURL)'",
                                                   remedy: .chooseBaseURL)], pagesChecked: 0)
            }
            address = parsed
        }
        let root = options.outputPath
        let shownRoot = Self.shownRoot(options.shownPath ?? root)
        let index: OutputIndex
        switch OutputIndex.scan(root: root) {
        case .success(let found): index = found
        case .failure(let failure):
            let shown = options.shownPath.map { _ in shownRoot + failure.path.dropFirst(root.count) } ?? failure.path
            return Report(diagnostics: [.error("cannot read the built site '\(shown)': \(failure.reason)",
                                               notes: ["build the site first, or name its folder"])], pagesChecked: 0)
        }
        let pages = index.pages
        // Checking no page finds nothing wrong, which says nothing: the folder is not a built site.
        guard !pages.isEmpty else {
            return Report(diagnostics: [.error("'\(shownRoot)' has no pages (.html files) to check",
                                               notes: ["check the folder a build wrote: citypress build, then citypress check --output Public"])],
                          pagesChecked: 0)
        }
        let siteAddress = address
        // Pages in runs, one worker per run, so that each worker's memo of resolved links serves many pages;
        // more runs than cores, so a run of heavy pages does not leave a core idle at the end.
        let runLength = max(1, pages.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let runs = stride(from: 0, to: pages.count, by: runLength).map { Array(pages[$0..<min(pages.count, $0 + runLength)]) }
        let collects = options.collectsExternalLinks
        let rendered = options.renderedFiles
        // A memo serves run after run on one thread, so the spans and links it learnt are not lost per run.
        let memos = LinkMemo.Pool()
        let reports = runs.parallelMap { run in
            memos.lending { memo in
                run.map { entry in
                    PageReport.inspect(entry: entry, index: index, root: root, shownRoot: shownRoot, address: siteAddress,
                                       collectsExternalLinks: collects, memo: memo, isRendered: !rendered.isEmpty && rendered.contains(index.path(of: entry)))
                }
            }
        }.flatMap { $0 }
        return report(of: Array(zip(pages, reports)), index: index)
    }

    /// The site-wide part: each page's findings, and the links to fragments of other pages checked
    /// against the ids those pages have.
    static func report(of pages: [(entry: Int, report: PageReport)], index: OutputIndex) -> Report {
        var diagnostics: [Diagnostic] = []
        var anchors: [Int: Set<String>] = [:]
        for (entry, report) in pages { anchors[entry] = report.anchors }
        var externalLinks: [String: [SourceLocation]] = [:]
        for (_, report) in pages {
            diagnostics += report.diagnostics
            for link in report.fragmentLinks {
                let known = anchors[link.target] ?? []
                guard !known.contains(link.fragment), link.fragment.lowercased() != "top" else { continue }
                diagnostics.append(.error("link '\(link.link)' names no id '\(link.fragment)' on \(index.path(of: link.target))",
                                          at: link.location))
            }
            for (url, location) in report.externalLinks { externalLinks[url, default: []].append(location) }
        }
        return Report(diagnostics: diagnostics.sortedForDisplay(), pagesChecked: pages.count, externalLinks: externalLinks)
    }

    /// The output folder as diagnostics show it: as given, without a final `/`.
    static func shownRoot(_ root: String) -> String {
        var shown = root
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        return shown
    }
}
