import Foundation
import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder beside the output where a build writes the new site, swapped in whole at the end.
///
/// Writes go straight to the file system with POSIX calls (no per-file `fsync`, no temporary files:
/// the whole folder is the unit that is swapped in), and may come from several threads at once.
public struct StagingFolder: PageSink {
    /// The staging folder's absolute path.
    public let path: String
    /// The output folder it replaces.
    public let destination: String
    /// The output folder as the user named it.
    public let displayPath: String
    /// Folders made so far, below `path`.
    private let created = CreatedFolders()
    /// Folders of the output found to be folders, not links (`keep`).
    private let checkedFolders = CreatedFolders()
    /// The staging and output folders, opened for `keep`.
    let handles = FolderHandles()
    /// Whether an output folder exists to compare each file with (a first build has none: no file is
    /// looked for there).
    private let replacesOutput: Bool
    /// Every file written, and how it compares with the output's file at the same path.
    package let log = WriteLog()
    /// Failures to meet on purpose (tests); `nil` in every real build.
    package var faults: WriteFaults?
    /// When the staging folder is the spare kept beside the output (`--incremental`), what it held when
    /// the build took it: most of its files are the output's own files, linked, and are left as they are.
    package let spare: SpareTree?
    /// Where the replaced output goes after the swap, to be the next build's staging folder (`nil`: it is deleted).
    package let spareDestination: String?
    /// A spare found unusable, deleted before the swap (`SpareClaim.discardPath`).
    package let discardedSpare: String?

    package init(path: String, destination: String, displayPath: String, spare: SpareTree? = nil, spareDestination: String? = nil,
                 discardedSpare: String? = nil) {
        self.path = path
        self.destination = destination
        self.displayPath = displayPath
        self.spare = spare
        self.spareDestination = spareDestination
        self.discardedSpare = discardedSpare
        var info = stat()
        replacesOutput = destination != path && lstat(destination, &info) == 0
    }

