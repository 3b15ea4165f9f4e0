/// Where one page is in a `PagePack`.
package struct StoredPage: Sendable, Hashable {
    /// The page's first byte in the pack.
    package let offset: Int
    /// The page's length in bytes.
    package let count: Int
}
