import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad

/// The records one process stores for the next (`citypress build --incremental`): read back, they are the
/// records parsing gives, for unchanged files only, and anything else in the stored bytes gives none.
@Suite struct StoredRecordsTests {
    static let tool = "citypress-test 1"

    /// A copy of the fixture's content, loaded once with a cache, and that cache's stored bytes.
    static func stored(in root: URL) throws -> (content: URL, bytes: [UInt8]) {
        let content = root.appendingPathComponent("Content")
        try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
        let cache = LoadCache()
        _ = ContentLoader(contentPath: content.path, cache: cache).loadFiles()
        let bytes = try #require(StoredRecords.bytes(of: cache, contentPath: content.path, tool: tool))
        return (content, bytes)
    }

    /// `bytes` with its checksum made again, as someone altering the file on purpose would.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var body = Array(bytes.dropLast(8))
        withUnsafeBytes(of: ContentHash.of(body).littleEndian) { body.append(contentsOf: $0) }
        return body
    }

    /// The cities of `content` loaded with a cache given `bytes`, and how many records the cache took.
    static func load(_ content: URL, from bytes: [UInt8], tool: String = tool, path: String? = nil) -> (LoadedFiles, taken: Int) {
        let cache = LoadCache()
        let taken = StoredRecords.restore(bytes, into: cache, contentPath: path ?? content.path, tool: tool)
        return (ContentLoader(contentPath: content.path, cache: cache).loadFiles(), taken)
    }

    @Test func storedRecordsAreTheParsedOnes() throws {
        try withTemporaryFolder { root in
            let (content, bytes) = try Self.stored(in: root)
            let (loaded, taken) = Self.load(content, from: bytes)
            let parsed = ContentLoader(contentPath: content.path).loadFiles()
            #expect(taken == 5)
            #expect(loaded.content.cities == parsed.content.cities)
            // What the records are compared by is stored too, and the same.
            #expect(loaded.content.cities.map(\.sortKey) == parsed.content.cities.map(\.sortKey))
            #expect(loaded.content.cities.map(\.countrySlug) == parsed.content.cities.map(\.countrySlug))
            #expect(loaded.content.cities.map(\.country.location) == parsed.content.cities.map(\.country.location))
            #expect(loaded.diagnostics == parsed.diagnostics)
        }
    }

    @Test func aStoredRecordIsTakenWithoutParsingItsFile() throws {
        try withTemporaryFolder { root in
            let (content, bytes) = try Self.stored(in: root)
            let cache = LoadCache()
            StoredRecords.restore(bytes, into: cache, contentPath: content.path, tool: Self.tool)
            var parsed = false
            let result = cache.entries(of: CityFile.self).result(at: content.path + "/cities/lodz.yml", variant: false) {
                parsed = true
                return (nil, [], nil)
            }
            #expect(!parsed)
            #expect(result.record?.name == "Łódź")
            // Nothing parsed and every stored record asked for: nothing new to store.
            let whole = LoadCache()
            StoredRecords.restore(bytes, into: whole, contentPath: content.path, tool: Self.tool)
            _ = ContentLoader(contentPath: content.path, cache: whole).loadFiles()
            #expect(StoredRecords.bytes(of: whole, contentPath: content.path, tool: Self.tool) == nil)
        }
    }

    @Test func aChangedFileIsParsedEvenWithItsSizeAndTimeKept() throws {
        try withTemporaryFolder { root in
            let (content, bytes) = try Self.stored(in: root)
            let city = content.appendingPathComponent("cities/poznan.yml")
            let text = try readText(city)
            var info = stat()
            #expect(lstat(city.path, &info) == 0)
            // Same size, same modification time (as `touch -r` puts it back): only the status-change time tells.
            #expect(text.contains("Poznań"))
            try writeText(text.replacingOccurrences(of: "Poznań", with: "Poznaś"), to: city)
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, city.path, &times, 0) == 0)
            let (loaded, _) = Self.load(content, from: bytes)
            #expect(loaded.content.cities.first { $0.slug == "poznan" }?.name == "Poznaś")
            #expect(loaded.content.cities == ContentLoader(contentPath: content.path).loadFiles().content.cities)
        }
    }

    @Test func aFileWithAWarningIsNotStoredSoItIsWarnedAboutAgain() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            try writeText("name: Poznań\ncountry: Poland\nmotto: x\n", to: content.appendingPathComponent("cities/poznan.yml"))
            let cache = LoadCache()
            let first = ContentLoader(contentPath: content.path, cache: cache).loadFiles()
            #expect(first.diagnostics.contains { $0.message.contains("motto") })
            let bytes = try #require(StoredRecords.bytes(of: cache, contentPath: content.path, tool: Self.tool))
            let (loaded, taken) = Self.load(content, from: bytes)
            #expect(taken == 4)
            #expect(loaded.diagnostics == first.diagnostics)
        }
    }

    @Test func recordsOfAnotherToolFolderOrFormatAreNotTaken() throws {
        try withTemporaryFolder { root in
            let (content, bytes) = try Self.stored(in: root)
            #expect(Self.load(content, from: bytes, tool: "another binary").taken == 0)
            #expect(Self.load(content, from: bytes, path: content.path + "/").taken == 0)
            var otherFormat = bytes
            let at = "CityPress stored records\n".utf8.count
            otherFormat[at] &+= 1
            // The checksum is made again, so that only the format differs.
            otherFormat.removeLast(8)
            withUnsafeBytes(of: ContentHash.of(otherFormat).littleEndian) { otherFormat.append(contentsOf: $0) }
            #expect(Self.load(content, from: otherFormat).taken == 0)
        }
    }

    @Test func damagedBytesGiveNoRecordsAndTheFilesAreParsed() throws {
        try withTemporaryFolder { root in
            let (content, bytes) = try Self.stored(in: root)
            let parsed = ContentLoader(contentPath: content.path).loadFiles().content.cities
            // Every length cut short, and one byte changed at every place.
            for length in stride(from: 0, to: bytes.count, by: 7) {
                let (loaded, taken) = Self.load(content, from: Array(bytes[..<length]))
                #expect(taken == 0, "cut at \(length)")
                #expect(loaded.content.cities == parsed)
            }
            for offset in stride(from: 0, to: bytes.count, by: 5) {
                var damaged = bytes
                damaged[offset] ^= 0x20
                let (loaded, taken) = Self.load(content, from: damaged)
                #expect(taken == 0, "byte \(offset) changed")
                #expect(loaded.content.cities == parsed)
            }
        }
    }

    @Test func filesChangedJustBeforeTheLoadAreNotStored() throws {
        try withTemporaryFolder { root in
            let content = root.appendingPathComponent("Content")
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: content)
            let cache = LoadCache()
            _ = ContentLoader(contentPath: content.path, cache: cache).loadFiles()
            let now = Int(Date().timeIntervalSince1970 * 1_000_000_000)
            // Copied a moment ago: each could be written again within the clock's tick with the same stamp.
            let recent = try #require(StoredRecords.bytes(of: cache, contentPath: content.path, tool: Self.tool, changedBefore: now - 60_000_000_000))
            #expect(Self.load(content, from: recent).taken == 0)
            let settled = try #require(StoredRecords.bytes(of: cache, contentPath: content.path, tool: Self.tool, changedBefore: now + 60_000_000_000))
            #expect(Self.load(content, from: settled).taken == 5)
        }
    }

    @Test func aParsedRecordIsKeptWithTheStampOfTheFileItsBytesCameFrom() throws {
        let cache = LoadCache()
        let entries = cache.entries(of: CityFile.self)
        func stamp(_ inode: UInt64) -> LoadCache.Stamp {
            LoadCache.Stamp(size: 40, modified: 1, changed: 2, inode: inode, device: 1, variant: false)
        }
        let record = CityRecord(slug: "lodz", name: "Łódź", country: Located("Poland", at: SourceLocation(path: "lodz.yml", line: 2, column: 10)),
                                subdivision: nil, kind: .city, source: SourceLocation(path: "lodz.yml"))
        // Looked up as one file (inode 1), read from another (inode 2: the folder was switched meanwhile).
        var loads = 0
        _ = entries.result(at: "/c/cities/lodz.yml", variant: false, stamp: .some(stamp(1))) {
            loads += 1
            return (record, [], stamp(2))
        }
        _ = entries.result(at: "/c/cities/lodz.yml", variant: false, stamp: .some(stamp(2))) {
            loads += 1
            return (record, [], stamp(2))
        }
        #expect(loads == 1, "the record is the file of inode 2's")
        _ = entries.result(at: "/c/cities/lodz.yml", variant: false, stamp: .some(stamp(1))) {
            loads += 1
            return (record, [], stamp(1))
        }
        #expect(loads == 2, "the file of inode 1 is parsed")
    }

    @Test func aFileAlteredWithItsChecksumMadeAgainBreaksNothing() throws {
        try withTemporaryFolder { root in
            let (content, bytes) = try Self.stored(in: root)
            let formatter = DiagnosticFormatter()
            for offset in stride(from: 0, to: bytes.count - 8, by: 3) {
                var altered = bytes
                altered[offset] ^= 0x81
                let (loaded, _) = Self.load(content, from: Self.resealed(altered))
                // Whatever was taken, quoting its places in a diagnostic must not trap.
                for city in loaded.content.cities {
                    _ = formatter.format(.error("x", at: city.country.location))
                    _ = formatter.format(.error("x", at: city.source))
                }
                #expect(loaded.content.cities.count <= 5)
            }
        }
    }

    @Test func aRecordThatDoesNotReadBackIsParsed() throws {
        // Bytes past the checksum's reach: a record cut short inside a well-formed file.
        var writer = RecordWriter()
        writer.text("lodz")
        let written = writer.bytes
        written.withUnsafeBytes { raw in
            var reader = RecordReader(raw)
            #expect(CityRecord.restore(from: &reader) == nil)
        }
        // A place no parsing gives (a column before its quoted line starts) is no place.
        var place = RecordWriter()
        place.location(SourceLocation(path: "x.yml", line: 2, column: 3, lineText: "x", lineTextOffset: 9))
        place.bytes.withUnsafeBytes { raw in
            var reader = RecordReader(raw)
            #expect(reader.location() == nil)
        }
        var short = RecordWriter()
        short.integer(1 << 40)
        short.bytes.withUnsafeBytes { raw in
            var reader = RecordReader(raw)
            #expect(reader.text() == nil)
        }
    }
}
