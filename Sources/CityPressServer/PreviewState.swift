import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressSite
import CityPressTemplates
import Foundation

/// What the preview keeps between builds: the last load of the content and the templates (for
/// reloading only what changed), and the last successful build (for re-rendering only what changed).
package final class PreviewState: @unchecked Sendable {
    package struct Built {
        package let site: Site
        package let templates: [String: String]
        package let outputs: [PlannedOutput]
        /// Where `site`'s reports are, for the next build to keep when its reports name the same commitments.
        package let reportIndex: ReportIndex
        /// What `outputs` depend on, once an edit needed it.
        package let index: DependencyIndex?
        /// What the preview serves: the files rendered with the build (the next edit's starting point),
        /// and the ones rendered when asked for.
        package let preview: PreviewFiles
        package let pageCount: Int
        /// The build's diagnostics after the load's (templates', the resolve's, the links'): a build that
        /// patches `site` (`ReportPatch`) reports the new load's problems, then these, as a whole build would.
        package let resolveDiagnostics: [Diagnostic]
    }

    package struct Value {
        package var loaded: LoadedFiles?
        package var templates: (TemplateSet?, [Diagnostic])?
        package var built: Built?
    }

    private let lock = NSLock()
    private var stored = Value()
    private var renders = 0
    private var patches = 0
    private var copy: PackCompaction?
    private var toldInMemory = false

    /// The copy of a pack under way or done, for the next build to start from.
    var compaction: PackCompaction? {
        get { lock.withLock { copy } }
        set { lock.withLock { copy = newValue } }
    }

    /// How many builds rendered every page.
    package var fullRenders: Int { lock.withLock { renders } }

    /// Counts a build that renders every page.
    package func countFullRender() { lock.withLock { renders += 1 } }

    /// How many builds patched the last site instead of resolving the content again.
    package var patchedBuilds: Int { lock.withLock { patches } }

    /// Counts a build that patched the last site (`ReportPatch`).
    package func countPatch() { lock.withLock { patches += 1 } }

    /// Whether this is the first time a build's pages are kept in memory for want of a file (the
    /// preview says so once).
    func firstTimeInMemory() -> Bool {
        lock.withLock {
            defer { toldInMemory = true }
            return !toldInMemory
        }
    }

    package var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
