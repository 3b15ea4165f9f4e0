/// Where one link of a page leads.
package enum LinkTarget: Equatable {
    /// Nothing to check: an empty link, or a scheme other than http and https (`mailto:`, `data:`).
    case unchecked
    /// An http or https URL outside the site, without its fragment.
    case external(String)
    /// An entry of the output index (a file), and the fragment after `#` if the link has one.
    case file(Int, fragment: String?)
    /// No file at the path the link names (`cities/x/index.html`).
    case missing(String)
    /// A folder without `index.html` (`cities/x/`; empty for the root).
    case folderWithoutIndex(String)
    /// `..` once too often: above the site's root folder.
    case aboveRoot
    /// A root-relative link outside the path of the site's base URL.
    case outsideSite
}

/// Resolves the links of one page against the built site, as a browser and a static web server would:
/// relative to the page's folder, `/x` from the site's root, `./` and `..` followed, query strings
/// ignored, percent-encoding decoded, a folder served by its `index.html`. Works on bytes; the path it
/// builds is reused from link to link.
package struct LinkResolver {
    private let index: OutputIndex
    private let address: SiteAddress
    /// The page's own entry: a link of only a fragment or a query (`#main`, `?q`) stays on it.
    private let page: Int
    /// The folder relative links start from, ending in `/` (empty at the root).
    private var folder: [UInt8] { didSet { folderSegmentStarts = Self.segmentStarts(of: folder) } }
    /// Where each segment of `folder` starts.
    private var folderSegmentStarts: [Int] = []
    private let indexFile = Array("index.html".utf8)
    /// This worker's links resolved on earlier pages (`nil`: remember nothing).
    private let memo: LinkMemo?
    /// Whether a `<base href>` sent relative links outside the site.
    private var relativeLinksLeaveSite = false
    /// How many links so far led somewhere that depends on the page's own folder (or were not
    /// remembered for another reason): a span of markup with one is not the same on another page.
    package private(set) var pageDependentLinks = 0
    /// Scratch space: the path being built.
    private var path: [UInt8] = []
    /// Where each segment of `path` starts, so `..` can remove the last one.
    private var segmentStarts: [Int] = []

    /// A resolver for the page at `pagePath` (`cities/x/index.html`).
    package init(index: OutputIndex, address: SiteAddress, page: Int, memo: LinkMemo? = nil) {
        self.index = index
        self.memo = memo
        self.address = address
        self.page = page
        let pagePath = index.paths[page]
        let slash = pagePath.lastIndex(of: UInt8(ascii: "/"))
        folder = slash.map { Array(pagePath[...$0]) } ?? []
        folderSegmentStarts = Self.segmentStarts(of: folder)
        path.reserveCapacity(128)
    }

    /// How many folders the page (or its `<base href>`) is below the site's root.
    package var depth: Int { folderSegmentStarts.count }

    /// Makes later relative links start from what `<base href>` names (a folder in the site, or
    /// somewhere else, when they are no longer the site's to check).
    package mutating func rebase(on url: UnsafeBufferPointer<UInt8>) {
        guard url.contains(where: { $0 > 0x20 }) else { return }  // `<base href="">` changes nothing
        switch locate(url) {
        case .inSite(_, let namesFolder):
            // `path` ends in `/`; a link to a file (`/sub/page.html`) makes its folder the base.
            folder = namesFolder ? path : Array(path.prefix(segmentStarts.last ?? 0))
        case .elsewhere: relativeLinksLeaveSite = true
        case .problem: break
        }
    }

    /// Where `url` (an attribute's value, character references already decoded) leads.
    package mutating func resolve(_ url: UnsafeBufferPointer<UInt8>) -> LinkTarget {
        guard let memo, !relativeLinksLeaveSite, let key = LinkMemo.key(of: url, depth: folderSegmentStarts.count) else {
            pageDependentLinks += 1
            return resolveHere(url)
        }
        let fingerprint = LinkMemo.fingerprint(key.bytes, fromRoot: key.fromRoot)
        if let known = memo.target(for: fingerprint) { return known }
        let target = resolveHere(url)
        memo.store(target, for: fingerprint)
        return target
    }

    /// `resolve` without the memo.
    private mutating func resolveHere(_ url: UnsafeBufferPointer<UInt8>) -> LinkTarget {
        switch locate(url) {
        case .elsewhere(let target): return target
        case .problem(let target): return target
        case .inSite(let fragment, let namesFolder): return findFile(namesFolder: namesFolder, fragment: fragment)
        }
    }

    private enum Location {
        /// The path is in `path`; `namesFolder` when the link ends in `/` (or `.`, `..`).
        case inSite(fragment: String?, namesFolder: Bool)
        case elsewhere(LinkTarget)
        case problem(LinkTarget)
    }

    private mutating func locate(_ raw: UnsafeBufferPointer<UInt8>) -> Location {
        var start = 0, end = raw.count
        while start < end, raw[start] <= 0x20 { start += 1 }  // browsers strip spaces and controls
        while end > start, raw[end - 1] <= 0x20 { end -= 1 }
        guard start < end else { return .elsewhere(.unchecked) }
        let url = UnsafeBufferPointer(rebasing: raw[start..<end])
        if url.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            let cleaned = url.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }  // and drop tabs and line breaks inside
            return cleaned.withUnsafeBufferPointer { locate($0) }
        }
        let hash = url.firstIndex(of: UInt8(ascii: "#"))
        let fragment = hash.map { Self.fragment(UnsafeBufferPointer(rebasing: url[($0 + 1)...])) } ?? nil
        let beforeFragment = UnsafeBufferPointer(rebasing: url[..<(hash ?? url.count)])
        let pathEnd = beforeFragment.firstIndex(of: UInt8(ascii: "?")) ?? beforeFragment.count
        let linkPath = UnsafeBufferPointer(rebasing: beforeFragment[..<pathEnd])
        if linkPath.isEmpty { return .elsewhere(.file(page, fragment: fragment)) }

        if let schemeEnd = Self.schemeEnd(of: url) {
            if let inSite = address.pathInSite(ofAbsolute: linkPath) { return build(fromFolder: false, inSite, fragment: fragment) }
            let scheme = url[..<schemeEnd].map(HTMLName.lowercased)
            guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else { return .elsewhere(.unchecked) }
            return .elsewhere(.external(String(decoding: beforeFragment, as: UTF8.self)))
        }
        if linkPath.count >= 2, linkPath[0] == UInt8(ascii: "/"), linkPath[1] == UInt8(ascii: "/") {
            let withScheme = Array("https:".utf8) + Array(linkPath)
            if let inSite = withScheme.withUnsafeBufferPointer({ address.pathInSite(ofAbsolute: $0).map(Array.init) }) {
                return inSite.withUnsafeBufferPointer { build(fromFolder: false, $0, fragment: fragment) }
            }
            return .elsewhere(.external("https:" + String(decoding: beforeFragment, as: UTF8.self)))
        }
        if linkPath.first == UInt8(ascii: "/") {
            guard let inSite = address.pathInSite(ofRooted: linkPath) else { return .problem(.outsideSite) }
            return build(fromFolder: false, inSite, fragment: fragment)
        }
        if relativeLinksLeaveSite { return .elsewhere(.unchecked) }
        return build(fromFolder: true, linkPath, fragment: fragment)
    }

    /// Puts the page's folder (`fromFolder`; else nothing, the site's root) and then the segments of
    /// `relative` into `path`, following `.` and `..`.
    private mutating func build(fromFolder: Bool, _ relative: UnsafeBufferPointer<UInt8>, fragment: String?) -> Location {
        path.removeAll(keepingCapacity: true)
        segmentStarts.removeAll(keepingCapacity: true)
        if fromFolder {
            path.append(contentsOf: folder)
            segmentStarts.append(contentsOf: folderSegmentStarts)
        }
        var namesFolder = relative.isEmpty
        var segmentStart = 0
        while segmentStart <= relative.count {
            let segmentEnd = relative[segmentStart...].firstIndex(of: UInt8(ascii: "/")) ?? relative.count
            let isLast = segmentEnd == relative.count
            let segment = UnsafeBufferPointer(rebasing: relative[segmentStart..<segmentEnd])
            segmentStart = segmentEnd + 1
            let dots = segment.count <= 2 && segment.allSatisfy { $0 == UInt8(ascii: ".") } ? segment.count : 0
            if dots == 1 || (segment.isEmpty && isLast) {
                namesFolder = true
                continue
            }
            if dots == 2 {
                guard let last = segmentStarts.popLast() else { return .problem(.aboveRoot) }
                path.removeSubrange(last...)
                namesFolder = true
                continue
            }
            namesFolder = false
            segmentStarts.append(path.count)
            if segment.contains(UInt8(ascii: "%")) { path.append(contentsOf: Self.percentDecoded(segment)) } else { path.append(contentsOf: segment) }
            path.append(UInt8(ascii: "/"))
        }
        return .inSite(fragment: fragment, namesFolder: namesFolder)
    }

    /// The file `path` (a folder path ending in `/`, or empty for the root) names: itself, or, for a
    /// folder, its `index.html`.
    private mutating func findFile(namesFolder: Bool, fragment: String?) -> LinkTarget {
        let folderLength = path.count
        if !namesFolder {
            let entry = path.withUnsafeBufferPointer { index.entry(UnsafeBufferPointer(rebasing: $0.dropLast())) }
            guard let entry else { return .missing(String(decoding: path.dropLast(), as: UTF8.self)) }
            if !index.isFolder[entry] { return .file(entry, fragment: fragment) }
        }
        path.append(contentsOf: indexFile)
        let page = path.withUnsafeBufferPointer { index.entry($0) }
        path.removeSubrange(folderLength...)
        if let page, !index.isFolder[page] { return .file(page, fragment: fragment) }
        let folderExists = path.isEmpty || path.withUnsafeBufferPointer { index.entry(UnsafeBufferPointer(rebasing: $0.dropLast())) } != nil
        let shown = String(decoding: path, as: UTF8.self)
        return folderExists ? .folderWithoutIndex(shown) : .missing(shown + "index.html")
    }

    /// Where each segment (`name/`) of `folder` starts.
    private static func segmentStarts(of folder: [UInt8]) -> [Int] {
        var starts: [Int] = [], start = 0
        for (offset, byte) in folder.enumerated() where byte == UInt8(ascii: "/") {
            starts.append(start)
            start = offset + 1
        }
        return starts
    }

    /// The end of `url`'s scheme (the offset of its `:`), if it starts with one (`https:`, `mailto:`).
    private static func schemeEnd(of url: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = url.first, (first | 0x20) &- 0x61 < 26 else { return nil }
        for (offset, byte) in url.enumerated().dropFirst() {
            if byte == UInt8(ascii: ":") { return offset }
            let isSchemeByte = (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !isSchemeByte { return nil }
        }
        return nil
    }

    /// The fragment as the id it names: percent-decoded; `nil` when empty (`#` alone is the page's top).
    private static func fragment(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return nil }
        if bytes.contains(UInt8(ascii: "%")) { return String(decoding: percentDecoded(bytes), as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `bytes` with every `%XX` replaced by the byte it encodes (others kept as written).
    package static func percentDecoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
