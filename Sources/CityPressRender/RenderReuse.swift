import CityPressTemplates

/// What a caller that builds the same site again and again (the preview) lends the renderer to
/// reuse the previous build's work. The renderer works the same without one; a build with one gives
/// the same bytes as a build without (tests compare).
///
/// Pages themselves are not reused: telling that a page's view is unchanged costs a full render's time
/// at ten thousand cities unless every view is kept (over 100 MB), so the preview re-renders only the
/// pages an edit touches instead (`DependencyIndex`).
package protocol RenderReuse: AnyObject, Sendable {
    /// Called before each build: forgets everything when `templates` differ from the last build's.
    func prepare(for templates: TemplateSet)
    /// Each city's signatory-list entries as the last build rendered them.
    var signatoryEntries: SignatoryEntries? { get set }
}
