import Foundation
import Testing
@testable import CityPressCheck
import CityPressFuzz

/// Spans of markup found clean on one page are stepped over on the next: what a page's check finds must
/// not depend on which pages the same worker read before it.
@Suite struct CleanSpansTests {
    /// Lines that pages share, each with something a check records or a link whose target depends on
    /// the page's folder, mixed with clean lines.
    static let sharedLines = [
        "<ul>\n  <li><a href=\"../../x/\">X</a></li>\n  <li><a href=\"/x/\">Root X</a></li>\n</ul>",
        "<p><a href=\"../x/\">one folder up</a> <a href=\"here/\">below the page</a></p>",
        "<p id=\"shared\">an id on every page</p>",
        "<p><a name=\"old-anchor\">a named anchor</a></p>",
        "<h2>A heading</h2>",
        "<h4>A heading that skips</h4>",
        "<li><h3><a href=\"/x/\">A heading in a list</a></h3></li>\n<li><h2>and one going back up</h2></li>",
        "<h1>A second first heading</h1>",
        "<p><img src=\"/pic.png\"> <img src=\"/pic.png\" alt=\"\"></p>",
        "<p><a href=\"/x/\"></a> <a href=\"/x/\"><img src=\"/pic.png\" alt=\"a picture\"></a></p>",
        "<p><a href=\"#shared\">here</a> <a href=\"#nowhere\">nowhere</a> <a href=\"/x/#part\">there</a></p>",
        "<p><a href=\"/missing/\">gone</a> <a href=\"https://example.org/\">away</a> <a href=\"mailto:a@b.c\">mail</a></p>",
        "<svg><title>Chart</title></svg>",
        "<p><a href=\"/x/\">a link\nover two lines</a></p>",
        "<p class=\"a\n   b\"><a href=\"/x/\"\n  title=\"spread\">a tag over two lines</a></p>",
        "<!-- a comment\n<h3>not a heading</h3>\n-->",
        "<script>if (a < b) { document.write('<h5>') }\n</script>",
        "<p>&lt;h6&gt; as text <a href=\"/x/?a=1&amp;b=2\">query</a></p>",
    ]

