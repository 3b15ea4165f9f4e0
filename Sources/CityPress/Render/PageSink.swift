/// Where rendered pages go: the write stage's output folder, or memory in tests and the preview.
public protocol PageSink: Sendable {
    /// Stores `contents` at `path` (relative to the site root, `/`-separated, e.g. `cities/oslo/index.html`).
    func write(_ contents: String, to path: String) throws
}
