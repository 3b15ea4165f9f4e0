import CityPressCore

/// One open-data table: its dataset's columns and its rows, written as CSV or as JSON from the same
/// values, so the two formats of a download never disagree.
package struct DataTable: Sendable {
    /// One cell.
    package enum Value: Sendable, Hashable {
        case text(String)
        case integer(Int)
        /// A list of slugs or numbers; CSV joins them with spaces.
        case list([Value])
        /// No value (an optional column): an empty CSV field, `null` in JSON.
        case null

        /// `text`, or `null` when it is missing.
        package static func optional(_ text: String?) -> Value { text.map(Value.text) ?? .null }
    }

    package let dataset: OpenDataset
    /// Each row's cells, in the dataset's column order.
    package let rows: [[Value]]

    /// The table of `dataset` with `rows`.
    package init(_ dataset: OpenDataset, rows: [[Value]]) {
        self.dataset = dataset
        self.rows = rows
    }

    /// RFC 4180 CSV, UTF-8 without a byte order mark: a header row of the column names, then one
    /// record per row; records end in CRLF, fields are quoted only when they hold a comma, a quote
    /// or a line break (line breaks inside a quoted field stay as written: LF).
    package func csv() -> [UInt8] {
        var bytes: [UInt8] = []
        writeCSV(to: &bytes)
        return bytes
    }

    /// The CSV file's bytes, into `bytes`.
    package func writeCSV(to bytes: inout [UInt8]) {
        var rowRanges: [Range<Int>] = []
        writeCSV(to: &bytes, rowRanges: &rowRanges)
    }

    /// The CSV file's bytes, into `bytes`, and where each row's record is in them (its CRLF included).
    package func writeCSV(to bytes: inout [UInt8], rowRanges: inout [Range<Int>]) {
        writeCSVHeader(to: &bytes)
        rowRanges.reserveCapacity(rows.count)
        // By index, not by enumerating copies: a table of the signatories has hundreds of thousands of cells.
        let start = bytes.count
        for row in rows.indices {
            if row == Self.sampleRows { Self.reserve(&bytes, after: row, of: rows.count, from: start) }
            let rowStart = bytes.count
            rows[row].withUnsafeBufferPointer { cells in
                for index in cells.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    Self.appendCSV(cells[index], to: &bytes)
                }
            }
            bytes.append(13)
            bytes.append(10)
            rowRanges.append(rowStart..<bytes.count)
        }
    }

    private func writeCSVHeader(to bytes: inout [UInt8]) {
        for (index, column) in dataset.columns.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendCSVField(column.name, to: &bytes)
        }
        bytes.append(13)
        bytes.append(10)
    }

    /// A JSON object: the schema's address, its version, the dataset's name and `rows`, an array
    /// of one object per row with the CSV's column names as keys, in column order, one row per line.
    package func json(schema: String) -> [UInt8] {
        var bytes: [UInt8] = []
        writeJSON(schema: schema, to: &bytes)
        return bytes
    }

    /// The JSON file's bytes, into `bytes`.
    package func writeJSON(schema: String, to bytes: inout [UInt8]) {
        var rowRanges: [Range<Int>] = []
        writeJSON(schema: schema, to: &bytes, rowRanges: &rowRanges)
    }

    /// The JSON file's bytes, into `bytes`, and where each row's object (`{…}`) is in them.
    package func writeJSON(schema: String, to bytes: inout [UInt8], rowRanges: inout [Range<Int>]) {
        writeJSONHeader(schema: schema, to: &bytes)
        // Each key with what comes before it (`{` or `, `) and after it (`: `), as bytes made once.
        let keys = dataset.columns.enumerated().map { index, column -> [UInt8] in
            var key: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ","), UInt8(ascii: " ")]
            JSONText.appendString(column.name, to: &key)
            return key + [UInt8(ascii: ":"), UInt8(ascii: " ")]
        }
        rowRanges.reserveCapacity(rows.count)
        let start = bytes.count
        for row in rows.indices {
            if row == Self.sampleRows { Self.reserve(&bytes, after: row, of: rows.count, from: start) }
            Self.appendJSONRowSeparator(before: row, to: &bytes)
            let rowStart = bytes.count
            rows[row].withUnsafeBufferPointer { cells in
                if cells.isEmpty || keys.isEmpty { bytes.append(UInt8(ascii: "{")) }
                for index in cells.indices where index < keys.count {
                    bytes.append(contentsOf: keys[index])
                    Self.appendJSON(cells[index], to: &bytes)
                }
            }
            bytes.append(UInt8(ascii: "}"))
            rowRanges.append(rowStart..<bytes.count)
        }
        Self.appendJSONEnd(hasRows: !rows.isEmpty, to: &bytes)
    }

    /// This table's file in `format`, made of rows already encoded: `rowRanges` of `encoded` (a file
    /// of another table of the same dataset, whose rows are this table's). Same bytes as writing it.
    package func file(_ format: OpenDataFormat, schema: String, rows rowRanges: ArraySlice<Range<Int>>,
                      of encoded: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024 + (rowRanges.last?.upperBound ?? 0) - (rowRanges.first?.lowerBound ?? 0) + 2 * rowRanges.count)
        if format == .csv { writeCSVHeader(to: &bytes) } else { writeJSONHeader(schema: schema, to: &bytes) }
        encoded.withUnsafeBufferPointer { source in
            for (position, range) in rowRanges.enumerated() {
                if format == .json { Self.appendJSONRowSeparator(before: position, to: &bytes) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
            }
        }
        if format == .json { Self.appendJSONEnd(hasRows: !rowRanges.isEmpty, to: &bytes) }
        return bytes
    }

    private func writeJSONHeader(schema: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "{\n\"schema\": ".utf8)
        JSONText.appendString(schema, to: &bytes)
        bytes.append(contentsOf: ",\n\"version\": \(OpenDataset.version),\n\"dataset\": ".utf8)
        JSONText.appendString(dataset.name, to: &bytes)
        bytes.append(contentsOf: ",\n\"rows\": [".utf8)
    }

    /// What comes before row `row` of the `rows` array: a comma after the one before it, a line break.
    private static func appendJSONRowSeparator(before row: Int, to bytes: inout [UInt8]) {
        if row > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(10)
    }

    private static func appendJSONEnd(hasRows: Bool, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: (hasRows ? "\n]\n}\n" : "]\n}\n").utf8)
    }

    /// Rows written before the file's size is estimated from them.
    private static let sampleRows = 256

    /// Reserves room for the whole file once `written` of `total` rows took `bytes.count - start`
    /// bytes: one estimate instead of the array doubling (a file of 160 MB held 116 + 232 MB while it
    /// grew), and nothing held for a file only the estimate would have made large.
    private static func reserve(_ bytes: inout [UInt8], after written: Int, of total: Int, from start: Int) {
        let perRow = (bytes.count - start) / max(1, written)
        bytes.reserveCapacity(bytes.count + (total - written) * perRow * 21 / 20 + 1024)
    }

    /// One CSV field: text as `appendCSVField` writes it, numbers in decimal, a list's items joined with spaces.
    private static func appendCSV(_ value: Value, to bytes: inout [UInt8]) {
        switch value {
        case .text(let text): appendCSVField(text, to: &bytes)
        case .integer(let number): JSONText.appendDecimal(number, to: &bytes)
        case .null: break
        case .list(let values):
            appendCSVField(values.map(csvText).joined(separator: " "), to: &bytes)
        }
    }

    private static func csvText(_ value: Value) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .list(let values): return values.map(csvText).joined(separator: " ")
        case .null: return ""
        }
    }

    private static func appendCSVField(_ text: String, to bytes: inout [UInt8]) {
        // A native string's bytes are contiguous: scanned and copied through a pointer.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendCSVField(utf8: $0, to: &bytes) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendCSVField(utf8: $0, to: &bytes) } }
    }

    /// A field quoted only when it holds a comma, a quote or a line break; quotes inside doubled.
    private static func appendCSVField(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var needsQuotes = false
        for byte in utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendJSON(_ value: Value, to bytes: inout [UInt8]) {
        switch value {
        case .text(let text): JSONText.appendString(text, to: &bytes)
        case .integer(let number): JSONText.appendDecimal(number, to: &bytes)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .list(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                appendJSON(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }
}
