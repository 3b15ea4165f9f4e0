import Foundation

/// A folder beside the output where a build writes the new site, swapped in whole at the end.
public struct StagingFolder: PageSink {
    /// The staging folder's absolute path.
    public let path: String
    /// The output folder it replaces.
    public let destination: String
    /// The output folder as the user named it.
    public let displayPath: String

    /// Writes one file, creating its folders.
    public func write(_ contents: String, to relativePath: String) throws {
        let full = path + "/" + relativePath
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// Copies the folder `source` (e.g. `Templates/assets`) to `relativePath` inside the site.
    public func copyFolder(_ source: String, to relativePath: String) throws {
        let target = path + "/" + relativePath
        let manager = FileManager.default
        for file in (manager.subpaths(atPath: source) ?? []).sorted() {
            let from = source + "/" + file
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let to = target + "/" + file
            try manager.createDirectory(atPath: (to as NSString).deletingLastPathComponent,
                                        withIntermediateDirectories: true)
            try manager.copyItem(atPath: from, toPath: to)
        }
    }

    /// Replaces the output folder by the staging folder. The old output is moved aside first and
    /// put back if the swap fails.
    public func commit() throws {
        let manager = FileManager.default
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let old = parent + "/.\(name).citypress-old-\(ProcessInfo.processInfo.processIdentifier)"
        try? manager.removeItem(atPath: old)
        let hadOutput = manager.fileExists(atPath: destination)
        if hadOutput { try manager.moveItem(atPath: destination, toPath: old) }
        do {
            try manager.moveItem(atPath: path, toPath: destination)
        } catch {
            if hadOutput { try? manager.moveItem(atPath: old, toPath: destination) }
            throw error
        }
        if hadOutput { try? manager.removeItem(atPath: old) }
    }

    /// Deletes the staging folder, leaving the output as it was.
    public func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
