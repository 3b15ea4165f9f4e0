import Foundation
import CityPressRender
import CityPressTemplates

/// What the preview remembers of the pages it serves, so a rebuild can reuse every page whose view
/// value and templates did not change (the preview's full rebuilds).
///
/// A page's HTML depends only on its templates and its view value, so reusing it when both are equal
/// gives the same bytes as rendering it again (a test compares with a full build). The memo keeps a
/// digest of each view, not the view (at ten thousand cities the views were over 100 MB), and no bytes:
/// a reused page's bytes are read from the files being served (`start(from:)`), which the digests describe.
public final class RenderMemo: RenderReuse, @unchecked Sendable {
    private let lock = NSLock()
    /// For pages of the files being served: the digest of the view each was rendered from.
    private var digests: [String: ViewDigest] = [:]
    /// The files being served, while a build renders.
    private var previous: PreviewFiles?
    private var templates: [String: String] = [:]
    private var fragments: [String: String] = [:]
    private var entries: SignatoryEntries?
    package private(set) var reused = 0

    /// An empty memo.
    public init() {}

    /// Forgets everything when the templates changed since the last build.
    package func prepare(for templateSet: TemplateSet) {
        lock.withLock {
            if templates != templateSet.texts {
                digests.removeAll()
                fragments.removeAll()
                entries = nil
                templates = templateSet.texts
            }
            reused = 0
        }
    }

    /// Before a build renders pages through the memo: `files` are what is served now, the pages the
    /// digests describe, whose bytes reused pages take.
    package func start(from files: PreviewFiles?) {
        lock.withLock { previous = files }
    }

    /// After a build: lets the previous files go (their bytes may be dropped), and, when the build
    /// failed, forgets the digests, which may now describe pages that are not served.
    package func finish(succeeded: Bool) {
        lock.withLock {
            previous = nil
            if !succeeded { digests.removeAll() }
        }
    }

    /// Forgets the pages at `paths`, which a build rendered without the memo: their digests no longer
    /// describe the bytes served there.
    package func forget(_ paths: some Sequence<String>) {
        lock.withLock { for path in paths { digests[path] = nil } }
    }

    /// The HTML of `path` if the page served there was rendered from a view equal to `view`; otherwise
    /// renders it, and remembers the view's digest.
    package func page(at path: String, view: some Hashable & Sendable, render: () -> [UInt8]) -> [UInt8] {
        let digest = ViewDigest(view)
        let (kept, files) = lock.withLock { (digests[path], previous) }
        if kept == digest, let files, let page = files.rendered[path], let bytes = files.pack.read(page) {
            lock.withLock { reused += 1 }
            return bytes
        }
        let html = render()
        lock.withLock { digests[path] = digest }
        return html
    }

    /// `fragment`, or the equal string kept under `key` from the last build. Page views that hold
    /// a shared fragment (a signatory list of hundreds of kilobytes) then compare equal by identity,
    /// without reading the bytes again for every page.
    package func interned(_ fragment: String, as key: String) -> String {
        lock.withLock {
            if let kept = fragments[key], kept == fragment { return kept }
            fragments[key] = fragment
            return fragment
        }
    }

    /// The signatory entries of the last build, for the next one to take unchanged cities' from.
    package var signatoryEntries: SignatoryEntries? {
        get { lock.withLock { entries } }
        set { lock.withLock { entries = newValue } }
    }

    /// Pages reused by the last build.
    public var reusedCount: Int { lock.withLock { reused } }
}
