import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad

/// A kind of record declared only here: `notes/**/*.txt`, a title on the first line. Loading it
/// takes this type and one entry in the loader's table of kinds, and nothing else.
enum NoteFile: ContentKind {
    struct Note: Sendable, Hashable {
        var name: String
        var title: String
        var source: CityPressCore.SourceLocation
    }

    static let folder = "notes"
    static let fileExtension = "txt"
    static let readsSubfolders = true
    static let isRequired = false

    static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> Note? {
        guard let source = file.read(&diagnostics) else { return nil }
        let title = source.lines.first?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !title.isEmpty else {
            diagnostics.append(.error("a note starts with its title", at: source.location(line: 1, column: 1)))
            return nil
        }
        return Note(name: file.name, title: title, source: file.location)
    }
}

/// A required kind whose folder is flat, as `cities/` and `declarations/` are.
enum MemoFile: ContentKind {
    static let folder = "memos"
    static let fileExtension = "memo"

    static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> String? {
        file.slug(&diagnostics)
    }
}

/// Loading, the load cache and reloads work from the table of content kinds, for the built-in
/// kinds and for a kind the loader has never heard of.
@Suite struct ContentKindLoadingTests {
    static let kinds = ContentKinds.all + [NoteFile.self]

    /// A copy of the fixture site's content with notes: two good ones (one in a subfolder), one
    /// with an error, a file that is not a note, and a hidden one.
    static func contentWithNotes(in root: URL) throws -> URL {
        let content = root.appendingPathComponent("Content")
        try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
        try writeText("Harbour walk\nNotes from the walk.\n", to: content.appendingPathComponent("notes/harbour.txt"))
        try writeText("Budget 2024\n", to: content.appendingPathComponent("notes/2024/budget.txt"))
        try writeText("Annex\n", to: content.appendingPathComponent("notes/2024-annex.txt"))
        try writeText("\nno title\n", to: content.appendingPathComponent("notes/2024/empty.txt"))
        try writeText("# Not a note\n", to: content.appendingPathComponent("notes/readme.md"))
        try writeText("Hidden\n", to: content.appendingPathComponent("notes/.draft.txt"))
        return content
    }

    /// Diagnostics as printed, with paths below the content folder.
    static func described(_ diagnostics: [Diagnostic], in content: URL) -> [String] {
        diagnostics.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
    }

    @Test func theBuiltInKindsAreTheTable() {
        #expect(ContentKinds.all.map { $0.folder } == ["cities", "declarations", "reports", "translations"])
        #expect(ContentKinds.all.map { $0.fileExtension } == ["yml", "md", "md", "md"])
        #expect(ContentKinds.all.map { $0.readsSubfolders } == [false, false, true, true])
        // A site without reports or translations needs no reports/ or translations/ folder.
        #expect(ContentKinds.all.map { $0.isRequired } == [true, true, false, false])
    }

    @Test func aNewKindIsLoadedFromItsEntryInTheTable() throws {
        try withTemporaryFolder { root in
            let content = try Self.contentWithNotes(in: root)
            let loaded = ContentLoader(contentPath: content.path, kinds: Self.kinds).loadFiles()
            let notes = loaded.content.records(of: NoteFile.self)
            // In path order: `2024-annex.txt` sorts before `2024/…`, whatever the listing's order.
            #expect(notes.map(\.name) == ["2024-annex.txt", "2024/budget.txt", "harbour.txt"])
            #expect(notes.map(\.title) == ["Annex", "Budget 2024", "Harbour walk"])
            #expect(notes.last?.source.path == content.path + "/notes/harbour.txt")
            #expect(Self.described(loaded.diagnostics, in: content) == [
                "notes/readme.md: warning: file is ignored: only .txt files belong in notes/",
                "notes/2024/empty.txt:1:1: error: a note starts with its title",
            ])
            #expect(loaded.folder(of: NoteFile.self)?.skipped == ["readme.md"])

