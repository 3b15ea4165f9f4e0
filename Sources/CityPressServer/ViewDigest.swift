/// A 128-bit fingerprint of a page's view value: what the preview's memo keeps instead of the view.
///
/// Two of Swift's hashes of the value, each started from a different first byte, so two views with
/// the same digest are equal but for a chance of one in 2^128; Swift seeds its hashes randomly for
/// every run, so no content can be written to collide on purpose.
struct ViewDigest: Hashable, Sendable {
    private let first: Int
    private let second: Int

    /// The digest of `view`.
    init(_ view: some Hashable) {
        var first = Hasher(), second = Hasher()
        first.combine(UInt8(1))
        second.combine(UInt8(2))
        view.hash(into: &first)
        view.hash(into: &second)
        self.first = first.finalize()
        self.second = second.finalize()
    }
}
