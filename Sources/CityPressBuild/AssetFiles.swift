import Foundation
import CityPressCore

/// The files of a templates folder's `assets/`: stylesheets, images, fonts, copied into every site.
enum AssetFiles {
    /// Every file below `folder`, as paths relative to it, sorted; what editors leave beside the files
    /// they save (hidden names, `x~`, `#x#`, `x.orig`: `EditorLeftovers`), and what is in such folders, left out.
    static func list(in folder: String) -> [String] {
        let manager = FileManager.default
        return (manager.subpaths(atPath: folder) ?? []).sorted().filter { file in
            var isDirectory: ObjCBool = false
            return !file.split(separator: "/").contains { EditorLeftovers.isLeftover($0) }
                && manager.fileExists(atPath: folder + "/" + file, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// An error for each file of `files` (listed in `folder`, shown as `shownFolder`) whose name is
    /// another's written with other Unicode code points for the same characters (`café` as `e` + `◌́`
    /// and as `é`): two files on disk, but one name to macOS, to most web servers and object stores,
    /// and to the build's manifest and change list.
    static func nameClashes(_ files: [String], shownFolder: String) -> [Diagnostic] {
        var first: [String: String] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            // `String` compares by canonical equivalence: the same key for both spellings.
            guard let earlier = first[file] else { first[file] = file; continue }
            problems.append(.error("asset '\(file)' has the name of '\(earlier)', its characters encoded otherwise (Unicode NFC and NFD)",
                                   at: SourceLocation(path: shownFolder + "/" + file),
                                   notes: ["a web server, an object store or a Mac takes them for one file: rename or delete one of them"]))
        }
        return problems
    }

    /// The bytes of the file at `path`; `nil` when it no longer exists.
    static func read(_ path: String) throws -> [UInt8]? {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        }
    }
}
