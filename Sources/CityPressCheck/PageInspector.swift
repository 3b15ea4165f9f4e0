import CityPressCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one page once and applies the rules that need only that page: `lang`, `<title>`, one `<h1>`,
/// heading levels, duplicate ids, `alt` on images, links with no text. Links are resolved as they are
/// read (`PageInspector+Links`); fragments of other pages are left for the site-wide pass.
package struct PageInspector {
    let bytes: UnsafeBufferPointer<UInt8>
    /// This page's entry in the output index.
    let entry: Int
    let index: OutputIndex
    var resolver: LinkResolver
    /// Whether to list http and https links for `--external`.
    let collectsExternalLinks: Bool
    /// Whether root-relative links start at the server's root because no base URL was given.
    let hasNoBaseURL: Bool
    /// Whether a template made the page (`build --check`): then it is a page even without markup.
    let isRendered: Bool
    var result = PageInspection()

    /// Where each id was first seen.
    private var idOffsets: [String: Int] = [:]
    private var htmlOffset: Int?
    private var bodyOffset: Int?
    private var firstH1Offset: Int?
    private var lastHeadingLevel: Int?
    /// Nesting depth of `<svg>`, whose `<title>` is an image's name, not the page's.
    private var svgDepth = 0
    /// Whether the page's `<title>` was seen, and whether it is open now and has text yet.
    private var sawTitle = false
    private var titleOffset: Int?
    private var titleHasText = false
    /// The `<a href>` open now: where it starts, and whether it has a name yet (text, label or alt).
    private var openLink: (offset: Int, href: HTMLAttribute, named: Bool)?
    /// Same-page `#fragment` links, checked at the end, when every id is known.
    private var ownFragments: [(fragment: String, link: String, offset: Int)] = []
    /// This worker's spans of markup found clean on earlier pages (`nil`: read every byte).
    private let cleanSpans: CleanSpans?
    /// How many things this page's reading has recorded or changed so far, or could have on another
    /// page (problems, ids, `<h1>`, `<html>`, `<body>` and `<title>` even when not the first, links
    /// that depend on the page…): a span during which it stays the same needed nothing.
    var changes = 0
    /// Whether a `<base href>` moved the folder links start from: spans are no longer comparable.
    private var isRebased = false
    /// Where the first tag or text before `<html>` is, and whether `</html>` was read (what comes
    /// after it is moved into `<body>` by browsers: a template that printed a page after its layout).
    private var firstOutsideHTML: Int?
    private var sawHTMLEnd = false
    private var reportedAfterHTML = false

    /// An inspector for the page `bytes`, entry `entry` of `index`.
    package init(bytes: UnsafeBufferPointer<UInt8>, entry: Int, index: OutputIndex, address: SiteAddress,
                 collectsExternalLinks: Bool, memo: LinkMemo? = nil, isRendered: Bool = false) {
        self.bytes = bytes
        self.isRendered = isRendered
        self.entry = entry
        self.index = index
        self.collectsExternalLinks = collectsExternalLinks
        hasNoBaseURL = address == .serverRoot
        resolver = LinkResolver(index: index, address: address, page: entry, memo: memo)
        cleanSpans = memo?.cleanSpans
    }

    /// Reads the page and returns what it found. A file with text but no `<` at all is no page but text
    /// served as HTML (a search engine's verification file, `google1234.html`, published from `static/`):
    /// nothing is asked of it, unless a template made it. An empty one is a page its template left empty.
    package mutating func inspect() -> PageInspection {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil else {
            if !bytes.contains(where: { !HTMLScanner.isSpace($0) }) {
                problem(at: 0, "the page is empty", notes: [isRendered ? "its template printed nothing" : "a page has at least <html>, <title> and <h1>"])
            } else if isRendered {
                problem(at: 0, "the page has no markup, only text",
                        notes: ["its template printed no HTML: does it extend the layout, {{<layout}}…{{/layout}}?"])
            }
            return result
        }
        var scanner = HTMLScanner(bytes)
        // The span being read: where it ends, its key, and `effects` when it started.
        var span: (end: Int, key: CleanSpans.Key, effects: Int)?
        // The span after the one last looked up, found and its bucket read meanwhile.
        var ahead: CleanSpans.Probe?
        while true {
            if let open = span, scanner.offset >= open.end {
                // Remembered only if its own bytes decided where its tokens end: not at the page's end
                // (an unfinished tag ends there only because the page does), not after a title's or
                // textarea's text (whose end was found by reading past the span).
                if scanner.offset == open.end, open.end < bytes.count, !scanner.endedShownRawText, effects == open.effects,
                   isBetweenElements(scanner) {
                    cleanSpans?.insert(open.key, headingLevel: lastHeadingLevel ?? 0)
                }
                span = nil
            }
            if span == nil, let cleanSpans, scanner.offset < bytes.count, isBetweenElements(scanner) {
                let start = scanner.offset
                let probe = ahead.flatMap { $0.start == start ? $0 : nil }
                    ?? cleanSpans.probe(spanAt: start, in: bytes, depth: resolver.depth, collectsExternalLinks: collectsExternalLinks)
                ahead = probe.end < bytes.count
                    ? cleanSpans.probe(spanAt: probe.end, in: bytes, depth: resolver.depth, collectsExternalLinks: collectsExternalLinks)
                    : nil
                let level = lastHeadingLevel ?? 0
                if let after = probe.headingLevel(afterHeading: level) {
                    if after > 0 { lastHeadingLevel = after }
                    scanner.skip(to: probe.end)
                    continue
                }
                span = (probe.end, probe.key(afterHeading: level), effects)
            }
            guard let token = scanner.next() else { break }
            switch token {
            case .startTag(let element, let offset):
                scanner.withAttributes { startTag(element, at: offset, attributes: $0) }
            case .endTag(let element, _): endTag(element)
            case .text(let range): text(range)
            }
        }
        finish()
        return result
    }

    /// Everything recorded or changed so far; see `changes`.
    private var effects: Int { changes + resolver.pageDependentLinks }

    /// Whether the scanner is between two tokens of ordinary markup with no link, title or `<svg>`
    /// open: where a clean span may start or end.
    private func isBetweenElements(_ scanner: HTMLScanner) -> Bool {
        openLink == nil && titleOffset == nil && svgDepth == 0 && !isRebased && !scanner.isInRawText
            && htmlOffset != nil && !sawHTMLEnd
    }

    private mutating func startTag(_ element: HTMLElement, at offset: Int, attributes: UnsafeBufferPointer<HTMLAttribute>) {
        // A second `<html>`, `<body>` or `<title>` changes nothing here, but is the first on another page.
        if element == .html || element == .body || (element == .title && svgDepth == 0) { changes += 1 }
        if element != .html { outsideHTML(at: offset, tag: true) }
        for attribute in attributes {
            switch attribute.name {
            case .id: record(id: attribute)
            case .name where element == .a:
                changes += 1
                result.anchors.insert(text(of: attribute))
            case .href where element == .a || element == .area || element == .link: check(link: attribute, as: .link)
            case .src: check(link: attribute, as: .src)
            case .poster: check(link: attribute, as: .poster)
            case .srcset: check(sourceSet: attribute)
            default: break
            }
        }
        switch element {
        case .html where htmlOffset == nil:
            htmlOffset = offset
            checkLanguage(of: attributes, at: offset)
            if let first = firstOutsideHTML {
                problem(at: first, "content before <html>",
                        notes: ["a page starts with <!DOCTYPE html> and <html>: a template printed this before its layout"])
            }
        case .body where bodyOffset == nil:
            bodyOffset = offset
        case .base:
            isRebased = true
            if let href = attributes.first(where: { $0.name == .href }) {
                Self.withValue(of: href, in: bytes) { resolver.rebase(on: $0) }
            }
        case .title where svgDepth == 0 && !sawTitle:
            sawTitle = true
            titleOffset = offset
        case .heading(let level):
            if level == 1 { changes += 1 }  // other levels are part of a clean span's key (`CleanSpans`)
            heading(level, at: offset)
        case .img: image(attributes, at: offset)
        case .a:
            finishLink()
            if let href = attributes.first(where: { $0.name == .href }) {
                let labelled = attributes.contains { ($0.name == .ariaLabel || $0.name == .ariaLabelledBy) && hasText($0.value) }
                openLink = (offset, href, labelled)
            }
        case .svg: svgDepth += 1
        default: break
        }
    }

    private mutating func endTag(_ element: HTMLElement) {
        switch element {
        case .html where htmlOffset != nil:
            changes += 1
            sawHTMLEnd = true
        case .a: finishLink()
        case .title where titleOffset != nil:
            if !titleHasText, let offset = titleOffset { problem(at: offset, "the page's <title> is empty") }
            titleOffset = nil
        case .svg where svgDepth > 0: svgDepth -= 1
        default: break
        }
    }

    private mutating func text(_ range: Range<Int>) {
        if htmlOffset == nil || sawHTMLEnd, hasText(range) {
            let start = range.first { !HTMLScanner.isSpace(bytes[$0]) } ?? range.lowerBound
            outsideHTML(at: start, tag: false)
        }
        let shown = openLink.map { !$0.named } ?? false
        guard titleOffset != nil || shown, hasText(range) else { return }
        if titleOffset != nil { titleHasText = true }
        if shown { openLink?.named = true }
    }

    /// Rule: nothing before `<html>` (a doctype and comments are no tokens) and nothing after `</html>`,
    /// each reported once: the first at `<html>`, when the page turns out to have one.
    private mutating func outsideHTML(at offset: Int, tag: Bool) {
        if htmlOffset == nil {
            if firstOutsideHTML == nil { firstOutsideHTML = offset }
        } else if sawHTMLEnd && !reportedAfterHTML {
            reportedAfterHTML = true
            problem(at: offset, tag ? "a tag after </html>" : "text after </html>",
                    notes: ["browsers move it into the page's <body>: a template printed it after its layout (did it include the layout with {{>layout}} instead of extending it with {{<layout}}…{{/layout}}?)"])
        }
    }

    /// Rule: `<html lang="…">`, not empty.
    private mutating func checkLanguage(of attributes: UnsafeBufferPointer<HTMLAttribute>, at offset: Int) {
        guard let lang = attributes.first(where: { $0.name == .lang }) else {
            problem(at: offset, "<html> has no lang attribute", notes: ["name the page's language, as in <html lang=\"en\">"])
            return
        }
        if !hasText(lang.value) { problem(at: lang.offset, "the lang attribute of <html> is empty") }
    }

    /// Rules: exactly one `<h1>`; heading levels go down one at a time (going back up is fine).
    private mutating func heading(_ level: Int, at offset: Int) {
        if let last = lastHeadingLevel, level > last + 1 {
            problem(at: offset, "heading level skips from <h\(last)> to <h\(level)>",
                    notes: ["headings go down one level at a time: make this an <h\(last + 1)>, or add the missing level above it"])
        }
        lastHeadingLevel = level
        guard level == 1 else { return }
        if let first = firstH1Offset {
            problem(at: offset, "a second <h1> on the page", notes: ["a page has exactly one <h1>; the first is at \(describe(first))"])
        } else {
            firstH1Offset = offset
        }
    }

    /// Rule: every `<img>` has `alt` (empty for decoration). An image with alt text names the link it is in.
    private mutating func image(_ attributes: UnsafeBufferPointer<HTMLAttribute>, at offset: Int) {
        guard let alt = attributes.first(where: { $0.name == .alt }) else {
            problem(at: offset, "<img> has no alt attribute",
                    notes: ["describe the image in alt=\"…\", or write alt=\"\" when it is only decoration"])
            return
        }
        if openLink != nil, hasText(alt.value) { openLink?.named = true }
    }

    /// Rule: ids are unique on a page.
    private mutating func record(id attribute: HTMLAttribute) {
        changes += 1
        let id = text(of: attribute)
        guard !id.isEmpty else { return }
        if let first = idOffsets[id] {
            problem(at: attribute.offset, "id '\(id)' is used twice on this page",
                    notes: ["ids are unique on a page; the first '\(id)' is at \(describe(first))"])
        } else {
            idOffsets[id] = attribute.offset
            result.anchors.insert(id)
        }
    }

    /// Rule: a link has an accessible name.
    private mutating func finishLink() {
        guard let link = openLink else { return }
        openLink = nil
        if !link.named {
            problem(at: link.offset, "link '\(text(of: link.href))' has no text",
                    notes: ["a screen reader has nothing to announce: give it text, an aria-label, or an image with alt text"])
        }
    }

    /// The end-of-page rules: title, lang and `<h1>` present; same-page fragments name an anchor.
    private mutating func finish() {
        finishLink()
        if htmlOffset == nil {
            problem(at: 0, "the page has no <html> tag with a lang attribute", notes: ["name the page's language, as in <html lang=\"en\">"])
        }
        if !sawTitle { problem(at: htmlOffset ?? 0, "the page has no <title>") }
        if firstH1Offset == nil { problem(at: bodyOffset ?? htmlOffset ?? 0, "the page has no <h1>") }
        for (fragment, link, offset) in ownFragments where !names(fragment, in: result.anchors) {
            problem(at: offset, "link '\(link)' names no id '\(fragment)' on this page")
        }
    }

    mutating func problem(at offset: Int, _ message: String, notes: [String] = [], remedy: Remedy? = nil) {
        changes += 1
        result.problems.append(PageInspection.Problem(offset: offset, message: message, notes: notes, remedy: remedy))
    }

    mutating func addOwnFragment(_ fragment: String, link: String, offset: Int) {
        changes += 1
        ownFragments.append((fragment, link, offset))
    }

    /// `line L, column C` of an offset of this page, for notes.
    private func describe(_ offset: Int) -> String {
        let location = LinePositions.locations(of: [offset], in: bytes, path: "")[0]
        return "line \(location.line), column \(location.column)"
    }

    /// Whether `anchors` has `fragment`; `#top` scrolls to the top without one (HTML's rule).
    func names(_ fragment: String, in anchors: Set<String>) -> Bool {
        anchors.contains(fragment) || fragment.lowercased() == "top"
    }
}
