/// A way out of a problem that only the program driving the library can offer (a command-line
/// option, a setting of another front end). Library messages name the remedy, never another
/// program's flags; the front end says how to apply it (`DiagnosticFormatter.remedies`).
public enum Remedy: String, Sendable, Hashable, CaseIterable {
    /// Build from another content folder.
    case chooseContentFolder
    /// Build with another templates folder.
    case chooseTemplatesFolder
    /// Replace an output folder that CityPress did not write, and everything in it.
    case replaceOutputFolder
    /// Name the browser that prints PDFs.
    case chooseBrowser
    /// Give the published site's address another way.
    case chooseBaseURL
    /// Publish (or print) declarations marked as drafts.
    case includeDrafts

    /// What the library says when the front end gives no wording of its own.
    public var defaultAdvice: String {
        switch self {
        case .chooseContentFolder: "choose another content folder"
        case .chooseTemplatesFolder: "choose another templates folder"
        case .replaceOutputFolder: "ask for it to be replaced, with everything in it"
        case .chooseBrowser: "name the browser's executable"
        case .chooseBaseURL: "give the site's address as an absolute http:// or https:// URL"
        case .includeDrafts: "include drafts"
        }
    }
}
