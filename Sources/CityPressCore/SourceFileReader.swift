import Foundation

/// Reads content files and templates as UTF-8 text in one form whatever editor saved them
/// (`\n` line breaks, no byte-order mark), reporting what cannot be read where it is.
package struct SourceFileReader {
    /// The text of the file at `path` (shown as `displayPath`), without a UTF-8 byte-order mark
    /// and with `\r\n` and lone `\r` line breaks turned into `\n`.
    package static func read(path: String, displayPath: String) -> Result<String, DiagnosticError> {
        var info = stat()
        return read(path: path, displayPath: displayPath, info: &info)
    }

    /// `read(path:displayPath:)`, also giving the `fstat` of the file read.
    package static func read(path: String, displayPath: String, info: inout stat) -> Result<String, DiagnosticError> {
        guard let bytes = FileBytes.read(path, info: &info) else {
            let reason = String(cString: strerror(errno))
            var found = stat()
            let message = stat(path, &found) != 0 ? "cannot read file: \(reason)"
                : (found.st_mode & S_IFMT) == S_IFDIR ? "cannot read file: it is a folder"
                : (found.st_mode & S_IFMT) != S_IFREG ? "cannot read file: it is not a regular file (a pipe, socket or device)"
                : "cannot read file: \(reason)"
            return .failure(DiagnosticError(.error(message, at: SourceLocation(path: displayPath))))
        }
        return decode(bytes, displayPath: displayPath)
    }

    /// `bytes` as text, or the diagnostic saying why they are not text CityPress reads.
    package static func decode(_ bytes: [UInt8], displayPath: String) -> Result<String, DiagnosticError> {
        var bytes = bytes
        let saveAsUTF8 = "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8); CityPress reads no other encoding"
        if let encoding = EditorBytes.foreignEncoding(of: bytes) {
            return .failure(DiagnosticError(.error("file is \(encoding) encoded, not UTF-8",
                                                   at: SourceLocation(path: displayPath, line: 1, column: 1),
                                                   notes: [saveAsUTF8])))
        }
        if bytes.starts(with: EditorBytes.utf8Mark) { bytes.removeFirst(3) }
        if let offset = firstUnreadableOffset(in: bytes) {
            let (line, column, text) = EditorBytes.position(of: offset, in: bytes)
            let location = SourceLocation(path: displayPath, line: line, column: column, lineText: text)
            let (message, note) = describeUnreadable(at: offset, in: bytes, saveAsUTF8: saveAsUTF8)
            return .failure(DiagnosticError(.error(message, at: location, notes: [note])))
        }
        EditorBytes.normalizeLineBreaks(&bytes)
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    private static func describeUnreadable(at offset: Int, in bytes: [UInt8], saveAsUTF8: String) -> (String, String) {
        let byte = bytes[offset]
        if byte == 0 {
            if EditorBytes.looksLikeUTF16(bytes, nulAt: offset) {
                return ("file looks UTF-16 encoded: its letters alternate with NUL bytes", saveAsUTF8)
            }
            return ("file contains a NUL byte", "text files have none: delete it, or save the file again as UTF-8 text")
        }
        if byte < 0x20 || byte == 0x7F {
            let code = "U+" + hex(UInt32(byte), width: 4)
            return ("file contains the invisible control character \(code)",
                    "delete it; a line break or a space was probably meant")
        }
        var scalars = String(decoding: bytes[offset..<min(bytes.count, offset + 4)], as: UTF8.self).unicodeScalars.makeIterator()
        if byte >= 0xC2, let scalar = scalars.next(), scalar != "\u{FFFD}" {
            let code = "U+" + hex(scalar.value, width: 4)
            if scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                return ("file contains the Unicode line separator \(code)",
                        "replace it with an ordinary line break (or a space); not every tool counts it as one")
            }
            return ("file contains the invisible control character \(code)",
                    "delete it; a line break or a space was probably meant")
        }
        return ("file is not valid UTF-8 (byte 0x\(hex(UInt32(byte), width: 2)) at offset \(offset))", saveAsUTF8)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Whether `path` names a regular file (following symbolic links).
    package static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The offset of the first byte that is not part of readable text: a byte that does not belong
    /// to a well-formed UTF-8 sequence, a NUL or other control character (tab and line breaks
    /// excepted), or a line separator (U+0085, U+2028, U+2029) that some tools count as a line
    /// break and others do not, which would put diagnostics on the wrong line.
    package static func firstUnreadableOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 ? (lead != 0x0A && lead != 0x09 && lead != 0x0D) : lead == 0x7F { return index }
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            if scalar <= 0x9F || scalar == 0x2028 || scalar == 0x2029 { return index }
            index += length
        }
        return nil
    }
}
