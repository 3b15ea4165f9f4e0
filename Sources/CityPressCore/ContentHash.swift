/// A 64-bit fingerprint of a file's bytes, for the build manifest: the same on every machine and in
/// every run (Swift's `Hasher` is seeded per process, so it cannot be used), and fast enough to take
/// of every page a build writes.
///
/// It is not a cryptographic hash: it tells a deploy script that bytes changed, and fingerprints what an
/// output was made from (`Fingerprint`); nobody is trying to forge a page. A file `--incremental` keeps
/// without reading it is trusted through this machine's record of the last build (`OutputStamps`), not
/// through this hash.
package enum ContentHash {
    /// The fingerprint of `bytes`, as 16 lower-case hexadecimal digits.
    package static func hex(of bytes: [UInt8]) -> String {
        hex(of(bytes))
    }

    /// `value` as 16 lower-case hexadecimal digits.
    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of `bytes`: two lanes of 64-bit words mixed by multiplication (in the manner of
    /// wyhash and FNV), the length folded in, and a final avalanche so every input bit moves the result.
    package static func of(_ bytes: [UInt8]) -> UInt64 {
        let first: UInt64 = 0x9E37_79B9_7F4A_7C15, second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var left: UInt64 = 0xCBF2_9CE4_8422_2325, right: UInt64 = 0x8422_2325_CBF2_9CE4 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var offset = 0
            while offset + 16 <= count {
                left = (left ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* first
                right = (right ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* second
                left = (left << 31) | (left >> 33)
                right = (right << 29) | (right >> 35)
                offset += 16
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
                if shift == 64 {
                    left = (left ^ tail) &* first
                    tail = 0
                    shift = 0
                }
            }
            right = (right ^ tail ^ (shift << 56)) &* second
        }
        var mixed = left ^ ((right << 32) | (right >> 32)) ^ UInt64(bytes.count)
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 33)
    }
}
