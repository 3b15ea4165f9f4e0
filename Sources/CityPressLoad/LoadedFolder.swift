import CityPressCore
import CityPressMarkdown

/// What loading one kind's folder gave, file by file, so that a reload can redo single files.
package struct LoadedFolder<Kind: ContentKind>: Sendable {
    /// What one file gave: its record (`nil` when it has errors) and its problems.
    package typealias FileResult = (record: Kind.Record?, diagnostics: [Diagnostic])

    /// The folder as diagnostics show it (`Content/cities`).
    package let displayPath: String
    /// Problems with the folder itself: missing, or holding files that do not belong.
    package var diagnostics: [Diagnostic] = []
    /// The record files' paths below the folder, sorted.
    package var names: [String] = []
    /// Each file's record, in `names` order; `nil` when the file has errors (a kind may instead give a
    /// record that says so, as `DeclarationFile` does: its `collect` sorts them out).
    package private(set) var fileRecords: [Kind.Record?] = []
    /// The records of the files, in file order (those of the files without errors, unless the kind gives
    /// records for files with errors too): kept with `fileRecords`, not gathered
    /// from them for each load, which copied every record (34,000 reports) to change one.
    package private(set) var records: [Kind.Record] = []
    /// Each file's problems, in `names` order. Kept apart from the records, so that putting all
    /// problems together is the same code for every kind, not code generic over the record type
    /// (which would copy each result through the type's metadata: a tenth of a cached load).
    package private(set) var fileDiagnostics: [[Diagnostic]] = []
    /// Paths below the folder of the files that are not records (a warning in `diagnostics` says so).
    package var skipped: [String] = []

    /// A folder with no files yet.
    package init(displayPath: String) {
        self.displayPath = displayPath
    }

    /// Sets what every file of `names` gave, in `names` order.
    package mutating func setResults(_ results: [FileResult]) {
        fileRecords = results.map(\.record)
        records = fileRecords.compactMap { $0 }
        fileDiagnostics = results.map(\.diagnostics)
    }

    /// Sets what the file at `index` of `names` gave.
    package mutating func set(_ result: FileResult, at index: Int) {
        // Counted in place: iterating the array would copy each record before it.
        let position = fileRecords.withUnsafeBufferPointer { files in
            var count = 0
            for file in 0..<index where files[file] != nil { count += 1 }
            return count
        }
        let hadRecord = fileRecords[index] != nil
        fileRecords[index] = result.record
        fileDiagnostics[index] = result.diagnostics
        switch (hadRecord, result.record) {
        case (true, let record?): records[position] = record
        case (true, nil): records.remove(at: position)
        case (false, let record?): records.insert(record, at: position)
        case (false, nil): break
        }
    }
}

/// A `LoadedFolder` of any kind, as `LoadedFiles` keeps them: one per entry of the table of kinds.
package protocol AnyLoadedFolder: Sendable {
    /// The kind's folder below the content folder (`cities`).
    var folder: String { get }
    /// The kind whose files these are.
    var kind: any ContentKind.Type { get }
    /// The folder's problems, then each file's, in file order.
    var allDiagnostics: [Diagnostic] { get }
    /// Puts the records into `content`, as the kind says.
    func collect(into content: inout LoadedContent)
    /// Reads the file `name` (a path below the folder) again; `false`, and nothing changed, when
    /// it is not one of the folder's record files.
    mutating func reload(_ name: String, from root: ContentRoot, markdown: MarkdownParser) -> Bool
}

extension LoadedFolder: AnyLoadedFolder {
    package var folder: String { Kind.folder }

    package var kind: any ContentKind.Type { Kind.self }

    package var allDiagnostics: [Diagnostic] { diagnostics + fileDiagnostics.joined() }

    package func collect(into content: inout LoadedContent) {
        Kind.collect(self, into: &content)
    }

    /// The record of the file `name` (a path below the folder); `nil` when the folder has no such
    /// record file or the file has errors and its kind gives no record for such a file.
    package func record(named name: String) -> Kind.Record? {
        names.sortedIndex(of: name).flatMap { fileRecords[$0] }
    }

    package mutating func reload(_ name: String, from root: ContentRoot, markdown: MarkdownParser) -> Bool {
        guard let index = names.sortedIndex(of: name) else { return false }
        set(Kind.load(root.file(name, of: Kind.self, markdown: markdown)), at: index)
        return true
    }
}

extension [String] {
    /// The index of `element` in this sorted array, found by bisection.
    fileprivate func sortedIndex(of element: String) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == element ? low : nil
    }
}
