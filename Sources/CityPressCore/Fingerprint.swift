/// A fingerprint of several values fed in order, the same on every machine and in every run: what the
/// build manifest records of the inputs an output was made from, so that the next build (a new
/// process, without this build's site) can tell whether the output would read the same.
///
/// Values are written as bytes and hashed once with `ContentHash` (Swift's `Hasher` is seeded per
/// process, and hashing a `String` normalizes it, which cost more than the rendering it would save).
/// Every string is ended by the byte 0xFF, which UTF-8 never contains, and numbers take eight bytes, so
/// two sequences of values that differ only in where one ends and the next begins are told apart as long
/// as callers add values of fixed kinds in a fixed order (`DependencyValues` marks an absent value with
/// one byte where a present one takes eight: telling those apart relies on the 64-bit values themselves).
package struct Fingerprint: Sendable {
    private var bytes: [UInt8] = []

    /// An empty fingerprint.
    package init() {}

    /// Adds `string`'s UTF-8 bytes.
    package mutating func add(_ string: String) {
        bytes += string.utf8
        bytes.append(0xFF)
    }

    /// Adds `string`, or a mark that there is none.
    package mutating func add(_ string: String?) {
        guard let string else { return bytes.append(0xFE) }
        add(string)
    }

    /// Adds `number`, as eight bytes.
    package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// Adds `value`, as eight bytes.
    package mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// The fingerprint of everything added.
    package var value: UInt64 { ContentHash.of(bytes) }
}
