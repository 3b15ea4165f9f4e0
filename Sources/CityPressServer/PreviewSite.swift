import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressSite
import CityPressTemplates

/// What the preview serves right now: the files of the last build, or the problems of a failed one.
public struct PreviewSite: Sendable {
    /// The result of one build.
    public enum Content: Sendable {
        /// Every file of the site, by path relative to its root (`cities/oslo/index.html`).
        case built(PreviewFiles)
        /// The build failed: every diagnostic, formatted as the terminal shows them.
        case failed(String)
    }

    /// The build's content.
    public let content: Content
    /// Increases with every build; with `instance`, tells browsers whether they show the latest one.
    public let version: Int
    /// Random per server run, so a browser notices a restarted server.
    public let instance: String

    /// `instance-version`, sent to browsers.
    public var tag: String { "\(instance)-\(version)" }
}
