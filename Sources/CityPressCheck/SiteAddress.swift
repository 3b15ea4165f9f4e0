/// Where the site is published (`--base-url`), split into what links are compared with: absolute
/// links that start with its origin and path are internal, and root-relative links (`/x/`) start
/// below its path, as they do on the server.
package struct SiteAddress: Sendable, Equatable {
    /// `https://example.org`, lowercased, without a final `/`.
    package var origin: [UInt8]
    /// `/declarations/`: the path of the site's root, starting and ending with `/`.
    package var path: [UInt8]

    /// The site's root at the server's root: root-relative links start from the output folder.
    package static let serverRoot = SiteAddress(origin: [], path: [UInt8(ascii: "/")])

    private init(origin: [UInt8], path: [UInt8]) {
        self.origin = origin
        self.path = path
    }

    /// The address of `baseURL` (`https://example.org/declarations/`), or `nil` when it is not an
    /// absolute http or https URL.
    package init?(baseURL: String) {
        var text = Array(baseURL.utf8)
        if let end = text.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { text.removeSubrange(end...) }
        let lowered = text.map(HTMLName.lowercased)
        let schemeLength: Int
        if lowered.starts(with: "https://".utf8) { schemeLength = 8 } else if lowered.starts(with: "http://".utf8) { schemeLength = 7 } else { return nil }
        let pathStart = text[schemeLength...].firstIndex(of: UInt8(ascii: "/")) ?? text.count
        guard pathStart > schemeLength else { return nil }
        origin = Array(lowered[..<pathStart])
        path = Array(text[pathStart...])
        if path.last != UInt8(ascii: "/") { path.append(UInt8(ascii: "/")) }
    }

    /// The path of `url` below the site's root (`cities/x/`), when `url` is an absolute link into
    /// the site: its origin (compared without case) and then the site's path.
    package func pathInSite(ofAbsolute url: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard !origin.isEmpty, url.count >= origin.count else { return nil }
        for index in origin.indices where HTMLName.lowercased(url[index]) != origin[index] { return nil }
        return pathInSite(ofRooted: UnsafeBufferPointer(rebasing: url[origin.count...]))
    }

    /// The path below the site's root of the root-relative `url` (`/declarations/cities/x/`), or `nil`
    /// when it is outside the site's path.
    package func pathInSite(ofRooted url: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        if url.isEmpty || url.elementsEqual(path.dropLast()) { return UnsafeBufferPointer(rebasing: url[url.count...]) }
        guard url.count >= path.count, url.prefix(path.count).elementsEqual(path) else { return nil }
        return UnsafeBufferPointer(rebasing: url[path.count...])
    }

    /// The site's path as text, for messages.
    package var pathText: String { String(decoding: path, as: UTF8.self) }
}