    /// Every page of a small site, each made of the shared lines in its own order, at depths 0 to 2.
    static func pages() -> [(path: String, html: String)] {
        let folders = ["", "a/", "b/", "b/c/", "x/y/"]
        return folders.enumerated().map { number, folder in
            let turn = number * 3 % sharedLines.count
            var lines = Array(sharedLines[turn...] + sharedLines[..<turn])
            if number == 3 { lines.insert("<base href=\"/a/\">", at: 4) }
            if number == 4 { lines.removeAll { $0.contains("<h1>") } }
            let body = lines.joined(separator: "\n")
            let heading = number == 4 ? "" : "<h1>Page \(number)</h1>\n"  // the last page has none: said at <body>
            return (folder + "index.html",
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>Page \(number)</title>\n</head>\n<body>\n\(heading)\(body)\n</body>\n</html>\n")
        }
    }

    @Test func aPageFindsTheSameWhateverTheWorkerReadBefore() throws {
        try withTemporaryFolder { root in
            let pages = Self.pages()
            for page in pages { try writeText(page.html, to: root.appendingPathComponent(page.path)) }
            for path in ["x/index.html", "a/x/index.html", "a/here/index.html", "pic.png"] {
                try writeText("", to: root.appendingPathComponent(path))
            }
            guard case .success(let index) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            func findings(of page: (path: String, html: String), memo: LinkMemo?) -> [String] {
                let entry = index.paths.firstIndex(of: Array(page.path.utf8)) ?? -1
                let bytes = Array(page.html.utf8)
                return bytes.withUnsafeBufferPointer { buffer in
                    var inspector = PageInspector(bytes: buffer, entry: entry, index: index, address: .serverRoot,
                                                  collectsExternalLinks: true, memo: memo)
                    let found = inspector.inspect()
                    return found.problems.map { "\($0.offset) \($0.message)" }
                        + found.anchors.sorted().map { "anchor \($0)" }
                        + found.fragmentLinks.map { "\($0.offset) fragment \($0.fragment) of \($0.target)" }
                        + found.externalLinks.map { "\($0.offset) external \($0.url)" }
                }
            }
            let alone = pages.map { findings(of: $0, memo: nil) }
            #expect(alone.allSatisfy { $0.contains { $0.contains("skips from <h2> to <h4>") } })
            #expect(alone[4].contains("70 the page has no <h1>"))
            // Twice through the pages with one worker's memo, forwards and backwards: the second
            // reading of every page steps over the spans the first found clean.
            let memo = LinkMemo()
            for order in [Array(pages.indices), Array(pages.indices.reversed()), Array(pages.indices)] {
                for number in order {
                    #expect(findings(of: pages[number], memo: memo) == alone[number], "page \(pages[number].path)")
                }
            }
        }
    }

    /// A span may start only where nothing is open: here the second page of each pair would step over
    /// the span that closes its title (empty on that page) or its `<svg>`, found clean on the first.
    @Test func nothingOpenIsSteppedOver() throws {
        let text = "<p>" + String(repeating: "words ", count: 10) + "</p>"
        let pairs = [
            ["<title>Page one\n</title>\(text)\n<h1>One</h1>", "<title>\n</title>\(text)\n<h1>Two</h1>"],
            ["\(text)<svg>\n<rect/></svg>\(text)\n<h1>One</h1>\n<title>One</title>",
             "\(text)<svg>\n<rect/></svg>\(text)\n<h1>Two</h1>\n<title>Two</title>"],
        ]
        try withTemporaryFolder { root in
            let pages = pairs.enumerated().flatMap { pair, bodies in
                bodies.enumerated().map { number, body in
                    ("p\(pair)-\(number).html", "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n\(body)\n</body>\n</html>\n")
                }
            }
            for (path, html) in pages { try writeText(html, to: root.appendingPathComponent(path)) }
            guard case .success(let index) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            let memo = LinkMemo()
            for (path, html) in pages {
                let entry = index.paths.firstIndex(of: Array(path.utf8)) ?? -1
                func problems(_ memo: LinkMemo?) -> [String] {
                    Array(html.utf8).withUnsafeBufferPointer { buffer in
                        var inspector = PageInspector(bytes: buffer, entry: entry, index: index, address: .serverRoot,
                                                      collectsExternalLinks: false, memo: memo)
                        return inspector.inspect().problems.map(\.message)
                    }
                }
                #expect(problems(memo) == problems(nil), "\(path)")
            }
        }
    }

    /// Page B read alone finds what it finds after page A with one memo. Each line is at least 48 bytes
    /// and starts with `<`, so each is a span of its own.
    @Test(arguments: [
        // A textarea's text ends where `</textarea` is: on A right after the span, on B later.
        ("textarea", "<textarea>\n\(filler)\n</textarea>\n\(end)", "<textarea>\n\(filler)\n<img src=\"pic.png\">\n</textarea>\n\(end)"),
        // A tag left open at the end of A ends with the page; on B the same line goes on into the next.
        ("page end", "<div class=\"\(filler)\"\n", "<div class=\"\(filler)\"\n<img src=\"pic.png\">\n\(end)"),
        // A's second title (ignored there) is B's first.
        ("title", "<title>The first title, long enough to be a span of its own</title>\n<title>The second, \(filler)</title>\n\(end)",
         "<title>The second, \(filler)</title>\n\(end)"),
        // A's second body (ignored there) is B's first: where B's missing <h1> is reported.
        ("body", "<body class=\"one\"><p>\(filler)</p>\n<body class=\"two\"><p>\(filler)</p>\n\(end)",
         "<body class=\"two\"><p>\(filler)</p>\n\(end)"),
    ])
    func whatFollowsASpanOrCameBeforeItIsNotAssumed(name: String, pageA: String, pageB: String) throws {
        let index = OutputIndex(files: ["a.html", "b.html", "pic.png"])
        func findings(_ body: String, path: String, memo: LinkMemo?) -> [String] {
            let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\n" + body
            let entry = index.paths.firstIndex(of: Array(path.utf8)) ?? -1
            return Array(html.utf8).withUnsafeBufferPointer { buffer in
                var inspector = PageInspector(bytes: buffer, entry: entry, index: index, address: .serverRoot,
                                              collectsExternalLinks: false, memo: memo)
                return inspector.inspect().problems.map { "\($0.offset) \($0.message)" }
            }
        }
        let alone = findings(pageB, path: "b.html", memo: nil)
        let memo = LinkMemo()
        _ = findings(pageA, path: "a.html", memo: memo)
        #expect(findings(pageB, path: "b.html", memo: memo) == alone, "\(name)")
    }

    static let filler = String(repeating: "x", count: 50)
    static let end = "</body></html>\n"

    /// Pages put together at random from pieces that open and close things across lines (links, titles,
    /// comments, scripts, tags spread over lines, headings of every level): with one worker's memo,
    /// read in order, every page finds what it finds alone.
    @Test func randomPagesFindTheSameWithAMemo() throws {
        let pieces = Self.sharedLines + [
            "<a href=\"/x/\">", "</a>", "<title>", "</title>", "<svg>", "</svg>", "<!--", "-->", "<script>", "</script>",
            "<style>p { color: red }", "</style>", "<textarea>", "</textarea>", "<p", " id=\"late\">", "<h1>One</h1>",
            "<h3>Three</h3>", "<h5>Five</h5>", "<a href=\"../../x/\">up</a>", "<a href=\"x/\">down</a>",
            "<img src=\"/pic.png\" alt=\"\">", "plain text", "<a name=\"n\"></a>", "<a href=\"#late\">late</a>",
            String(repeating: "<li><a href=\"/x/\">a long line of links</a></li>", count: 3),
        ]
        try withTemporaryFolder { root in
            let folders = ["", "a/", "b/c/"]
            for path in ["x/index.html", "a/x/index.html", "pic.png"] { try writeText("", to: root.appendingPathComponent(path)) }
            var pages: [(path: String, html: String)] = []
            var generator = SeededGenerator(seed: 24)
            for number in 0..<120 {
                var lines: [String] = []
                for _ in 0..<Int.random(in: 4...24, using: &generator) {
                    var line = ""
                    for _ in 0..<Int.random(in: 1...3, using: &generator) { line += pieces.randomElement(using: &generator) ?? "" }
                    lines.append(String(repeating: " ", count: Int.random(in: 0...2, using: &generator)) + line)
                }
                let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n" + lines.joined(separator: "\n") + "\n</body>\n</html>\n"
                pages.append((folders[number % folders.count] + "p\(number).html", html))
            }
            for page in pages { try writeText(page.html, to: root.appendingPathComponent(page.path)) }
            guard case .success(let index) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            let memo = LinkMemo()
            var differing: [String] = []
            for page in pages + pages.reversed() {
                let entry = index.paths.firstIndex(of: Array(page.path.utf8)) ?? -1
                func findings(_ memo: LinkMemo?) -> [String] {
                    Array(page.html.utf8).withUnsafeBufferPointer { buffer in
                        var inspector = PageInspector(bytes: buffer, entry: entry, index: index, address: .serverRoot,
                                                      collectsExternalLinks: true, memo: memo)
                        let found = inspector.inspect()
                        return found.problems.map { "\($0.offset) \($0.message)" } + found.anchors.sorted()
                            + found.fragmentLinks.map { "\($0.offset) #\($0.fragment)" } + found.externalLinks.map(\.url)
                    }
                }
                if findings(memo) != findings(nil) { differing.append(page.path) }
            }
            #expect(differing.isEmpty, "pages whose findings depend on the memo: \(differing.prefix(5))")
        }
    }

    @Test func aSpanEndsBeforeTheFirstTagOfALaterLineAtLeast48BytesOn() {
        let long = "<li>" + String(repeating: "a", count: 50) + "\n"  // 55 bytes
        let text = long + "b</li>\n  <li>c</li>\n\t<p>\n" + long + long
        let ends = Array(text.utf8).withUnsafeBufferPointer { bytes in
            [0, 64, 80, 136].map { CleanSpans.end(ofSpanAt: $0, in: bytes) }
        }
        // Line by line: a line that does not start with a tag goes on; `<li>c` is 12 bytes before `<p>`.
        #expect(ends == [64, 135, 135, 190])
        #expect(Array("no line break".utf8).withUnsafeBufferPointer { CleanSpans.end(ofSpanAt: 0, in: $0) } == 13)
    }

    @Test func theSameBytesAtAnotherDepthOrAfterAnotherHeadingAreAnotherSpan() {
        let spans = CleanSpans()
        let line = Array("<li><a href=\"../x/\">X</a></li>\n".utf8)
        let atOne = line.withUnsafeBufferPointer { spans.key(of: $0, depth: 1) }
        let atTwo = line.withUnsafeBufferPointer { spans.key(of: $0, depth: 2) }
        let afterH2 = line.withUnsafeBufferPointer { spans.key(of: $0, depth: 1, headingLevel: 2) }
        spans.insert(atOne)
        spans.insert(afterH2, headingLevel: 3)
        #expect(spans.headingLevel(after: atOne) == 0)
        #expect(spans.headingLevel(after: atTwo) == nil)
        let collecting = line.withUnsafeBufferPointer { spans.key(of: $0, depth: 1, collectsExternalLinks: true) }
        #expect(spans.headingLevel(after: collecting) == nil, "a check that lists external links reads them again")
        let other = line.withUnsafeBufferPointer { CleanSpans().key(of: $0, depth: 1) }
        #expect(other != atOne, "each table has its own seed")
        #expect(spans.headingLevel(after: afterH2) == 3)
        spans.insert(afterH2, headingLevel: 4)
        #expect(spans.headingLevel(after: afterH2) == 4)
        #expect(spans.headingLevel(after: atOne) == 0, "updating a span keeps the other slot")
    }
}
