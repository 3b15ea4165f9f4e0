import CityPressCore
import CityPressLoad
import CityPressSite

/// A rebuild's changes when they are only saves of report files that existed: the reports they were,
/// taken from the last load before the new one replaces its records in place, so that the build can
/// patch the last site (`ReportPatch`) when each file is still the same report.
struct ReportEdits {
    /// One saved file: its path below `reports/`, and the report it was.
    struct File {
        let name: String
        let city: String
        let declaration: String
        let year: Int
        /// The file as diagnostics name it.
        let source: String
    }

    let files: [File]

    /// The edits among `changed` (paths as the watcher names them) when every one is a report file
    /// that `previous` read without errors; `nil` otherwise, and when nothing changed.
    /// `previous` is only read: the load after this changes its records in place when nothing else holds them.
    static func of(_ changed: [String], contentPath: String, previous: borrowing LoadedFiles?) -> ReportEdits? {
        guard !changed.isEmpty, let folder = previous?.folder(of: ReportFile.self) else { return nil }
        // The loader's own test: below the content folder's `reports/`, with the kind's extension.
        let prefix = (contentPath.hasSuffix("/") ? contentPath : contentPath + "/") + ReportFile.folder + "/"
        var files: [File] = []
        for path in Set(changed).sorted() {
            guard path.hasPrefix(prefix), path.hasSuffix("." + ReportFile.fileExtension) else { return nil }
            let name = String(path.dropFirst(prefix.count))
            guard let record = folder.record(named: name) else { return nil }
            files.append(File(name: name, city: record.city.value, declaration: record.declaration.value,
                              year: record.year.value, source: record.source.path))
        }
        return ReportEdits(files: files)
    }

    /// `built`'s site with the saved reports as `loaded` (the load after the saves) has them; `nil` when
    /// a file is gone or names another report now, when the last build reported a problem in one of the
    /// files past its load (a whole resolve must then say whether it is still there), or when
    /// `ReportPatch` finds any problem: the build then resolves everything, as it would without this.
    func patch(_ built: PreviewState.Built, loaded: LoadedFiles, resolver: SiteResolver) -> Site? {
        guard let folder = loaded.folder(of: ReportFile.self) else { return nil }
        var records: [ReportRecord] = []
        records.reserveCapacity(files.count)
        for file in files {
            guard let record = folder.record(named: file.name), record.city.value == file.city,
                  record.declaration.value == file.declaration, record.year.value == file.year,
                  record.source.path == file.source
            else { return nil }
            records.append(record)
        }
        let sources = Set(files.map(\.source))
        guard !built.resolveDiagnostics.contains(where: { $0.location.map { sources.contains($0.path) } ?? false }) else { return nil }
        return ReportPatch(site: built.site, resolver: resolver).applying(records, content: loaded.content)
    }
}
