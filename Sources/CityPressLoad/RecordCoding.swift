import CityPressCore

/// Writes a record's fields as bytes for `StoredRecords`: integers as eight little-endian bytes, texts
/// as their length and UTF-8 bytes. `RecordReader` reads them back in the same order.
package struct RecordWriter {
    /// The bytes written so far.
    package var bytes: [UInt8] = []

    package init() {}

    package mutating func integer(_ value: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A text or none (a flag, then the text).
    package mutating func optionalText(_ text: String?) {
        integer(text == nil ? 0 : 1)
        if let text { self.text(text) }
    }

    /// A place in a file: its path (empty when it is `path`, the record's file), line, column and the
    /// line's text where a diagnostic quotes it.
    package mutating func location(_ location: SourceLocation, inFile path: String? = nil) {
        text(location.path == path ? "" : location.path)
        integer(location.line)
        integer(location.column)
        optionalText(location.lineText)
        integer(location.lineTextOffset)
    }
}

/// Reads what a `RecordWriter` wrote. Every read checks that the bytes are there and gives `nil`
/// when they are not, so a damaged file gives no record rather than a crash.
package struct RecordReader {
    private let bytes: UnsafeRawBufferPointer
    /// Where the next read starts.
    package private(set) var offset: Int

    /// Reads `bytes` from `offset`; `bytes` must outlive the reader.
    package init(_ bytes: UnsafeRawBufferPointer, from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Whether every byte was read.
    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func integer() -> Int? {
        guard offset >= 0, bytes.count - offset >= 8 else { return nil }
        let value = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        offset += 8
        return Int(value)
    }

    package mutating func text() -> String? {
        guard let count = integer(), count >= 0, bytes.count - offset >= count else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        offset += count
        return text
    }

    /// A text or none: `.some(nil)` for none, `nil` when the bytes are damaged.
    package mutating func optionalText() -> String?? {
        switch integer() {
        case 0: return .some(nil)
        case 1: return text().map { .some($0) }
        default: return nil
        }
    }

    /// `count` bytes as they are, or `nil` when fewer are left.
    package mutating func raw(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    /// A place written by `RecordWriter.location(_:inFile:)` with the same `path`.
    package mutating func location(inFile file: String? = nil) -> SourceLocation? {
        guard let written = text(), let line = integer(), let column = integer(), let lineText = optionalText(),
              let lineTextOffset = integer() else { return nil }
        // What parsing gives: positions from 0, the quoted line's start no later than the column. A file
        // altered to say otherwise (its checksum made again) gives no record rather than a trap later.
        let limit = 1 << 40
        guard (0...limit).contains(line), (0...limit).contains(column), (0...column).contains(lineTextOffset) else { return nil }
        let path = written.isEmpty ? file ?? "" : written
        return SourceLocation(path: path, line: line, column: column, lineText: lineText, lineTextOffset: lineTextOffset)
    }
}

/// A record that `StoredRecords` can keep on disk between builds (a new process reads it instead of
/// parsing its unchanged file again). Reading gives a record equal to the one written, or `nil`.
package protocol StorableRecord: Sendable {
    func store(into writer: inout RecordWriter)
    static func restore(from reader: inout RecordReader) -> Self?
}
