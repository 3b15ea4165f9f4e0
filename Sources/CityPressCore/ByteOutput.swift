/// Where the open data's encoders write: a byte array, or a counter that only measures, so the
/// Data page can give every file's size without the build holding every file in memory at once.
package protocol ByteOutput {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: some Collection<UInt8>)
}

extension Array: ByteOutput where Element == UInt8 {}

/// Counts the bytes written to it.
package struct ByteCount: ByteOutput {
    @usableFromInline package private(set) var count = 0

    @inlinable package init() {}

    @inlinable package mutating func append(_ byte: UInt8) { count += 1 }
    // A native string's `utf8.count` and an array's `count` take constant time.
    @inlinable package mutating func append(contentsOf bytes: some Collection<UInt8>) { count += bytes.count }
}
