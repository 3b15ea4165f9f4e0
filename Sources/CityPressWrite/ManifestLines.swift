/// Reads a manifest in the exact layout `BuildManifest.bytes` writes (a header line, then one file a
/// line), without a general JSON parser: Foundation's took 60 ms of a rebuild that keeps every page at
/// ten thousand cities. Anything else (a path with an escape, a manifest laid out by another tool)
/// gives `nil`, and the caller parses it as JSON instead.
enum ManifestLines {
    /// The tool and files of `bytes`, or `nil` when they are not laid out as this version writes them.
    static func parse(_ bytes: [UInt8]) -> (tool: String, files: [String: BuildManifest.File])? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let header = "{\"format\": \"\(BuildManifest.format)\", \"version\": \(BuildManifest.version), \"tool\": \""
        guard lines.count >= 4, var cursor = Cursor(lines[0]), cursor.take(header),
              let tool = cursor.string(), cursor.take(","), cursor.isAtEnd,
              lines[1].elementsEqual("\"files\": [".utf8), lines[lines.count - 1].isEmpty,
              lines[lines.count - 2].elementsEqual("]}".utf8) else { return nil }
        var files: [String: BuildManifest.File] = [:]
        files.reserveCapacity(lines.count)
        let fileLines = lines[2..<(lines.count - 2)]
        for (position, line) in zip(fileLines.indices, fileLines) {
            guard var cursor = Cursor(line), cursor.take("{\"path\": \""), let path = cursor.string(),
                  cursor.take(", \"size\": "), let size = cursor.number(), cursor.take(", \"hash\": \""),
                  let hash = cursor.string() else { return nil }
            var inputs: String?
            if cursor.take(", \"inputs\": \"") {
                guard let value = cursor.string() else { return nil }
                inputs = value
            }
            // Every line but the last ends with a comma, as JSON wants: a line without one is not this layout.
            let isLast = position == fileLines.endIndex - 1
            guard cursor.take("}"), isLast || cursor.take(","), cursor.isAtEnd else { return nil }
            files[path] = BuildManifest.File(size: size, hash: hash, inputs: inputs)
        }
        return (tool, files)
    }

    /// A position in one line.
    private struct Cursor {
        let line: ArraySlice<UInt8>
        var index: Int

        init?(_ line: ArraySlice<UInt8>) {
            self.line = line
            index = line.startIndex
        }

        var isAtEnd: Bool { index == line.endIndex }

        /// Steps over `text` if the line continues with it.
        mutating func take(_ text: String) -> Bool {
            let utf8 = text.utf8
            guard line.endIndex - index >= utf8.count, line[index..<(index + utf8.count)].elementsEqual(utf8) else { return false }
            index += utf8.count
            return true
        }

        /// The characters up to the next `"`, stepping over it; `nil` at an escape (left to a JSON parser).
        mutating func string() -> String? {
            let start = index
            while index < line.endIndex, line[index] != UInt8(ascii: "\"") {
                guard line[index] != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            guard index < line.endIndex else { return nil }
            defer { index += 1 }
            return String(decoding: line[start..<index], as: UTF8.self)
        }

        /// A decimal number of at most 18 digits.
        mutating func number() -> Int? {
            var value = 0, digits = 0
            while index < line.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]), digits < 18 {
                value = value * 10 + Int(line[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
    }
}
