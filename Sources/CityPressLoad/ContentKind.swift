import CityPressCore
import CityPressMarkdown

/// One kind of record file: the folder below `Content/` that holds the files, the extension that
/// marks them, and how one file becomes a record. `ContentLoader`, `LoadCache`, `LoadedFiles` and
/// `ContentLoader.reload(_:changing:)` work from the table of kinds (`ContentKinds.all`) alone, so
/// a new folder of records is a type conforming to this protocol and one entry in that table.
///
/// Kinds are caseless enums: every requirement is static, so the table holds their metatypes.
package protocol ContentKind: Sendable {
    /// What one file gives.
    associatedtype Record: Sendable

    /// The folder below the content folder, one path component (`cities`).
    static var folder: String { get }
    /// The extension of the record files, without its dot (`yml`); other files are skipped with a warning.
    static var fileExtension: String { get }
    /// Whether files in subfolders (`reports/2024/lodz.md`) are records too. When `false`, a
    /// subfolder is skipped with a warning like any other file that is not a record. `false` unless given.
    static var readsSubfolders: Bool { get }
    /// Whether a missing folder is an error. `true` unless given.
    static var isRequired: Bool { get }

    /// The record in `file`, or `nil` when it has errors; every problem goes to `diagnostics`. A kind
    /// whose records must be looked at even when a file has errors (a declaration's list of cities)
    /// may give a record that says so instead, and keep it apart in `collect(_:into:)`.
    /// Called on several threads at once, for different files.
    static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> Record?

    /// Puts the folder's records into `content`. Unless given, where `records(in:)` finds them.
    static func collect(_ folder: LoadedFolder<Self>, into content: inout LoadedContent)
    /// The records `collect(_:into:)` put into `content`.
    static func records(in content: LoadedContent) -> [Record]

    /// Lists and reads the kind's files in `root`. Implemented once, below, for every kind: a
    /// requirement so that the compiler builds the per-file loop for each kind's own record type.
    /// Run as generic code for a kind taken from the table, the loop would copy each result through
    /// the record type's metadata, and a cached load of 10,000 cities would take half as long again.
    static func loadFolder(from root: ContentRoot, markdown: MarkdownParser, cache: LoadCache?) -> any AnyLoadedFolder
}

extension ContentKind {
    package static var readsSubfolders: Bool { false }
    package static var isRequired: Bool { true }

    package static func collect(_ folder: LoadedFolder<Self>, into content: inout LoadedContent) {
        content.setRecords(folder.records, of: Self.self)
    }

    package static func records(in content: LoadedContent) -> [Record] {
        content.storedRecords(of: Self.self)
    }

    package static func loadFolder(from root: ContentRoot, markdown: MarkdownParser,
                                   cache: LoadCache?) -> any AnyLoadedFolder {
        root.load(Self.self, markdown: markdown, cache: cache)
    }

    /// What `record(from:_:)` gives for `file`, with its problems.
    static func load(_ file: ContentFile) -> LoadedFolder<Self>.FileResult {
        var diagnostics: [Diagnostic] = []
        let record = record(from: file, &diagnostics)
        return (record, diagnostics)
    }
}
