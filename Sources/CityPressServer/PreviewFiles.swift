import CityPressLoad
import CityPressRender
import Foundation

/// The files of one preview build: the pages rendered with the build, and the files that gather the
/// whole site or many records' text (open data, search index, feed, sitemap, commitment pages,
/// implementation updates), rendered from the same build the first time a browser asks for one. An
/// edit then costs only the pages it changes, and a file rendered late is still exactly what the
/// build would have written.
///
/// The rendered pages' bytes are in `pack` (a temporary file), not on the heap: the preview keeps one
/// copy of each page, and reads it when a browser asks. The late files made so far are there too.
public final class PreviewFiles: @unchecked Sendable {
    /// Where the rendered pages' bytes are.
    package let pack: PagePack
    /// What the build rendered, by path relative to the site root: where each page is in `pack`.
    package let rendered: [String: StoredPage]
    /// The files rendered when asked for, by path.
    private let later: [String: PlannedOutput]
    /// The pages among `later` of kinds otherwise rendered with the build, which an edit reached too many
    /// of to render them all with it (`PreviewEdits`); the next edit starts without them.
    package let deferred: Set<String>
    /// Makes what those files are rendered with (the build's site, templates and fragments); `nil`
    /// when there are none. Made when the first of them is asked for, not with every build.
    private let makeContext: (@Sendable () -> RenderContext)?
    /// Guards `made` and `context`: requests come from several threads.
    private let lock = NSLock()
    /// The late files rendered so far (or kept from the previous build, which made the same bytes):
    /// where each one is in `pack`.
    private var made: [String: StoredPage]
    /// The context made by `makeContext`, once one late file has been asked for.
    private var context: RenderContext?
    /// The folders of the base URL's path (`["network"]` for `https://example.org/network/`): the
    /// not-found page's links start with them, since it is served at any address, and the preview,
    /// which serves the site at its root, takes them off such a request.
    package let sitePath: [String]

    /// Late files made by one build, and the pack their bytes are in.
    package struct MadeLater {
        /// The pack the pages are in.
        package let pack: PagePack
        /// Where each late file made is in `pack`, by path.
        package var pages: [String: StoredPage]
    }

    /// The files `rendered` (pages in `pack`), and `later` (outputs of the renderer of the context
    /// `makeContext` makes, `deferred` among them), of which those of `kept` are already made when they
    /// are in `pack` (a build into a new pack makes them again).
    package init(pack: PagePack, rendered: [String: StoredPage], later: [PlannedOutput] = [], deferred: Set<String> = [],
                 context makeContext: (@Sendable () -> RenderContext)? = nil, kept: MadeLater? = nil, baseURL: String? = nil) {
        let byPath = Dictionary(later.map { ($0.route.file, $0) }, uniquingKeysWith: { first, _ in first })
        sitePath = Self.sitePath(of: baseURL)
        self.pack = pack
        self.rendered = rendered
        self.later = byPath
        self.deferred = deferred
        self.makeContext = makeContext
        made = kept.map { $0.pack === pack ? $0.pages.filter { byPath[$0.key] != nil } : [:] } ?? [:]
    }

    private init(pack: PagePack, rendered: [String: StoredPage], later: [String: PlannedOutput], deferred: Set<String>,
                 makeContext: (@Sendable () -> RenderContext)?, context: RenderContext?, made: [String: StoredPage],
                 sitePath: [String]) {
        self.sitePath = sitePath
        self.pack = pack
        self.rendered = rendered
        self.later = later
        self.deferred = deferred
        self.makeContext = makeContext
        self.context = context
        self.made = made
    }

    /// These files with `rendered` (pages in `pack`) in place of theirs; the late files, and those made
    /// so far, stay (an edit of assets alone, which no late file reads).
    package func replacingRendered(_ rendered: [String: StoredPage], in pack: PagePack) -> PreviewFiles {
        let (context, made) = lock.withLock { (self.context, self.made) }
        return PreviewFiles(pack: pack, rendered: rendered, later: later, deferred: deferred, makeContext: makeContext,
                            context: context,
                            made: pack === self.pack ? made : [:], sitePath: sitePath)
    }

    /// The folders of `baseURL`'s path: `["network"]` for `https://example.org/network/`.
    static func sitePath(of baseURL: String?) -> [String] {
        guard let baseURL else { return [] }
        return SiteConfig.path(ofBaseURL: baseURL).split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
    }

    /// Files that are all rendered (a test's), kept in memory.
    public convenience init(_ files: [String: [UInt8]]) {
        let pack = PagePack(inMemory: true)
        // A pack in memory cannot fail to take a page.
        let pages = files.compactMapValues { try? pack.append($0) }
        self.init(pack: pack, rendered: pages)
    }

    /// What the site holds at a path.
    package enum Lookup {
        /// The file's bytes.
        case file([UInt8])
        /// The site has no such file.
        case missing
        /// The site has the file, but its bytes cannot be read back from the temporary file.
        case unreadable(PagePackError)
    }

    /// The file at `path`, rendered now if it is one of the late files.
    package func lookup(_ path: String) -> Lookup {
        if let page = rendered[path] {
            do throws(PagePackError) {
                return .file(try pack.read(page))
            } catch {
                return .unreadable(error)
            }
        }
        guard let output = later[path], let makeContext else { return .missing }
        // A late file made before is read back; one the pack cannot give back is made again.
        if let page = lock.withLock({ made[path] }), let bytes = try? pack.read(page) { return .file(bytes) }
        // The context is made once, under the lock; pages are rendered outside it.
        let renderContext = lock.withLock { () -> RenderContext in
            let context = self.context ?? makeContext()
            self.context = context
            return context
        }
        let bytes = output.render(renderContext)
        // A file the pack cannot take is served all the same, and made again when asked for again.
        if let page = try? pack.append(bytes) { lock.withLock { made[path] = page } }
        return .file(bytes)
    }

    /// The bytes of the file at `path`, rendered now if it is one of the late files; `nil` when the site
    /// has no such file or it cannot be read back (`lookup` tells the two apart).
    public subscript(path: String) -> [UInt8]? {
        if case .file(let bytes) = lookup(path) { return bytes }
        return nil
    }

    /// Whether the site has a file at `path` (without rendering or reading it).
    public func contains(_ path: String) -> Bool { rendered[path] != nil || later[path] != nil }

    /// The late files made so far, for the next build to keep those its edit did not touch.
    package var madeLater: MadeLater { lock.withLock { MadeLater(pack: pack, pages: made) } }

    /// The bytes `pack` holds for pages of this build: what compaction keeps.
    package var renderedBytes: Int { rendered.values.reduce(0) { $0 + $1.count } }

    /// Every file, the late ones rendered: what a build writes (tests compare the two).
    public var all: [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in rendered.keys { files[path] = self[path] }
        for path in later.keys where files[path] == nil { files[path] = self[path] }
        return files
    }
}
