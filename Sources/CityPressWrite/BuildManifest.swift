import Foundation
import CityPressCore

/// The output folder's marker file (`.citypress-build`), which is also its manifest: the tool that
/// wrote the folder and, for every file, its size and content fingerprint, and for every rendered
/// file the fingerprint of what it was made from (`OutputFingerprints`), which tells the next build
/// which files it can keep without rendering them again.
///
/// It is JSON, one file per line, sorted by path, so the same site gives the same bytes and a reader
/// (a deploy script, the next build) can take it apart with any JSON parser. docs/deploying.md
/// describes it. A marker that is not a manifest (written by an older CityPress, or damaged) still
/// marks the folder as CityPress's; it just tells nothing about the files.
package struct BuildManifest: Sendable, Equatable {
    /// What the `format` field says.
    package static let format = "citypress-build-manifest"
    /// The version of the format: a reader refuses versions it does not know.
    package static let version = 2

    /// One output file.
    package struct File: Sendable, Equatable {
        package var size: Int
        /// `ContentHash.hex` of its bytes.
        package var hash: String
        /// `ContentHash.hex` of the fingerprint of what it was rendered from; `nil` for files copied
        /// (assets) or printed (PDFs).
        package var inputs: String?

        package init(size: Int, hash: String, inputs: String? = nil) {
            self.size = size
            self.hash = hash
            self.inputs = inputs
        }
    }

    /// The CityPress version that wrote it.
    package var tool: String
    /// Every file of the output but the manifest itself, by path relative to the output.
    package var files: [String: File]

    package init(tool: String = CityPressVersion.string, files: [String: File]) {
        self.tool = tool
        self.files = files
    }

    /// The manifest of the files `log` recorded, each rendered one with its fingerprint in `inputs`.
    package init(_ log: WriteLog, inputs: [String: UInt64] = [:]) {
        var files: [String: File] = [:]
        for (path, entry) in log.files where path != OutputFolder.markerName {
            files[path] = File(size: entry.size, hash: entry.hash, inputs: inputs[path].map(ContentHash.hex))
        }
        self.init(files: files)
    }

    /// The manifest as its file holds it.
    package var bytes: [UInt8] {
        var bytes = Array("{\"format\": \"\(Self.format)\", \"version\": \(Self.version), \"tool\": \(JSONText.string(tool)),\n\"files\": [".utf8)
        bytes.reserveCapacity(files.count * 96)
        var first = true
        // Sorted by bytes compared with memcmp: comparing through `String.UTF8View` took a third of a
        // second for the 45,000 files of a site with reports. The paths are laid end to end in one
        // buffer and their positions sorted, so a comparison touches no reference count.
        let entries = Array(files)
        var paths: [UInt8] = []
        var spans: [Range<Int>] = []
        spans.reserveCapacity(entries.count)
        for entry in entries {
            let start = paths.count
            paths.append(contentsOf: entry.key.utf8)
            spans.append(start..<paths.count)
        }
        var order = Array(entries.indices)
        paths.withUnsafeBufferPointer { paths in
            spans.withUnsafeBufferPointer { spans in
                order.sort { Self.precedes(UnsafeBufferPointer(rebasing: paths[spans[$0]]), UnsafeBufferPointer(rebasing: paths[spans[$1]])) }
            }
        }
        // Appended piece by piece, no string made per file: this is the last thing a build does before
        // its swap, on one core.
        for index in order {
            let file = entries[index].value
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(contentsOf: "\n{\"path\": ".utf8)
            paths.withUnsafeBufferPointer { JSONText.appendString(utf8: UnsafeBufferPointer(rebasing: $0[spans[index]]), to: &bytes) }
            bytes.append(contentsOf: ", \"size\": ".utf8)
            JSONText.appendDecimal(file.size, to: &bytes)
            bytes.append(contentsOf: ", \"hash\": \"".utf8)
            bytes.append(contentsOf: file.hash.utf8)
            bytes.append(UInt8(ascii: "\""))
            if let inputs = file.inputs {
                bytes.append(contentsOf: ", \"inputs\": \"".utf8)
                bytes.append(contentsOf: inputs.utf8)
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes += "\n]}\n".utf8
        return bytes
    }

    /// Whether `a` sorts before `b`, byte by byte (a prefix first).
    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        guard common > 0, let x = a.baseAddress, let y = b.baseAddress else { return a.count < b.count }
        let order = memcmp(x, y, common)
        return order != 0 ? order < 0 : a.count < b.count
    }

    /// What the output folder at `outputPath` (absolute) says of the build that wrote it.
    package enum Previous: Equatable {
        /// No marker: a first build, or a folder CityPress did not write.
        case none
        /// A marker written by an older CityPress (its text, or a manifest of an earlier format version).
        case older
        /// A manifest of a later format version than this build reads (written by a newer CityPress).
        case newer(version: Int)
        /// A marker that is neither: damaged, or written by something else.
        case unreadable
        /// A manifest this build reads.
        case manifest(BuildManifest)
    }

    /// The manifest of the output folder at `outputPath` (absolute), read before the build replaces it.
    package static func previous(in outputPath: String) -> Previous {
        guard let data = FileManager.default.contents(atPath: outputPath + "/" + OutputFolder.markerName) else { return .none }
        let bytes = [UInt8](data)
        if let manifest = parse(bytes) { return .manifest(manifest) }
        if bytes == Array(OutputFolder.markerText.utf8) { return .older }
        // Another format version is an older or a newer CityPress's, not damage.
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["format"] as? String == format,
           let version = object["version"] as? Int, version != Self.version {
            return version < Self.version ? .older : .newer(version: version)
        }
        return .unreadable
    }

    /// The manifest in `bytes`; `nil` when they are not a manifest of a version this build reads.
    package static func parse(_ bytes: [UInt8]) -> BuildManifest? {
        if let (tool, files) = ManifestLines.parse(bytes) { return BuildManifest(tool: tool, files: files) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              object["format"] as? String == format, object["version"] as? Int == version,
              let tool = object["tool"] as? String, let list = object["files"] as? [[String: Any]] else { return nil }
        var files: [String: File] = [:]
        for entry in list {
            guard let path = entry["path"] as? String, let size = entry["size"] as? Int,
                  let hash = entry["hash"] as? String else { return nil }
            let inputs = entry["inputs"]
            guard inputs == nil || inputs is String else { return nil }
            files[path] = File(size: size, hash: hash, inputs: inputs as? String)
        }
        return BuildManifest(tool: tool, files: files)
    }
}
