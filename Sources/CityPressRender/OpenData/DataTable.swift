import CityPressCore

/// One open-data table: its dataset's columns, how many rows it has and the one function that writes
/// any of them, cell by cell through a `DataRowWriter`, as CSV or as JSON, so the two formats of a
/// download never disagree.
package struct DataTable: Sendable {
    package let dataset: OpenDataset
    /// How many rows it has.
    package let rowCount: Int
    /// What every URL of it starts with (the site's `base_url`, or nothing).
    private let base: String
    /// Writes the cells of row `row` (`0..<rowCount`), in the dataset's column order.
    private let writeRow: @Sendable (_ row: Int, _ cells: inout DataRowWriter) -> Void

    /// The table of `dataset` with `rowCount` rows, written by `writeRow`, its URLs starting with `base`.
    package init(_ dataset: OpenDataset, rowCount: Int, base: String,
                 writeRow: @escaping @Sendable (_ row: Int, _ cells: inout DataRowWriter) -> Void) {
        self.dataset = dataset
        self.rowCount = rowCount
        self.base = base
        self.writeRow = writeRow
    }

    /// RFC 4180 CSV, UTF-8 without a byte order mark: a header row of the column names, then one
    /// record per row; records end in CRLF, fields are quoted only when they hold a comma, a quote
    /// or a line break (line breaks inside a quoted field stay as written: LF).
    package func csv() -> [UInt8] {
        var bytes: [UInt8] = []
        var rowRanges: [Range<Int>] = []
        writeCSV(to: &bytes, rowRanges: &rowRanges)
        return bytes
    }

    /// The CSV file's bytes, into `bytes`, and where each row's record is in them (its CRLF included).
    package func writeCSV(to bytes: inout [UInt8], rowRanges: inout [Range<Int>]) {
        writeCSVHeader(to: &bytes)
        writeRows(.csv, to: &bytes, rowRanges: &rowRanges)
    }

    private func writeCSVHeader(to bytes: inout [UInt8]) {
        for (index, column) in dataset.columns.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Array(column.name.utf8).withUnsafeBufferPointer { DataRowWriter.appendCSVField($0, to: &bytes) }
        }
        bytes.append(13)
        bytes.append(10)
    }

    /// A JSON object: the schema's address, its version, the dataset's name and `rows`, an array
    /// of one object per row with the CSV's column names as keys, in column order, one row per line.
    package func json(schema: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var rowRanges: [Range<Int>] = []
        writeJSON(schema: schema, to: &bytes, rowRanges: &rowRanges)
        return bytes
    }

    /// The JSON file's bytes, into `bytes`, and where each row's object (`{…}`) is in them.
    package func writeJSON(schema: String, to bytes: inout [UInt8], rowRanges: inout [Range<Int>]) {
        writeJSONHeader(schema: schema, to: &bytes)
        writeRows(.json, to: &bytes, rowRanges: &rowRanges)
        Self.appendJSONEnd(hasRows: rowCount > 0, to: &bytes)
    }

    /// Every row in `format`, into `bytes`, and where each is in them (without JSON's separators).
    private func writeRows(_ format: OpenDataFormat, to bytes: inout [UInt8], rowRanges: inout [Range<Int>]) {
        var cells = DataRowWriter(format: format, columns: dataset.columns, base: base)
        swap(&cells.bytes, &bytes)
        defer { swap(&cells.bytes, &bytes) }
        rowRanges.reserveCapacity(rowCount)
        let start = cells.bytes.count
        for row in 0..<rowCount {
            if row == Self.sampleRows { Self.reserve(&cells.bytes, after: row, of: rowCount, from: start) }
            if format == .json { Self.appendJSONRowSeparator(before: row, to: &cells.bytes) }
            let rowStart = cells.bytes.count
            cells.startRow()
            writeRow(row, &cells)
            cells.endRow()
            rowRanges.append(rowStart..<cells.bytes.count)
        }
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
}
