/// Where rendered pages go: the write stage's output folder, or memory in tests and the preview.
public protocol PageSink: Sendable {
    /// Stores `contents` (UTF-8) at `path` (relative to the site root, `/`-separated, e.g. `cities/oslo/index.html`).
    func write(_ contents: [UInt8], to path: String) throws
}
