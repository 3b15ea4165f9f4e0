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
    /// The hash of each entry's path, at the same position.
    private var hashes: [UInt64] = []
    /// Entries by the low bits of their path's hash, open addressing: a slot holds an entry's position
    /// + 1 (0: empty); a lookup walks from its slot to the next empty one. At most half full. (A
    /// dictionary keyed by the hash spent more on hashing the hash than the lookup saved.)
    private var slots = [Int32](repeating: 0, count: 64)

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
        if let failure = index.add(folder: root, relative: [], within: [[UInt64(info.st_dev), UInt64(info.st_ino)]]) {
            return .failure(failure)
        }
        return .success(index)
    }

    /// The index of a site that will have exactly `files` (relative paths, `/`-separated), with the
    /// folders they are in: what a build is about to write, checked before it is read back.
    package init(files: [String]) {
        // Every file brings its folders: reserving for twice as many entries is one allocation each.
        paths.reserveCapacity(2 * files.count)
        isFolder.reserveCapacity(2 * files.count)
        isPage.reserveCapacity(2 * files.count)
        hashes.reserveCapacity(2 * files.count)
        slots = [Int32](repeating: 0, count: max(64, 1 << (Int.bitWidth - (4 * files.count).leadingZeroBitCount)))
        for file in files {
            let path = Array(file.utf8)
            let known = path.withUnsafeBufferPointer { bytes -> Bool in
                guard !bytes.isEmpty, entry(bytes) == nil else { return true }
                for slash in bytes.indices where bytes[slash] == UInt8(ascii: "/") {
                    let folder = UnsafeBufferPointer(rebasing: bytes[..<slash])
                    if entry(folder) == nil { insert(Array(folder), isFolder: true) }
                }
                return false
            }
            if !known { insert(path, isFolder: false) }
        }
    }

    /// Adds what is inside `folder` (shown below the root as `relative`), depth first. A link is taken
    /// for what it leads to, as a web server takes it; one that leads nowhere, or to anything but a
    /// file or a folder (a FIFO would block the page's reading), is no part of the site. A link to a
    /// folder this one is inside (`ln -s . loop`) is listed, not walked: `within` holds the device and
    /// inode of `folder` and of every folder above it.
    private mutating func add(folder: String, relative: [UInt8], within: [[UInt64]]) -> ListingError? {
        guard let directory = opendir(folder) else { return ListingError(path: folder, code: errno) }
        defer { closedir(directory) }
        var subfolders: [(String, [UInt8], [UInt64])] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            let full = folder + "/" + String(decoding: name, as: UTF8.self)
            let type = Int32(entry.pointee.d_type)
            if type == Int32(DT_REG) {
                insert(path, isFolder: false)
                continue
            }
            var info = stat()  // follows a symbolic link: the web server would too
            guard stat(full, &info) == 0 else { continue }
            let format = info.st_mode & S_IFMT
            guard format == S_IFDIR || format == S_IFREG else { continue }
            insert(path, isFolder: format == S_IFDIR)
            let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
            if format == S_IFDIR, !within.contains(identity) { subfolders.append((full, path, identity)) }
        }
        for (full, path, identity) in subfolders {
            if let failure = add(folder: full, relative: path, within: within + [identity]) { return failure }
        }
        return nil
    }

    private mutating func insert(_ path: [UInt8], isFolder folder: Bool) {
        let position = Int32(paths.count)
        paths.append(path)
        isFolder.append(folder)
        isPage.append(!folder && path.count > 5 && path.suffix(5).elementsEqual(".html".utf8))
        let hash = path.withUnsafeBufferPointer { Self.hash($0) }
        hashes.append(hash)
        if 2 * paths.count > slots.count {
            slots = [Int32](repeating: 0, count: 2 * slots.count)
            for (earlier, hash) in hashes.enumerated() { place(Int32(earlier), hash: hash) }
        } else {
            place(position, hash: hash)
        }
    }

    /// Puts the entry at `position` in the first empty slot from its hash's.
    private mutating func place(_ position: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = position + 1
    }

    /// The entry whose path is exactly `path`.
    package func entry(_ path: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(path)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if hashes[position] == hash, Self.equal(paths[position], path) { return position }
            slot = (slot + 1) & mask
        }
        return nil
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
    /// of the check's time); paths with one hash are told apart by their bytes.
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
