import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the preview keeps the bytes of its pages: one temporary file, removed from its folder as soon
/// as it is opened (so nothing is left behind, even after a crash), that pages are only ever appended
/// to. At ten thousand cities the pages are about 180 MB; kept on the heap they were most of the
/// server's resident memory, here they are outside it, in the kernel's page cache: on a disk the kernel
/// can write them out and drop them under memory pressure, on a tmpfs they stay in memory (or swap).
///
/// A build's pages are `StoredPage`s (where they are in the file); a page once written never changes,
/// so a build being served and the next one being written never see each other's bytes, and every
/// answer comes whole from one build. When no temporary file can be made, pages stay in memory
/// (`whyInMemory` says why).
package final class PagePack: @unchecked Sendable {
    /// The open file; `nil` when pages are kept in memory.
    private let descriptor: Int32?
    /// Why pages are in memory when a file was asked for (no file could be made); `nil` otherwise.
    package let whyInMemory: String?
    /// Set when the file could not be removed from its folder: it stays there after the preview stops.
    package let leftBehind: String?
    /// Guards `end` and `memory`.
    private let lock = NSLock()
    /// Where the next page goes.
    private var end = 0
    /// The pages, by offset, when there is no file.
    private var memory: [Int: [UInt8]] = [:]

    /// A new, empty pack in `folder` (by default the temporary folder: `TMPDIR`, else `/tmp`), or in
    /// memory when `inMemory` or when no file can be made there.
    package init(inMemory: Bool = false, folder: String? = nil) {
        guard !inMemory else {
            descriptor = nil
            whyInMemory = nil
            leftBehind = nil
            return
        }
        switch TemporaryFile.openUnlinked(in: folder ?? Self.temporaryFolder) {
        case .success(let file):
            descriptor = file.descriptor
            whyInMemory = nil
            leftBehind = file.leftBehind
        case .failure(let problem):
            descriptor = nil
            whyInMemory = problem.description
            leftBehind = nil
        }
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
    package func append(_ bytes: [UInt8]) throws(PagePackError) -> StoredPage {
        let offset = lock.withLock {
            let offset = end
            end += bytes.count
            return offset
        }
        guard let descriptor else {
            if !bytes.isEmpty { lock.withLock { memory[offset] = bytes } }
            return StoredPage(offset: offset, count: bytes.count)
        }
        let failure: PagePackError? = bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = pwrite(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written, off_t(offset + written))
                if result < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    return .writeFailed(errno: code)
                }
                // No error, yet no byte written: errno is not set, so it would name some earlier call's outcome.
                guard result > 0 else { return .wroteNothing }
                written += result
            }
            return nil
        }
        if let failure { throw failure }
        return StoredPage(offset: offset, count: bytes.count)
    }

    /// The bytes of `page`, written before by `append`.
    package func read(_ page: StoredPage) throws(PagePackError) -> [UInt8] {
        // An empty page has the offset of the next one: it is never looked up.
        guard page.count > 0 else { return [] }
        guard let descriptor else {
            guard let bytes = lock.withLock({ memory[page.offset] }), bytes.count == page.count else { throw .endedEarly }
            return bytes
        }
        var failure: PagePackError?
        let bytes = [UInt8](unsafeUninitializedCapacity: page.count) { buffer, initialized in
            var done = 0
            while done < page.count {
                let result = pread(descriptor, buffer.baseAddress.map { $0 + done }, page.count - done, off_t(page.offset + done))
                if result < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    failure = .readFailed(errno: code)
                    break
                }
                guard result > 0 else {
                    failure = .endedEarly
                    break
                }
                done += result
            }
            // Bytes are plain values: whatever part was not read is zeroed rather than left uninitialized.
            if done < page.count, let base = buffer.baseAddress { (base + done).initialize(repeating: 0, count: page.count - done) }
            initialized = page.count
        }
        if let failure { throw failure }
        return bytes
    }
}