    /// Writes one file, creating its folders. A file whose bytes equal the output's file at the same
    /// path is that file, linked: it keeps its inode and modification time, so deploy tools that
    /// compare size and time (`rsync`, `aws s3 sync`) upload only what changed.
    public func write(_ contents: [UInt8], to relativePath: String) throws {
        let full = path + "/" + relativePath
        if let slash = relativePath.lastIndex(of: "/") {
            try makeFolders(String(relativePath[..<slash]))
        }
        // Written twice (the marker, then the manifest): the first may be a link to the old output's file,
        // which writing through would change.
        let writtenBefore = log.contains(relativePath)
        if writtenBefore { unlink(full) }
        var outcome = WriteLog.Outcome.added
        let fault = faults?.nextWrite(byteCount: contents.count)
        if fault == nil, replacesOutput {
            let previous = destination + "/" + relativePath
            switch Self.compare(contents, previous) {
            case .missing: break
            case .different: outcome = .changed
            case .same(let device, let inode):
                // Unchanged either way; linked, it also keeps its modification time.
                outcome = .unchanged
                if try takeOutputFile(relativePath, device: device, inode: inode) {
                    log.record(relativePath, outcome, bytes: contents)
                    return
                }
            }
        }
        // A spare's file is most likely the output's own file: it is replaced, never written through.
        if spare != nil, !writtenBefore { try clearSpareEntry(relativePath) }
        // A file that cannot be created at all (permissions, a read-only disk) fails before it exists.
        if let fault, fault.keptBytes == 0, fault.code == EACCES || fault.code == EROFS {
            throw POSIXError(fault.code, path: full)
        }
        let length = fault.map { $0.keptBytes } ?? contents.count
        if fault == nil { log.record(relativePath, outcome, bytes: contents) }
        try contents.withUnsafeBufferPointer { bytes in
            // In a spare, a file still there could be the output's (linked): it must be a new one.
            let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (spare == nil ? 0 : O_EXCL)
            var descriptor = open(full, flags, 0o644)
            if descriptor < 0, errno == EEXIST, unlink(full) == 0 { descriptor = open(full, flags, 0o644) }
            guard descriptor >= 0 else { throw POSIXError(errno, path: full) }
            defer { close(descriptor) }
            var offset = 0
            while offset < length {
                let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, length - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(errno, path: full)
                }
                offset += written
            }
        }
        if let fault { throw POSIXError(fault.code, path: full) }
    }

    /// Takes the output's file at `relativePath` into the staging folder as it is, without reading it
    /// (linked: same inode, same modification time), when it is still the regular file of `expected`'s
    /// size the old manifest describes, its `lstat` still gives `stamp` (what this machine recorded after
    /// the build that wrote it: `OutputStamps`), and no folder on its way is a symbolic link; returns
    /// whether it did. Its size and hash then come from the old manifest (`recordKept`).
    package func keep(_ relativePath: String, expected: BuildManifest.File, stamp: FileStamp) throws -> Bool {
        guard replacesOutput, !log.contains(relativePath) else { return false }
        let previous = handles.location(of: relativePath, in: destination)
        guard let current = FileStamp.of(previous.path, in: previous.folder), current == stamp, current.size == expected.size,
              foldersAreReal(relativePath) else {
            return false
        }
        guard try takeOutputFile(relativePath, device: current.device, inode: current.inode) else { return false }
        log.recordKept(relativePath, size: expected.size, hash: expected.hash)
        return true
    }

    /// Makes the staging folder's `relativePath` the output's file there (device `device`, inode `inode`):
    /// linked, unless a spare already holds that very file; returns whether it did.
    private func takeOutputFile(_ relativePath: String, device: UInt64, inode: UInt64) throws -> Bool {
        if spareHolds(relativePath, device: device, inode: inode) { return true }
        try clearSpareEntry(relativePath)
        if let slash = relativePath.lastIndex(of: "/") {
            try makeFolders(String(relativePath[..<slash]))
        }
        let (source, target) = (handles.location(of: relativePath, in: destination), handles.location(of: relativePath, in: path))
        guard linkat(source.folder, source.path, target.folder, target.path, 0) == 0 else { return false }
        // The file linked is the one looked at, unless another build swapped the output in between.
        var info = stat()
        guard fstatat(target.folder, target.path, &info, AT_SYMLINK_NOFOLLOW) == 0, UInt64(truncatingIfNeeded: info.st_dev) == device,
              UInt64(truncatingIfNeeded: info.st_ino) == inode else {
            unlinkat(target.folder, target.path, 0)
            return false
        }
        return true
    }

    /// Whether every folder of `relativePath` in the output is a folder, not a symbolic link (to a copy
    /// edited elsewhere, say): a kept file is linked from the output itself, never through a link. Each
    /// folder is looked at once.
    private func foldersAreReal(_ relativePath: String) -> Bool {
        guard let last = relativePath.lastIndex(of: "/") else { return true }
        if checkedFolders.contains(String(relativePath[..<last])) { return true }
        var end = relativePath.startIndex
        while let slash = relativePath[end...].firstIndex(of: "/") {
            let folder = String(relativePath[..<slash])
            if !checkedFolders.contains(folder) {
                var info = stat()
                let place = handles.location(of: folder, in: destination)
                guard fstatat(place.folder, place.path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
                checkedFolders.insert(folder)
            }
            end = relativePath.index(after: slash)
        }
        return true
    }

    /// Records a file something else wrote into the staging folder (a PDF the browser printed) in `log`,
    /// compared with the output's file at the same path.
    package func recordFile(at relativePath: String) {
        guard let bytes = FileManager.default.contents(atPath: path + "/" + relativePath) else { return }
        let contents = [UInt8](bytes)
        let outcome: WriteLog.Outcome = switch Self.compare(contents, destination + "/" + relativePath) {
        case .missing: .added
        case .different: .changed
        case .same: .unchanged
        }
        log.record(relativePath, outcome, bytes: contents)
    }

    /// How a file at `path` compares with `contents`; `same` gives the file's device and inode.
    private enum Comparison { case missing, different, same(UInt64, UInt64) }

    /// Whether the regular file at `path` holds exactly `contents` (its size is compared first).
    private static func compare(_ contents: [UInt8], _ path: String) -> Comparison {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count else { return .different }
        return hasBytes(contents, path) ? .same(UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino)) : .different
    }

    /// Whether the file at `path`, of the same size, holds exactly `contents`.
    private static func hasBytes(_ contents: [UInt8], _ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // Read and compared a piece at a time, into one small buffer: a buffer the size of the page (half a
        // megabyte for a declaration with thousands of signatories) cost more to allocate and fill with
        // zeros than the comparison itself.
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        return contents.withUnsafeBytes { new in
            var offset = 0
            while true {
                // Up to one byte more than is left is asked for: a file that grew since `lstat` is not equal.
                let got = read(descriptor, buffer, min(chunk, new.count - offset + 1))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return got == 0 && offset == new.count }
                guard offset + got <= new.count, let base = new.baseAddress,
                      memcmp(base + offset, buffer, got) == 0 else { return false }
                offset += got
            }
        }
    }

    /// `mkdir -p` below the staging folder; safe when several threads create the same folder.
    /// The folder itself is tried first (its parents usually exist), and each is made once.
    private func makeFolders(_ relative: String) throws {
        guard !created.contains(relative) else { return }
        let full = path + "/" + relative
        if let spare {
            // The spare's folders are there already; one of its files may stand where a folder now goes.
            if spare.folders.contains(relative) {
                created.insert(relative)
                return
            }
            if spare.files.contains(relative) { unlink(full) }
        }
        if mkdir(full, 0o755) != 0 && errno != EEXIST {
            guard errno == ENOENT || (spare != nil && errno == ENOTDIR), let slash = relative.lastIndex(of: "/") else {
                throw POSIXError(errno, path: full)
            }
            try makeFolders(String(relative[..<slash]))
            if mkdir(full, 0o755) != 0 && errno != EEXIST { throw POSIXError(errno, path: full) }
        }
        created.insert(relative)
    }

    /// Replaces the output folder by the staging folder (a spare first loses what the new site did not
    /// write), and keeps the old output as the next spare when this build makes one.
    ///
    /// Where the file system can exchange two names in one step (Linux `renameat2`, macOS
    /// `renamex_np`), it does: at no moment is there no output folder, even if the process is killed
    /// right then. Elsewhere the old output is moved aside first and put back if the swap fails; a
    /// build killed between those two renames leaves it aside, and the next build puts it back
    /// (`StagingLeftovers`).
    public func commit() throws {
        handles.close()
        if let discardedSpare { try? FolderTree.remove(discardedSpare) }
        try removeLeftoverFiles()
        var info = stat()
        let hadOutput = lstat(destination, &info) == 0
        if hadOutput, faults?.exchangeUnavailable != true {
            if let code = faults?.commitFault(step: 1) { throw POSIXError(code, path: destination) }
            switch AtomicExchange.exchange(path, destination) {
            case .exchanged:
                // `path` now names the old output.
                keepAsSpare(path)
                return
            case .failed(let code):
                throw POSIXError(code, path: destination)
            case .unsupported:
                break
            }
        }
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let old = parent + "/" + StagingLeftovers.oldName(of: name, process: ProcessInfo.processInfo.processIdentifier)
        try? FolderTree.remove(old)
        if hadOutput {
            if let code = faults?.commitFault(step: 1) { throw POSIXError(code, path: destination) }
            if rename(destination, old) != 0 { throw POSIXError(errno, path: destination) }
        }
        let failure = faults?.commitFault(step: 2) ?? (rename(path, destination) != 0 ? errno : nil)
        if let failure {
            if hadOutput { _ = rename(old, destination) }
            throw POSIXError(failure, path: destination)
        }
        if hadOutput { keepAsSpare(old) }
    }

    /// Deletes the staging folder, leaving the output as it was.
    public func discard() {
        handles.close()
        if let discardedSpare { try? FolderTree.remove(discardedSpare) }
        try? FolderTree.remove(path)
    }
}

/// A failed system call on a path.
package struct POSIXError: Error, CustomStringConvertible {
    package let code: Int32
    package let path: String
    package init(_ code: Int32, path: String) {
        self.code = code
        self.path = path
    }
    package var description: String { "\(path): \(String(cString: strerror(code)))" }
}


#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
