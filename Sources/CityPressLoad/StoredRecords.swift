import CityPressCore

/// The records of a `LoadCache` as one file's bytes, so that the next process building the same
/// content folder parses only the files that changed since (`citypress build --incremental` keeps it
/// in the cache folder, beside its record of the output).
///
/// The file names the content folder and the binary that wrote it (`tool`): another folder, another
/// binary (which may parse differently), a damaged file or another format give no records, and every
/// file is parsed as without the file. A record is taken only for a file whose stamp (size, times,
/// inode) is the one stored with it; only files read without any problem are stored, so a file with a
/// warning is parsed, and warned about, every time.
///
///     magic, format, tool, content folder
///     per kind: folder, count, then per file: path below the content folder, stamp, record's bytes
///     checksum of everything before it
package enum StoredRecords {
    /// The format written; a file of another format is not read.
    package static let format = 1
    private static let magic = Array("CityPress stored records\n".utf8)

    /// The stored form of `cache`'s records of `kinds`' files below `contentPath` (as the loader was given
    /// it); `nil` when they are the records the cache was given (`restore`), all of them asked for and none parsed.
    ///
    /// With `changedBefore` (nanoseconds since 1970), a file whose status-change or modification time is not
    /// earlier is left out: written again within the same tick of the clock as it was read, with the same
    /// size, it would show the same stamp (as git's index treats "racily clean" files). It is parsed again
    /// next time, and stored then.
    package static func bytes(of cache: LoadCache, kinds: [any ContentKind.Type] = ContentKinds.all,
                              contentPath: String, tool: String, changedBefore: Int? = nil) -> [UInt8]? {
        var writer = RecordWriter()
        writer.bytes = magic
        writer.integer(format)
        writer.text(tool)
        writer.text(contentPath)
        writer.integer(kinds.count)
        var changed = false
        for kind in kinds {
            if writeSection(of: kind, in: cache, below: contentPath + "/", changedBefore: changedBefore, to: &writer) { changed = true }
        }
        guard changed else { return nil }
        writer.integer(Int(bitPattern: UInt(ContentHash.of(writer.bytes))))
        return writer.bytes
    }

    /// Writes the section of `kind`'s files; returns whether it differs from what the cache was given.
    private static func writeSection<Kind: ContentKind>(of kind: Kind.Type, in cache: LoadCache, below prefix: String,
                                                        changedBefore: Int?, to writer: inout RecordWriter) -> Bool {
        let entries = cache.entries(of: kind)
        let (results, changed) = entries.storableResults()
        let kept = results.filter { result in
            result.path.hasPrefix(prefix) && changedBefore.map { result.stamp.changed < $0 && result.stamp.modified < $0 } ?? true
        }.sorted { $0.path < $1.path }
        writer.text(kind.folder)
        writer.integer(kept.count)
        entries.withStoredBytes { stored in
            for result in kept {
                writer.text(String(result.path.dropFirst(prefix.count)))
                write(result.stamp, to: &writer)
                switch result.record {
                case .stored(let range):
                    writer.integer(range.count)
                    writer.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: stored[range]))
                case .record(let record):
                    let lengthAt = writer.bytes.count
                    writer.integer(0)
                    let start = writer.bytes.count
                    record.store(into: &writer)
                    withUnsafeBytes(of: UInt64(writer.bytes.count - start).littleEndian) { length in
                        for (offset, byte) in length.enumerated() { writer.bytes[lengthAt + offset] = byte }
                    }
                }
            }
        }
        return changed
    }

    /// Gives `cache` the records in `bytes` (what `bytes(of:…)` wrote) when they were stored for
    /// `contentPath` by `tool`, in this format, undamaged; returns how many it took (0 otherwise).
    @discardableResult
    package static func restore(_ bytes: [UInt8], into cache: LoadCache, kinds: [any ContentKind.Type] = ContentKinds.all,
                                contentPath: String, tool: String) -> Int {
        guard bytes.count > magic.count + 8, bytes.starts(with: magic) else { return 0 }
        let body = bytes.count - 8
        let checksum = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: body, as: UInt64.self)) }
        guard ContentHash.of(Array(bytes[..<body])) == checksum else { return 0 }
        return bytes.withUnsafeBytes { raw -> Int in
            var reader = RecordReader(UnsafeRawBufferPointer(rebasing: raw[..<body]), from: magic.count)
            guard reader.integer() == format, reader.text() == tool, reader.text() == contentPath,
                  let sectionCount = reader.integer(), sectionCount >= 0 else { return 0 }
            let prefix = contentPath + "/"
            // Every section is read before any is given: a file damaged halfway gives nothing.
            var sections: [(kind: any ContentKind.Type, entries: [String: (stamp: LoadCache.Stamp, bytes: Range<Int>)])] = []
            for _ in 0..<sectionCount {
                guard let folder = reader.text(), let count = reader.integer(), count >= 0, count <= body else { return 0 }
                var entries: [String: (stamp: LoadCache.Stamp, bytes: Range<Int>)] = [:]
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    guard let path = reader.text(), let stamp = stamp(from: &reader), let length = reader.integer() else { return 0 }
                    let start = reader.offset
                    guard reader.raw(length) != nil else { return 0 }
                    entries[prefix + path] = (stamp, start..<(start + length))
                }
                if let kind = kinds.first(where: { $0.folder == folder }) { sections.append((kind, entries)) }
            }
            guard reader.isAtEnd else { return 0 }
            for section in sections { give(section.entries, of: section.kind, bytes: bytes, to: cache) }
            return sections.reduce(0) { $0 + $1.entries.count }
        }
    }

    private static func give<Kind: ContentKind>(_ entries: [String: (stamp: LoadCache.Stamp, bytes: Range<Int>)],
                                                of kind: Kind.Type, bytes: [UInt8], to cache: LoadCache) {
        cache.entries(of: kind).takeStored(entries, in: bytes)
    }

    private static func write(_ stamp: LoadCache.Stamp, to writer: inout RecordWriter) {
        writer.integer(stamp.size)
        writer.integer(stamp.modified)
        writer.integer(stamp.changed)
        writer.integer(Int(bitPattern: UInt(stamp.inode)))
        writer.integer(Int(bitPattern: UInt(stamp.device)))
        writer.integer(stamp.variant ? 1 : 0)
    }

    private static func stamp(from reader: inout RecordReader) -> LoadCache.Stamp? {
        guard let size = reader.integer(), let modified = reader.integer(), let changed = reader.integer(),
              let inode = reader.integer(), let device = reader.integer(), let variant = reader.integer() else { return nil }
        return LoadCache.Stamp(size: size, modified: modified, changed: changed, inode: UInt64(UInt(bitPattern: inode)),
                               device: UInt64(UInt(bitPattern: device)), variant: variant == 1)
    }
}
