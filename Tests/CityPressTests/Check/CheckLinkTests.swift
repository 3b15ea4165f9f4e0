import Foundation
import Testing
@testable import CityPressCheck

/// Rules 1 and 2: links and sources name files of the site; fragments name an anchor of their page.
@Suite struct CheckLinkTests {
    @Test func linksResolveLikeABrowserAndAStaticServer() throws {
        let body = """
        <a href="../../cities/x/">folder</a> <a href="../../cities/x">folder without slash</a>
        <a href="./">here</a> <a href="index.html?q=1&amp;r=2">query</a> <a href="/">root</a>
        <a href="../../caf%C3%A9/">percent</a> <a href=" ../../cities/x/ ">spaces</a> <a href="">empty</a>
        <a href="https://example.com/">http</a> <a href="mailto:a@b.c">mail</a> <a href="tel:+1">tel</a>
        <a href="javascript:void(0)">js</a> <img src="data:image/png;base64,AA" alt=""> <a href="//example.com/">scheme-relative</a>
        <link rel="stylesheet" href="../../assets/site.css"> <script src="../../assets/app.js"></script>
        """
        let found = try check([
            "cities/y/index.html": validPage(body),
            "cities/x/index.html": validPage(),
            "café/index.html": validPage(),
            "index.html": validPage(),
            "assets/site.css": "", "assets/app.js": "",
        ])
        #expect(found == [])
    }

    @Test func aLinkOrSourceToNoFileIsAnErrorAtItsAttribute() throws {
        let body = """
        <a href="../amstrdam/">typo</a>
        <img src="logo.png" alt="Logo"><img srcset="a.png 1x, ../../b.png 2x" alt="">
        <video poster="p.jpg"></video> <a href="../../../../x/">up</a> <a href="../../empty/">folder</a>
        <A HREF=nowhere.html>uppercase, unquoted</A>
        """
        let found = try check(["cities/y/index.html": validPage(body), "cities/y/a.png": "", "empty/readme.txt": ""])
        #expect(found == [
            "Public/cities/y/index.html:8:4: error: broken link '../amstrdam/': no file cities/amstrdam/index.html in the site",
            "Public/cities/y/index.html:9:6: error: broken src 'logo.png': no file cities/y/logo.png in the site",
            "Public/cities/y/index.html:9:37: error: broken srcset candidate '../../b.png': no file b.png in the site",
            "Public/cities/y/index.html:10:8: error: broken poster 'p.jpg': no file cities/y/p.jpg in the site",
            "Public/cities/y/index.html:10:35: error: broken link '../../../../x/': it goes above the site's root folder",
            "Public/cities/y/index.html:10:67: error: broken link '../../empty/': the folder empty/ has no index.html",
            "Public/cities/y/index.html:11:4: error: broken link 'nowhere.html': no file cities/y/nowhere.html in the site",
        ])
    }

    @Test func aBaseURLMakesAbsoluteLinksToTheSiteInternalAndRootRelativeLinksStartBelowItsPath() throws {
        let body = """
        <a href="https://Example.org/declarations/cities/">absolute</a> <a href="/declarations/">rooted</a>
        <a href="https://example.org/declarations/gone/">absolute, broken</a> <a href="/elsewhere/">outside</a>
        <a href="https://example.org/other/">another site on the host</a>
        """
        let files = ["index.html": validPage(body), "cities/index.html": validPage()]
        let found = try check(files, baseURL: "https://example.org/declarations/")
        #expect(found == [
            "Public/index.html:9:4: error: broken link 'https://example.org/declarations/gone/': no file gone/index.html in the site",
            "Public/index.html:9:74: error: broken link '/elsewhere/': it is outside the site's base URL",
        ])
        // Without the base URL, root-relative links start from the output folder.
        let withoutBase = try check(files)
        #expect(withoutBase.contains(
            "Public/index.html:8:68: error: broken link '/declarations/': no file declarations/index.html in the site"))
    }

    @Test func aFragmentNamesAnIdOrAnchorOfItsPage() throws {
        let first = validPage("""
        <a href="#main">skip</a> <a href="#nowhere">broken</a> <a href="#top">top</a> <a href="#">top too</a>
        <a href="second.html#part-2">other page</a> <a href="second.html#part-9">other page, broken</a>
        <a href="second.html#old">named anchor</a> <a href="first.html#caf%C3%A9">encoded</a>
        <main id="main"><p id="café">x</p></main>
        """)
        let second = validPage(#"<section id="part-2"><a name="old">old</a></section>"#)
        let found = try check(["first.html": first, "second.html": second])
        #expect(found == [
            "Public/first.html:8:29: error: link '#nowhere' names no id 'nowhere' on this page",
            "Public/first.html:9:48: error: link 'second.html#part-9' names no id 'part-9' on second.html",
        ])
    }
}

