import CityPressCore
import CityPressLoad

/// Writes the cells of open-data rows, in their dataset's column order, as CSV fields or as the members
/// of JSON objects. A table's rows are written by one function (`DataTable`) for both formats, so the
/// two files of a table never disagree; the cells go straight from the site's records into the file's
/// bytes, with no value made per cell in between (a table of the signatories has hundreds of thousands).
package struct DataRowWriter {
    /// The file's bytes so far.
    var bytes: [UInt8] = []
    private let format: OpenDataFormat
    /// For JSON, each column's key with what comes before it (`{` or `, `) and after it (`: `).
    private let keys: [[UInt8]]
    /// What every URL starts with: the site's `base_url`, or nothing for URLs relative to the site's root.
    private let base: String
    /// The next cell's column.
    private var column = 0
    /// Cells written once and copied since (`reused`), by key: where their bytes are in `reusedBytes`,
    /// the column they start at and how many they are (`count` 0: not written yet).
    private var reusedCells: [(bytes: Range<Int>, column: Int, count: Int)] = []
    private var reusedBytes: [UInt8] = []

    init(format: OpenDataFormat, columns: [OpenDataset.Column], base: String) {
        self.format = format
        self.base = base
        keys = format == .csv ? [] : columns.enumerated().map { index, column -> [UInt8] in
            var key: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ","), UInt8(ascii: " ")]
            JSONText.appendString(column.name, to: &key)
            return key + [UInt8(ascii: ":"), UInt8(ascii: " ")]
        }
    }

    /// Starts a row's cells.
    mutating func startRow() {
        column = 0
    }

    /// Ends the row: CSV's CRLF, JSON's closing brace.
    mutating func endRow() {
        if format == .csv {
            bytes.append(13)
            bytes.append(10)
        } else {
            if column == 0 || keys.isEmpty { bytes.append(UInt8(ascii: "{")) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Cells that are the same on many rows of the table (a city's own on the row of every declaration it
    /// endorsed), named by `key` (from 0: the writer keeps an array as long as the largest key, 32 bytes an
    /// entry): written by `write` the first time, their bytes copied on later rows. A key names the same
    /// cells at the same column every time it is used in one table.
    package mutating func reused(_ key: Int, _ write: (inout DataRowWriter) -> Void) {
        if key < reusedCells.count, reusedCells[key].count > 0, reusedCells[key].column == column {
            let found = reusedCells[key]
            reusedBytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[found.bytes])) }
            column += found.count
            return
        }
        let (start, firstColumn) = (bytes.count, column)
        write(&self)
        guard key >= 0, column > firstColumn else { return }
        if key >= reusedCells.count { reusedCells.append(contentsOf: repeatElement((bytes: 0..<0, column: 0, count: 0), count: key + 1 - reusedCells.count)) }
        let stored = reusedBytes.count
        bytes.withUnsafeBufferPointer { reusedBytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
        reusedCells[key] = (stored..<reusedBytes.count, firstColumn, column - firstColumn)
    }

    /// A text cell.
    package mutating func text(_ text: String) {
        guard startCell() else { return }
        Self.withUTF8(text) { utf8 in
            if format == .csv { Self.appendCSVField(utf8, to: &bytes) } else { JSONText.appendString(utf8: utf8, to: &bytes) }
        }
    }

    /// A text cell that may be empty: an empty CSV field, `null` in JSON.
    package mutating func optionalText(_ text: String?) {
        guard let text else { return null() }
        self.text(text)
    }

    /// A whole number.
    package mutating func integer(_ number: Int) {
        guard startCell() else { return }
        JSONText.appendDecimal(number, to: &bytes)
    }

    /// A date, `2022-11-15`, as `CalendarDate.description` writes it.
    package mutating func date(_ date: CalendarDate) {
        guard startCell() else { return }
        if format == .json { bytes.append(UInt8(ascii: "\"")) }
        Self.appendPadded(date.year, digits: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendPadded(date.month, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendPadded(date.day, digits: 2, to: &bytes)
        if format == .json { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A date that may be missing.
    package mutating func optionalDate(_ date: CalendarDate?) {
        guard let date else { return null() }
        self.date(date)
    }

    /// The URL of `route`: the base URL followed by the route's path.
    package mutating func url(_ route: Route) {
        guard startCell() else { return }
        Self.withUTF8(base) { base in
            Self.withUTF8(route.path) { path in
                if format == .csv { Self.appendCSVField(base, then: path, to: &bytes) } else { JSONText.appendString(utf8: base, then: path, to: &bytes) }
            }
        }
    }

    /// A list of texts (slugs): one CSV field with the texts joined by spaces, a JSON array.
    package mutating func texts(_ texts: some Collection<String>) {
        guard startCell() else { return }
        var first = true
        if format == .json {
            bytes.append(UInt8(ascii: "["))
            for text in texts {
                if !first { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                first = false
                Self.withUTF8(text) { JSONText.appendString(utf8: $0, to: &bytes) }
            }
            bytes.append(UInt8(ascii: "]"))
            return
        }
        // The field is the texts joined by spaces, quoted if any of them needs it.
        let quoted = texts.contains { text in Self.withUTF8(text) { Self.needsQuotes($0) } }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        for text in texts {
            if !first { bytes.append(UInt8(ascii: " ")) }
            first = false
            Self.withUTF8(text) { utf8 in
                if quoted { Self.appendDoublingQuotes(utf8, to: &bytes) } else { bytes.append(contentsOf: utf8) }
            }
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A list of whole numbers: one CSV field with the numbers joined by spaces, a JSON array.
    package mutating func integers(_ numbers: some Collection<Int>) {
        guard startCell() else { return }
        if format == .json { bytes.append(UInt8(ascii: "[")) }
        for (index, number) in numbers.enumerated() {
            if index > 0 {
                if format == .json { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) } else { bytes.append(UInt8(ascii: " ")) }
            }
            JSONText.appendDecimal(number, to: &bytes)
        }
        if format == .json { bytes.append(UInt8(ascii: "]")) }
    }

    /// No value: an empty CSV field, `null` in JSON.
    private mutating func null() {
        guard startCell() else { return }
        if format == .json { bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")]) }
    }

    /// Writes what comes before the next cell; `false` for a cell past the last JSON key (not written).
    private mutating func startCell() -> Bool {
        defer { column += 1 }
        if format == .csv {
            if column > 0 { bytes.append(UInt8(ascii: ",")) }
            return true
        }
        guard column < keys.count else { return false }
        keys.withUnsafeBufferPointer { bytes.append(contentsOf: $0[column]) }
        return true
    }

    /// `value` (not negative) in decimal, with zeros before it up to `digits` digits.
    private static func appendPadded(_ value: Int, digits: Int, to bytes: inout [UInt8]) {
        var limit = 10
        for _ in 1..<digits {
            if value < limit { bytes.append(UInt8(ascii: "0")) }
            limit *= 10
        }
        JSONText.appendDecimal(value, to: &bytes)
    }

    /// Calls `body` with the UTF-8 bytes of `text`, through a pointer when the string has them contiguous.
    @inline(__always)
    private static func withUTF8<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let done = text.utf8.withContiguousStorageIfAvailable(body) { return done }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// One CSV field of `first` followed by `second`: quoted only when it holds a comma, a quote or a
    /// line break; quotes inside doubled.
    static func appendCSVField(_ first: UnsafeBufferPointer<UInt8>, then second: UnsafeBufferPointer<UInt8> = .init(start: nil, count: 0),
                               to bytes: inout [UInt8]) {
        guard needsQuotes(first) || needsQuotes(second) else {
            bytes.append(contentsOf: first)
            bytes.append(contentsOf: second)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        appendDoublingQuotes(first, to: &bytes)
        appendDoublingQuotes(second, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` with every quote doubled, as inside a quoted CSV field.
    private static func appendDoublingQuotes(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        for byte in text {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
    }

    private static func needsQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in text where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 { return true }
        return false
    }
}
