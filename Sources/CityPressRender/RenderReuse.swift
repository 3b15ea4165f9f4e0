import CityPressTemplates

/// What a caller that builds the same site again and again (the preview) lends the renderer to
/// reuse the previous build's work. The renderer works the same without one; a build with one gives
/// the same bytes as a build without (tests compare).
package protocol RenderReuse: AnyObject, Sendable {
    /// Called before each build: forgets everything when `templates` differ from the last build's.
    func prepare(for templates: TemplateSet)
    /// The bytes of the page at `path` if the last build rendered it from a view equal to `view`;
    /// otherwise `render()`'s, kept for the next build.
    func page(at path: String, view: some Hashable & Sendable, render: () -> [UInt8]) -> [UInt8]
    /// `fragment`, or the equal string kept under `key` by the last build: page views holding a shared
    /// fragment then compare equal by identity, without reading its bytes again for every page.
    func interned(_ fragment: String, as key: String) -> String
    /// Each city's signatory-list entries as the last build rendered them.
    var signatoryEntries: SignatoryEntries? { get set }
}
