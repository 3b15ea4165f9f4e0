import Foundation
import CityPressRender
import CityPressTemplates

/// Pages of an earlier build, kept with the values they were rendered from, so a rebuild can reuse
/// every page whose values and templates did not change (the preview's rebuilds).
///
/// A page's HTML depends only on its templates and its view value, so reusing it when both are equal
/// gives the same bytes as rendering it again (a test compares with a full build).
public final class RenderMemo: RenderReuse, @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (view: AnyHashable, html: [UInt8])] = [:]
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
                pages.removeAll()
                fragments.removeAll()
                entries = nil
                templates = templateSet.texts
            }
            reused = 0
        }
    }

    /// The HTML of `path` if it was rendered from a view equal to `view`; otherwise renders and keeps it.
    package func page(at path: String, view: some Hashable & Sendable, render: () -> [UInt8]) -> [UInt8] {
        let key = AnyHashable(view)
        if let cached = lock.withLock({ pages[path] }), cached.view == key {
            lock.withLock { reused += 1 }
            return cached.html
        }
        let html = render()
        lock.withLock { pages[path] = (key, html) }
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
