import Foundation
import CityPressCore
import CityPressLoad
import CityPressWrite

/// Where an `--incremental` build keeps the records it parsed (`StoredRecords`) for the next build of the
/// same output folder: beside this machine's record of that folder's files (`OutputStamps`), in the
/// cache folder. Like that record, it is trusted only by the binary that wrote it, and only for the
/// content folder it was written from; anything else parses every file, as a build without it does.
struct StoredRecordsFile {
    /// The file; `nil` when there is no cache folder.
    let path: String?
    /// What names the binary in the file.
    private let tool: String
    private let contentPath: String
    /// When the build started reading the content, in nanoseconds since 1970.
    private let started = Int(Date().timeIntervalSince1970 * 1_000_000_000)
    /// How long before the start a file must have last changed to be stored: longer than a tick of any
    /// file system's clock (FAT's times are two seconds apart).
    private static let settled = 2_000_000_000

    /// The file of the output folder `output` (absolute), built from `contentPath` by `tool`.
    init(output: String, contentPath: String, tool: ToolIdentity) {
        path = OutputStamps.location(for: OutputStamps.realPath(output), fileExtension: "records")
        self.tool = "\(tool.path) \(tool.device) \(tool.inode) \(tool.size) \(tool.modified)"
        self.contentPath = contentPath
    }

    /// A cache holding the records the file has for this content and binary (none when it has none).
    func cache() -> LoadCache {
        let cache = LoadCache()
        if let path, let data = FileManager.default.contents(atPath: path) {
            StoredRecords.restore([UInt8](data), into: cache, contentPath: contentPath, tool: tool)
        }
        return cache
    }

    /// Writes `cache`'s records to the file, replacing it whole, unless they are the file's own; a failure
    /// leaves the next build to parse every file, so it is not reported. Files changed in the two seconds
    /// before the build started are left out (`StoredRecords.bytes(…changedBefore:)`).
    func store(_ cache: LoadCache) {
        guard let path, let bytes = StoredRecords.bytes(of: cache, contentPath: contentPath, tool: tool,
                                                        changedBefore: started - Self.settled) else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
