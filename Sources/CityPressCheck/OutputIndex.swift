#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file and folder of a built site, by path relative to its root, found again by the bytes of a
/// path without making a string: the check looks up over a million links on a 10,000-city site.
package struct OutputIndex: Sendable {
    /// Relative paths (`cities/x/index.html`, `cities/x`), without a leading or trailing `/`.
    package private(set) var paths: [[UInt8]] = []
    /// Whether the entry at the same position is a folder.
    package private(set) var isFolder: [Bool] = []
    /// Entry position by the hash of its path; two paths with one hash go to `collisions`.
    private var slots: [UInt64: Int32] = [:]
    private var collisions: [UInt64: [Int32]] = [:]

    /// Whether the entry at the same position is a page: a file whose name ends in `.html`.
    package private(set) var isPage: [Bool] = []

    /// The pages' entries.
    package var pages: [Int] { paths.indices.filter { isPage[$0] } }

    private init() {}

    /// The index of the site below `root`, or why it cannot be read.
    package static func scan(root: String) -> Result<OutputIndex, ListingError> {
        var index = OutputIndex()
        var info = stat()
        guard stat(root, &info) == 0 else { return .failure(ListingError(path: root, code: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .failure(ListingError(path: root, code: ENOTDIR)) }
        if let failure = index.add(folder: root, relative: []) { return .failure(failure) }
        return .success(index)
    }

    /// The index of a site that will have exactly `files` (relative paths, `/`-separated), with the
    /// folders they are in: what a build is about to write, checked before it is read back.
    package init(files: [String]) {
        var seen: Set<[UInt8]> = []
        for file in files {
            let path = Array(file.utf8)
            guard !path.isEmpty, seen.insert(path).inserted else { continue }
            var slash = path.startIndex
            while let next = path[slash...].firstIndex(of: UInt8(ascii: "/")) {
                let folder = Array(path[..<next])
                if seen.insert(folder).inserted { insert(folder, isFolder: true) }
                slash = next + 1
            }
            insert(path, isFolder: false)
        }
    }

    /// Adds what is inside `folder` (shown below the root as `relative`), depth first.
    private mutating func add(folder: String, relative: [UInt8]) -> ListingError? {
        guard let directory = opendir(folder) else { return ListingError(path: folder, code: errno) }
        defer { closedir(directory) }
        var subfolders: [(String, [UInt8])] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            let full = folder + "/" + String(decoding: name, as: UTF8.self)
            var folderEntry = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                var info = stat()  // follows a symbolic link: the web server would too
                folderEntry = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            insert(path, isFolder: folderEntry)
            if folderEntry { subfolders.append((full, path)) }
        }
        for (full, path) in subfolders {
            if let failure = add(folder: full, relative: path) { return failure }
        }
        return nil
    }

    private mutating func insert(_ path: [UInt8], isFolder folder: Bool) {
        let position = Int32(paths.count)
        paths.append(path)
        isFolder.append(folder)
        isPage.append(!folder && path.count > 5 && path.suffix(5).elementsEqual(".html".utf8))
        let hash = path.withUnsafeBufferPointer { Self.hash($0) }
        if slots[hash] == nil { slots[hash] = position } else { collisions[hash, default: []].append(position) }
    }

    /// The entry whose path is exactly `path`.
    package func entry(_ path: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(path)
        guard let first = slots[hash] else { return nil }
        if Self.equal(paths[Int(first)], path) { return Int(first) }
        return collisions[hash]?.first { Self.equal(paths[Int($0)], path) }.map(Int.init)
    }

    @inline(__always)
    private static func equal(_ stored: [UInt8], _ path: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == path.count else { return false }
        return stored.withUnsafeBufferPointer { storedBytes in
            guard let left = storedBytes.baseAddress, let right = path.baseAddress else { return true }  // both empty
            return memcmp(left, right, path.count) == 0
        }
    }

    /// The path of entry `position` as text.
    package func path(of position: Int) -> String { String(decoding: paths[position], as: UTF8.self) }

    /// A hash that reads eight bytes at a time (paths are 20–60 bytes; byte-at-a-time FNV was an eighth
    /// of the check's time); collisions are resolved above.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}

/// A folder of the built site that cannot be listed.
package struct ListingError: Error, Sendable {
    package var path: String
    package var code: Int32

    /// What went wrong, in the system's words.
    package var reason: String { String(cString: strerror(code)) }
}
