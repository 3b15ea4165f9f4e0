import CityPressCore
import Foundation

/// `citypress build --check` without reading the site back: each page is checked while its bytes are
/// still in memory, as the build writes it, against the list of files the build is about to write.
/// The rules and the diagnostics are `citypress check`'s; what it saves is listing the folders and
/// reading every page again, and the pages are checked on the build's own threads.
package final class WrittenPageCheck: @unchecked Sendable {
    private let index: OutputIndex
    private let address: SiteAddress
    private let shownRoot: String
    /// Guards everything below: the build writes pages from several threads.
    private let lock = NSLock()
    /// Memos of resolved links waiting for a thread: a page borrows one, so each memo serves many
    /// pages and no two threads share one.
    private let memos = LinkMemo.Pool()
    private var reports: [(entry: Int, report: PageReport)] = []
    /// Pages written that the plan did not list: their links cannot be trusted to this check.
    private var unplanned: [String] = []

    /// A check of the site the build writes into `outputPath` (as diagnostics show it), which will
    /// hold exactly `files`; links to `baseURL` are links into the site. `nil` for a base URL the
    /// check cannot read (the disk check reports it).
    package init?(outputPath: String, baseURL: String?, files: [String]) {
        var address = SiteAddress.serverRoot
        if let baseURL {
            guard let parsed = SiteAddress(baseURL: baseURL) else { return nil }
            address = parsed
        }
        self.address = address
        index = OutputIndex(files: files)
        shownRoot = SiteCheck.shownRoot(outputPath)
    }

    /// Checks `bytes`, written to `path` (relative to the site's root), if it is a page; `isRendered`
    /// when a template made it (not copied from `static/`): then it is a page even without markup.
    package func inspect(_ bytes: [UInt8], at path: String, isRendered: Bool = false) {
        guard path.hasSuffix(".html") else { return }
        let entry = Array(path.utf8).withUnsafeBufferPointer { index.entry($0) }
        guard let entry, index.isPage[entry] else {
            lock.withLock { unplanned.append(path) }
            return
        }
        let shownPath = shownRoot == "." ? path : shownRoot + "/" + path
        let report = memos.lending { memo in
            PageReport.inspect(bytes, entry: entry, index: index, shownPath: shownPath, address: address,
                               collectsExternalLinks: false, memo: memo, isRendered: isRendered)
        }
        lock.withLock { reports.append((entry, report)) }
    }

    /// What the check found, once every page was written; `nil` when a page was written that the
    /// plan did not list, or a listed page was not written: then only reading the folder is exact.
    package func finish() -> SiteCheck.Report? {
        lock.withLock {
            let listedPages = index.isPage.lazy.filter { $0 }.count
            guard unplanned.isEmpty, Set(reports.map(\.entry)).count == listedPages else { return nil }
            return SiteCheck.report(of: reports, index: index)
        }
    }
}
