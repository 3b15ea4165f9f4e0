import CityPressCheck
import CityPressCore

/// A sink that hands every file to the one it wraps and every page to a `WrittenPageCheck` while the
/// page's bytes are still in memory (`citypress build --check`).
struct CheckingSink<Wrapped: PageSink>: PageSink {
    let wrapped: Wrapped
    let check: WrittenPageCheck
    /// Whether the files written through it are rendered (not copied): every `.html` one is a page.
    let isRendering: Bool

    func write(_ contents: [UInt8], to path: String) throws {
        try wrapped.write(contents, to: path)
        check.inspect(contents, at: path, isRendered: isRendering)
    }
}
