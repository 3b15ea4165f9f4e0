import Foundation
import CityPressRender
import CityPressTemplates

/// What the preview keeps of a build's rendering for the next one: each city's signatory-list entries,
/// so an edit renders only the changed cities' entries again (`PreviewEdits`).
///
/// It keeps no pages and no page views: the pages are in the build's `PagePack`, and telling an
/// unchanged view from a changed one needs either every view (over 100 MB at ten thousand cities) or
/// a digest of each, which took longer than rendering the page (measured: a full rebuild 2.4 s with
/// digests against 0.76 s without). Edits re-render only the pages they touch instead.
public final class RenderMemo: RenderReuse, @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: String] = [:]
    private var entries: SignatoryEntries?

    /// An empty memo.
    public init() {}

    /// Forgets the entries when the templates changed since the last build (they are rendered with them).
    package func prepare(for templateSet: TemplateSet) {
        lock.withLock {
            if templates != templateSet.texts {
                entries = nil
                templates = templateSet.texts
            }
        }
    }

    /// The signatory entries of the last build. A full render only sets them (it renders every entry);
    /// an edit's build (`PreviewEdits`) takes unchanged cities' entries from them, and the files rendered
    /// when asked for are made with them.
    package var signatoryEntries: SignatoryEntries? {
        get { lock.withLock { entries } }
        set { lock.withLock { entries = newValue } }
    }
}
