import CityPressCore

/// This machine's record of the last `--incremental` build of one output folder: the binary that ran it
/// (`ToolIdentity`) and every file it left in the folder with its `FileStamp`, taken after the swap.
///
/// The next `--incremental` build keeps an old file only when the record names the same binary and the
/// file's stamp is still the one recorded: a file edited by hand (even with its time put back), a folder
/// replaced by a link to an edited copy, or a build by another binary all give other stamps, and what they
/// touch is rendered again. It lives outside the output (`OutputStamps.location`), because the output's own
/// manifest must read the same on every machine that builds the same site; docs/deploying.md describes it.
///
/// Its text is one line of header, one naming the output folder, one naming the binary, then one line a
/// file: device, inode, size, modification and status-change times (nanoseconds), then the path, tab-separated.
package struct OutputStamps: Sendable, Equatable {
    /// The first line.
    package static let header = "citypress-output-stamps 1"

    /// The output folder's real absolute path.
    package var output: String
    /// The binary that wrote the output.
    package var tool: ToolIdentity
    /// Every file of the output, by path relative to it.
    package var files: [String: FileStamp]

    package init(output: String, tool: ToolIdentity, files: [String: FileStamp]) {
        self.output = output
        self.tool = tool
        self.files = files
    }

    /// The record as its file holds it, files in no particular order (nothing compares two records; sorting
    /// ten thousand paths cost more than the rest of the record). Paths with a line break are left out:
    /// they cannot be kept, only rendered again.
    package var bytes: [UInt8] {
        var text = Self.header + "\n"
        text += "output\t" + output + "\n"
        text += "tool\t\(Int64(bitPattern: tool.device))\t\(Int64(bitPattern: tool.inode))\t\(tool.size)\t\(tool.modified)\t" + tool.path + "\n"
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + files.count * 100)
        for (path, stamp) in files {
            let start = bytes.count
            for number in [Int(bitPattern: UInt(stamp.device)), Int(bitPattern: UInt(stamp.inode)), stamp.size, stamp.modified, stamp.changed] {
                Self.appendDecimal(number, to: &bytes)
                bytes.append(UInt8(ascii: "\t"))
            }
            bytes += path.utf8
            if bytes[(bytes.count - path.utf8.count)...].contains(UInt8(ascii: "\n")) {
                bytes.removeSubrange(start...)
                continue
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Appends `value`'s decimal digits (a `-` first when negative), without making a string.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// The record in `bytes`; `nil` when they are not one, or one damaged anywhere.
    package static func parse(_ bytes: [UInt8]) -> OutputStamps? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 4, lines[lines.count - 1].isEmpty, lines[0].elementsEqual(header.utf8),
              var outputLine = Fields(lines[1]), outputLine.take("output"), let output = outputLine.rest(),
              var toolLine = Fields(lines[2]), toolLine.take("tool"),
              let device = toolLine.number(), let inode = toolLine.number(), let size = toolLine.number(),
              let modified = toolLine.number(), let path = toolLine.rest() else { return nil }
        let tool = ToolIdentity(path: path, device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)),
                                size: size, modified: modified)
        var files: [String: FileStamp] = [:]
        files.reserveCapacity(lines.count)
        for line in lines[3..<(lines.count - 1)] {
            guard var fields = Fields(line), let device = fields.number(), let inode = fields.number(), let size = fields.number(),
                  let modified = fields.number(), let changed = fields.number(), let path = fields.rest() else { return nil }
            files[path] = FileStamp(device: UInt64(bitPattern: Int64(device)), inode: UInt64(bitPattern: Int64(inode)),
                                    size: size, modified: modified, changed: changed)
        }
        return OutputStamps(output: output, tool: tool, files: files)
    }

    /// The tab-separated fields of one line, read left to right.
    private struct Fields {
        let line: ArraySlice<UInt8>
        var index: Int

        init?(_ line: ArraySlice<UInt8>) {
            self.line = line
            index = line.startIndex
        }

        /// Steps over `word` and the tab after it.
        mutating func take(_ word: String) -> Bool {
            let utf8 = word.utf8
            guard line.endIndex - index > utf8.count, line[index..<(index + utf8.count)].elementsEqual(utf8),
                  line[index + utf8.count] == UInt8(ascii: "\t") else { return false }
            index += utf8.count + 1
            return true
        }

        /// A decimal number of at most 19 digits, perhaps negative (a time before 1970), and the tab after it.
        mutating func number() -> Int? {
            var negative = false
            if index < line.endIndex, line[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            var value = 0, digits = 0
            while index < line.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowAgain) = times.addingReportingOverflow(Int(line[index] - UInt8(ascii: "0")))
                guard !overflow, !overflowAgain else { return nil }
                value = sum
                index += 1
                digits += 1
            }
            guard digits > 0, index < line.endIndex, line[index] == UInt8(ascii: "\t") else { return nil }
            index += 1
            return negative ? -value : value
        }

        /// The rest of the line, which must not be empty.
        mutating func rest() -> String? {
            guard index < line.endIndex else { return nil }
            defer { index = line.endIndex }
            return String(decoding: line[index...], as: UTF8.self)
        }
    }
}