/// The memo of resolved links, shared by the pages one worker reads, gives what resolving again would.
@Suite struct LinkMemoTests {
    /// More links than the memo has slots (40,000 spellings of 100 files, with queries, and of 100 missing
    /// ones): those it forgot are resolved again, none comes back wrong.
    @Test func aFullMemoStillAnswersRight() throws {
        try withTemporaryFolder { root in
            for number in 0..<100 { try writeText("", to: root.appendingPathComponent("c/\(number)/index.html")) }
            try writeText("", to: root.appendingPathComponent("p/index.html"))
            guard case .success(let index) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            let page = try #require(index.paths.firstIndex(of: Array("p/index.html".utf8)))
            let memo = LinkMemo()
            var wrong: [String] = []
            for pass in 0..<2 {
                for spelling in stride(from: 0, to: 400, by: 1 + pass) {
                    for number in 0..<200 {
                        let text = "../c/\(number)/?v=\(spelling)"
                        let link = Array(text.utf8)
                        var remembering = LinkResolver(index: index, address: .serverRoot, page: page, memo: memo)
                        var fresh = LinkResolver(index: index, address: .serverRoot, page: page)
                        let expected = link.withUnsafeBufferPointer { fresh.resolve($0) }
                        let found = link.withUnsafeBufferPointer { remembering.resolve($0) }
                        if found != expected { wrong.append("\(text): \(found), not \(expected)") }
                    }
                }
            }
            #expect(wrong.prefix(3) == [])
        }
    }

    @Test func onlyLinksThatClimbToTheRootAreShared() throws {
        try withTemporaryFolder { root in
            for path in ["x/index.html", "a/index.html", "b/c/index.html", "b/x/other.html"] {
                try writeText("", to: root.appendingPathComponent(path))
            }
            guard case .success(let index) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            let memo = LinkMemo()
            func resolve(_ link: String, from page: String) -> LinkTarget {
                let entry = index.paths.firstIndex(of: Array(page.utf8)) ?? -1
                var resolver = LinkResolver(index: index, address: .serverRoot, page: entry, memo: memo)
                return Array(link.utf8).withUnsafeBufferPointer { resolver.resolve($0) }
            }
            let x = try #require(index.paths.firstIndex(of: Array("x/index.html".utf8)))
            #expect(resolve("../x/", from: "a/index.html") == .file(x, fragment: nil))
            #expect(resolve("../x/", from: "b/c/index.html") == .folderWithoutIndex("b/x/"))
            #expect(resolve("../../x/", from: "b/c/index.html") == .file(x, fragment: nil))
            #expect(resolve("/x/", from: "b/c/index.html") == .file(x, fragment: nil))
            #expect(resolve("other.html", from: "a/index.html") == .missing("a/other.html"))
            #expect(resolve("../x/other.html", from: "b/c/index.html") != resolve("../x/other.html", from: "a/index.html"))
        }
        // A target linked from pages at different depths is one entry: the key is what follows the climb.
        func key(_ link: String, depth: Int) -> String? {
            Array(link.utf8).withUnsafeBufferPointer { url in
                LinkMemo.key(of: url, depth: depth).map { String(decoding: $0.bytes, as: UTF8.self) + ($0.fromRoot ? " from the root" : "") }
            }
        }
        #expect(key("../../cities/x/", depth: 2) == "cities/x/ from the root")
        #expect(key("../../../../cities/x/", depth: 4) == "cities/x/ from the root")
        #expect(key("/cities/x/", depth: 4) == "/cities/x/")
        #expect(key("../cities/x/", depth: 2) == nil)
        #expect(Array("../../x/".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 2) })
        #expect(!Array("../x/".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 2) })
        #expect(!Array("/x/#part".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 2) })
        #expect(Array("x/".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 0) })
        #expect(Array("https://example.org/x/".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 2) })
        #expect(Array("mailto:a@b.c".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 2) })
        #expect(!Array("a/b:c".utf8).withUnsafeBufferPointer { LinkMemo.isIndependent($0, depth: 2) })
    }
}
