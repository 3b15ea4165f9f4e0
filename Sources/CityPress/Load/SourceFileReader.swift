import Foundation

/// Reads content files as UTF-8 text, reporting where the first invalid byte is.
struct SourceFileReader {
    /// The text of the file at `path` (shown as `displayPath`), without a UTF-8 byte order mark.
    static func read(path: String, displayPath: String) -> Result<String, DiagnosticError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DiagnosticError(.error("cannot read file", at: SourceLocation(path: displayPath))))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(in: bytes) {
            let before = bytes[..<offset]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            let lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            return .failure(DiagnosticError(.error(
                "file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset))",
                at: SourceLocation(path: displayPath, line: line, column: column, lineText: lineText),
                notes: ["save the file as UTF-8; CityPress reads no other encoding"])))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `path` names a regular file (following symbolic links).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
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
            index += length
        }
        return nil
    }
}