            // The other kinds are what the default table gives.
            let plain = ContentLoader(contentPath: content.path).loadFiles()
            #expect(loaded.content.cities == plain.content.cities)
            #expect(loaded.content.declarations == plain.content.declarations)
            #expect(plain.content.records(of: NoteFile.self).isEmpty)
            #expect(plain.diagnostics.isEmpty)
            // The generic accessor reads the built-in kinds' own properties.
            #expect(loaded.content.records(of: CityFile.self) == loaded.content.cities)
            #expect(loaded.content.records(of: DeclarationFile.self) == loaded.content.declarations.map(LoadedDeclaration.declaration))
        }
    }

    @Test func aNewKindIsReloadedLikeTheOthers() throws {
        try withTemporaryFolder { root in
            let content = try Self.contentWithNotes(in: root)
            let loader = ContentLoader(contentPath: content.path, kinds: Self.kinds)
            func file(_ relative: String) -> URL { content.appendingPathComponent(relative) }
            func expectSame(_ reloaded: LoadedFiles?, _ what: String) {
                let full = loader.loadFiles()
                #expect(reloaded?.content.records(of: NoteFile.self) == full.content.records(of: NoteFile.self), "\(what)")
                #expect(reloaded?.content.cities == full.content.cities, "\(what)")
                #expect(reloaded?.diagnostics == full.diagnostics, "\(what)")
            }
            var previous = loader.loadFiles()
            let edits = [("a note in a subfolder fixed", "notes/2024/empty.txt", "Empty no more\n"),
                         ("a note broken", "notes/harbour.txt", "\n"),
                         ("a city", "cities/lodz.yml", "name: Łódź\ncountry: Poland\nmotto: x\n")]
            for (what, relative, text) in edits {
                try writeText(text, to: file(relative))
                let reloaded = loader.reload(previous, changing: [file(relative).path])
                #expect(reloaded != nil, "\(what)")
                expectSame(reloaded, what)
                previous = reloaded ?? loader.loadFiles()
            }
            #expect(previous.content.records(of: NoteFile.self).map(\.title) == ["Annex", "Budget 2024", "Empty no more"])

            try writeText("New\n", to: file("notes/2025/new.txt"))
            #expect(loader.reload(previous, changing: [file("notes/2025/new.txt").path]) == nil, "a new note")
            #expect(loader.reload(previous, changing: [file("notes/readme.md").path]) == nil, "a file that is not a note")
            // A loader with other kinds than `previous` was loaded with declines.
            #expect(ContentLoader(contentPath: content.path).reload(previous, changing: [file("notes/harbour.txt").path]) == nil)
        }
    }

    @Test func aNewKindIsKeptInTheLoadCache() throws {
        try withTemporaryFolder { root in
            let content = try Self.contentWithNotes(in: root)
            let cache = LoadCache()
            let loader = ContentLoader(contentPath: content.path, cache: cache, kinds: Self.kinds)
            let note = content.appendingPathComponent("notes/harbour.txt")
            #expect(loader.loadFiles().content.records(of: NoteFile.self).last?.title == "Harbour walk")
            // The file's entry is what the load kept: asking for it again does not parse it.
            var parsed = false
            let cached = cache.entries(of: NoteFile.self).result(at: note.path, variant: false) {
                parsed = true
                return (nil, [], nil)
            }
            #expect(!parsed)
            #expect(cached.record?.title == "Harbour walk")
            // Rewritten with the same size and modification time: its status-change time still tells.
            let modified = Date(timeIntervalSince1970: 1_700_000_000)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: note.path)
            _ = loader.loadFiles()
            try writeText("Harbour WALK\nNotes from the walk.\n", to: note)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: note.path)
            #expect(loader.loadFiles().content.records(of: NoteFile.self).last?.title == "Harbour WALK")
        }
    }

    @Test func aRequiredFlatFolderIsReportedAsTheBuiltInOnesAre() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            let loader = ContentLoader(contentPath: content.path, kinds: ContentKinds.all + [NoteFile.self, MemoFile.self])
            // No notes/ is fine (the kind is optional); no memos/ is not.
            #expect(Self.described(loader.loadFiles().diagnostics, in: content) == ["citypress: error: folder 'memos' is missing"])

            try writeText("x", to: content.appendingPathComponent("memos/first.memo"))
            try writeText("x", to: content.appendingPathComponent("memos/2024/second.memo"))
            try writeText("x", to: content.appendingPathComponent("memos/Third.memo"))
            let loaded = loader.loadFiles()
            #expect(loaded.content.records(of: MemoFile.self) == ["first"])
            #expect(Self.described(loaded.diagnostics, in: content) == [
                "memos/2024: warning: folder is ignored: memos/ is read without its subfolders",
                "memos/Third.memo: error: bad slug 'Third': file names must match [a-z0-9]+(-[a-z0-9]+)*",
            ])
            #expect(loader.reload(loaded, changing: [content.appendingPathComponent("memos/2024/second.memo").path]) == nil)
        }
    }

    /// Problems are reported kind by kind, in the order of the table.
    @Test func diagnosticsFollowTheTable() throws {
        try withTemporaryFolder { root in
            let content = try Self.contentWithNotes(in: root)
            try writeText("name: Łódź\n", to: content.appendingPathComponent("cities/lodz.yml"))
            let first = ContentLoader(contentPath: content.path, kinds: [NoteFile.self] + ContentKinds.all).loadFiles()
            let last = ContentLoader(contentPath: content.path, kinds: Self.kinds).loadFiles()
            let paths = { (files: LoadedFiles) in files.diagnostics.compactMap { $0.location?.path.components(separatedBy: "/").suffix(2).first } }
            #expect(paths(first) == ["notes", "2024", "cities"])
            #expect(paths(last) == ["cities", "notes", "2024"])
        }
    }
}
