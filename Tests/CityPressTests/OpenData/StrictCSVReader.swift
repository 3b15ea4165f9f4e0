/// A strict RFC 4180 reader for the tests: records end in CRLF, fields are quoted or not, a quote
/// inside a quoted field is doubled, and anything else (a bare quote, a lone CR or LF outside quotes,
/// text after a closing quote) is an error. Independent of the writer, so it checks the format.
enum StrictCSVReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The records of `bytes` (UTF-8), each a list of fields.
    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field: [UInt8] = []
        var index = 0
        var quoted = false, wasQuoted = false
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                    wasQuoted = true
                } else {
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard field.isEmpty, !wasQuoted else { throw Failure(description: "bare quote at byte \(index)") }
                quoted = true
            case UInt8(ascii: ","):
                endField()
            case 13:
                guard index + 1 < bytes.count, bytes[index + 1] == 10 else { throw Failure(description: "CR without LF at byte \(index)") }
                endField()
                records.append(record)
                record = []
                index += 1
            case 10:
                throw Failure(description: "LF without CR outside quotes at byte \(index)")
            default:
                guard !wasQuoted else { throw Failure(description: "text after a closing quote at byte \(index)") }
                field.append(byte)
            }
            index += 1
        }
        guard !quoted else { throw Failure(description: "unterminated quoted field") }
        guard record.isEmpty, field.isEmpty else { throw Failure(description: "last record does not end in CRLF") }
        return records
    }
}
