import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the preview keeps the bytes of its pages: one temporary file, removed from its folder as soon
/// as it is opened (so nothing is left behind, even after a crash), that pages are only ever appended
/// to. At ten thousand cities the pages are about 180 MB; kept on the heap they were most of the
/// server's resident memory, here they are the kernel's page cache, which it can drop and read again.
///
/// A build's pages are `StoredPage`s (where they are in the file); a page once written never changes,
/// so a build being served and the next one being written never see each other's bytes, and every
/// answer comes whole from one build. When no temporary file can be made, pages stay in memory.
package final class PagePack: @unchecked Sendable {
    /// The open file; `nil` when pages are kept in memory.
    private let descriptor: Int32?
    /// Guards `end` and `memory`.
    private let lock = NSLock()
    /// Where the next page goes.
    private var end = 0
    /// The pages, by offset, when there is no file.
    private var memory: [Int: [UInt8]] = [:]

    /// A new, empty pack in `folder` (by default the temporary folder: `TMPDIR`, else `/tmp`), or in
    /// memory when `inMemory` or when no file can be made there.
    package init(inMemory: Bool = false, folder: String? = nil) {
        descriptor = inMemory ? nil : Self.openUnlinkedFile(in: folder ?? Self.temporaryFolder)
    }

    /// `TMPDIR`, else `/tmp`.
    private static var temporaryFolder: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// The bytes written so far, of pages current and replaced.
    package var size: Int { lock.withLock { end } }

    /// Whether pages go to a file (not memory).
    package var isFile: Bool { descriptor != nil }

    /// Appends `bytes` and returns where they are. Several threads may append at once: each gets its own range.
    package func append(_ bytes: [UInt8]) throws -> StoredPage {
        let offset = lock.withLock {
            let offset = end
            end += bytes.count
            return offset
        }
        guard let descriptor else {
            if !bytes.isEmpty { lock.withLock { memory[offset] = bytes } }
            return StoredPage(offset: offset, count: bytes.count)
        }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let result = pwrite(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written, off_t(offset + written))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { throw PagePackError.writeFailed(errno: errno) }
                written += result
            }
        }
        return StoredPage(offset: offset, count: bytes.count)
    }

    /// The bytes of `page`, written before by `append`; `nil` if the file cannot be read.
    package func read(_ page: StoredPage) -> [UInt8]? {
        // An empty page has the offset of the next one: it is never looked up.
        guard page.count > 0 else { return [] }
        guard let descriptor else { return lock.withLock { memory[page.offset] } }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: page.count) { buffer, initialized in
            var done = 0
            while done < page.count {
                let result = pread(descriptor, buffer.baseAddress.map { $0 + done }, page.count - done, off_t(page.offset + done))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                done += result
            }
            complete = done == page.count
            // Bytes are plain values: whatever part was not read is zeroed rather than left uninitialized.
            if !complete, let base = buffer.baseAddress { (base + done).initialize(repeating: 0, count: page.count - done) }
            initialized = page.count
        }
        return complete ? bytes : nil
    }

    /// A file in `folder`, opened for reading and writing and unlinked at once; `nil` when none can be made.
    private static func openUnlinkedFile(in folder: String) -> Int32? {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array("citypress-preview-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let descriptor = mkstemp(base)
            if descriptor >= 0 { unlink(base) }
            return descriptor
        }
        return descriptor >= 0 ? descriptor : nil
    }
}

/// Why a page could not be kept.
package enum PagePackError: Error, CustomStringConvertible {
    case writeFailed(errno: Int32)
    case readFailed

    package var description: String {
        switch self {
        case .writeFailed(let code): "the preview could not keep a page in its temporary file (\(String(cString: strerror(code))))"
        case .readFailed: "the preview could not read a page back from its temporary file"
        }
    }
}
