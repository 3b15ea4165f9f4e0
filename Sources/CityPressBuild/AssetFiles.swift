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

    /// The bytes of the file at `path`; `nil` when it no longer exists.
    static func read(_ path: String) throws -> [UInt8]? {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        }
    }
}
