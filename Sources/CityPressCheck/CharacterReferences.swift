/// Decodes character references in attribute values (`&amp;`, `&#47;`, `&#x2F;`), so a link is checked
/// as the browser follows it. Named references beyond the common ones are left as written: in a URL or
/// an id they are almost always `&amp;`.
package enum CharacterReferences {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "sol": "/", "num": "#",
        "quest": "?", "equals": "=", "percnt": "%", "colon": ":", "period": ".", "lowbar": "_", "hyphen": "-",
        "copy": "\u{A9}", "reg": "\u{AE}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
    ]
    /// Names HTML also accepts without the semicolon (its legacy references); the others need it.
    private static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// The bytes of `bytes` with every reference it recognises replaced by its UTF-8 bytes.
    package static func decode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        guard input.contains(UInt8(ascii: "&")) else { return input }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "&"), let (replacement, length) = reference(in: input, at: index) {
                output += replacement
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// The replacement of the reference at `start` and how many bytes it takes.
    private static func reference(in input: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var index = start + 1
        guard index < input.count else { return nil }
        if input[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < input.count && (input[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < input.count, let digit = digitValue(input[index], hex: hex), value < 0x110000 {
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < input.count, input[index] == UInt8(ascii: ";") { index += 1 }
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), index - start)
        }
        let nameStart = index
        while index < input.count, index - nameStart < 8, isAlphanumeric(input[index]) { index += 1 }
        let name = String(decoding: input[nameStart..<index], as: UTF8.self)
        guard let replacement = named[name] else { return nil }
        if index < input.count, input[index] == UInt8(ascii: ";") {
            return (Array(replacement.utf8), index + 1 - start)
        }
        // Without `;`, an attribute keeps `&amp=` and `&ampx` as written (HTML's rule for attributes).
        let following = index < input.count ? input[index] : 0
        guard legacy.contains(name), following != UInt8(ascii: "="), !isAlphanumeric(following) else { return nil }
        return (Array(replacement.utf8), index - start)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}
