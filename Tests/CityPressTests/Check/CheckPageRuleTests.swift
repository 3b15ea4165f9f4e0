import Foundation
import Testing
@testable import CityPressCheck

/// Rules 3–7: ids, alt texts, title, lang and one h1, heading levels, link texts; and the HTML5 that
/// users' templates may write (comments, raw text, unquoted and uppercase names).
@Suite struct CheckPageRuleTests {
    @Test func anIdUsedTwiceIsAnErrorAtTheSecond() throws {
        let found = try check(["a.html": validPage(#"<p id="x">1</p>\#n<div class="b" id="x">2</div> <p id="y"></p>"#)])
        #expect(found == ["Public/a.html:9:16: error: id 'x' is used twice on this page"])
    }

    @Test func anImageWithoutAltIsAnErrorButAnEmptyAltIsDecoration() throws {
        let found = try check(["a.html": validPage(#"<img src="a.png" alt=""> <IMG SRC=a.png>\#n<img alt="A map" src="a.png">"#), "a.png": ""])
        #expect(found == ["Public/a.html:8:26: error: <img> has no alt attribute"])
    }

    /// An empty page is a template that printed nothing (found by a new user with an empty layout, which
    /// `check` passed as "no markup, no page"); text without markup stays a verification file's.
    @Test func anEmptyPageIsAnErrorButTextWithoutMarkupIsNoPage() throws {
        let found = try check(["empty.html": "", "spaces.html": " \n\n", "google1234.html": "google-site-verification: google1234.html"])
        #expect(found == ["Public/empty.html:1:1: error: the page is empty", "Public/spaces.html:1:1: error: the page is empty"])
        // Made by a template (`build --check`), text without markup is a page that lacks it.
        let index = OutputIndex(files: ["city.html"])
        let report = PageReport.inspect(Array("Eastvale\n".utf8), entry: 0, index: index, shownPath: "Public/city.html",
                                        address: .serverRoot, collectsExternalLinks: false, memo: LinkMemo(), isRendered: true)
        #expect(report.diagnostics.map(\.description) == ["Public/city.html:1:1: error: the page has no markup, only text"])
    }

    @Test func aPageNeedsATitleALanguageAndExactlyOneH1() throws {
        let found = try check([
            "no-title.html": "<!DOCTYPE html>\n<html lang=\"en\">\n<body><h1>x</h1></body></html>\n",
            "empty-title.html": validPage(title: "  "),
            "no-lang.html": validPage(html: "<html>"),
            "empty-lang.html": validPage(html: "<html lang=\"\">"),
            "no-html.html": "<title>x</title><h1>x</h1>\n",
            "no-h1.html": "<!DOCTYPE html>\n<html lang=\"en\"><title>x</title>\n<body>\n<h2>x</h2></body></html>\n",
            "two-h1.html": validPage("<h1>Again</h1>"),
            "svg-title.html": "<html lang=\"en\"><body><svg><title>Icon</title></svg><h1>x</h1></body></html>",
        ])
        #expect(found == [
            "Public/empty-lang.html:2:7: error: the lang attribute of <html> is empty",
            "Public/empty-title.html:4:1: error: the page's <title> is empty",
            "Public/no-h1.html:3:1: error: the page has no <h1>",
            "Public/no-html.html:1:1: error: the page has no <html> tag with a lang attribute",
            "Public/no-lang.html:2:1: error: <html> has no lang attribute",
            "Public/no-title.html:2:1: error: the page has no <title>",
            "Public/svg-title.html:1:1: error: the page has no <title>",
            "Public/two-h1.html:8:1: error: a second <h1> on the page",
        ])
    }

    /// A page template that included its layout (`{{>layout}}`) instead of extending it prints the page's
    /// own markup after `</html>`; text before the layout lands before `<html>`. Browsers move both into
    /// `<body>` without a word. Comments and whitespace around the document are fine.
    @Test func markupBeforeHTMLOrAfterItsEndIsAnErrorOncePerPage() throws {
        // Long enough to be a clean span on the first page, read again on the others.
        let article = "<article class=\"city\">\n<p>Łódź endorses the declaration of the network.</p>\n</article>\n"
        let found = try check([
            "a-fine.html": validPage(article) + "<!-- built -->\n",
            "b-after.html": validPage() + article + "<p>more</p>\n",
            "c-before.html": "<p>before</p>\n" + validPage(),
            "d-text.html": "<!DOCTYPE html>\n<!-- a comment -->\n" + validPage().dropFirst(16) + "trailing words\n",
        ])
        #expect(found == [
            "Public/b-after.html:11:1: error: a tag after </html>",
            "Public/c-before.html:1:1: error: content before <html>",
            "Public/d-text.html:12:1: error: text after </html>",
        ])
    }

    @Test func headingLevelsGoDownOneAtATime() throws {
        let body = "<h2>a</h2>\n<h4>skips</h4>\n<h3>fine</h3><h2>up is fine</h2><h1>x</h1><h3>skips</h3>\n<H6>skips</H6>"
        let found = try check(["a.html": validPage(body)])
        #expect(found == [
            "Public/a.html:9:1: error: heading level skips from <h2> to <h4>",
            "Public/a.html:10:33: error: a second <h1> on the page",
            "Public/a.html:10:43: error: heading level skips from <h1> to <h3>",
            "Public/a.html:11:1: error: heading level skips from <h3> to <h6>",
        ])
        // The first heading may be any level (a site header's <h2> before the page's <h1>).
        #expect(try check(["b.html": "<html lang=\"en\"><title>b</title><h3>x</h3><h1>y</h1><h2>z</h2></html>"]) == [])
    }

    @Test func aLinkNeedsTextALabelOrAnImageWithAlt() throws {
        let body = """
        <a href="a.html"> </a> <a href="a.html"><img src="a.png" alt=""></a>
        <a href="a.html">text</a> <a href="a.html" aria-label="Home"></a> <a href="a.html" aria-labelledby="l"></a>
        <a href="a.html"><img src="a.png" alt="Home"></a> <a href="a.html"><span><b>deep</b></span></a>
        <a href="a.html"><svg><title>Home</title></svg></a> <a name="anchor"></a> <a href="a.html"><!-- x --></a>
        <a href="a.html"><script>document.write("x")</script></a>
        <a href="a.html">&nbsp;</a> <a href="a.html">&#x20;&#10;\u{A0}</a> <a href="a.html">&amp;</a> <a href="a.html">é</a>
        """
        let found = try check(["a.html": validPage(body), "a.png": ""])
        // Spaces written as references, or as no-break spaces, are no text; `&amp;` and `é` are.
        #expect(found == [
            "Public/a.html:8:1: error: link 'a.html' has no text",
            "Public/a.html:8:24: error: link 'a.html' has no text",
            "Public/a.html:11:75: error: link 'a.html' has no text",
            "Public/a.html:12:1: error: link 'a.html' has no text",
            "Public/a.html:13:1: error: link 'a.html' has no text",
            "Public/a.html:13:29: error: link 'a.html' has no text",
        ])
    }

    @Test func readsWhatTemplatesMayWrite() throws {
        let page = """
        <!doctype HTML>
        <HTML LANG=en><HEAD><TITLE>Mixed &amp; case</TITLE>
        <style>h1 > a { content: "<h1>"; }</style>
        <script>if (a < b && c > d) { document.write("<h1>x</h1><a href='gone'></a>"); }</script>
        <script type="module">const s = "</scrip" + "t>";</script>
        </HEAD><BODY>
        <!-- <a href="commented-out.html">x</a> <h1>no</h1> -->
        <!----> <!-- a -- b --> <?php echo "x"; ?>
        <H1 class=title data-x='a>b'>One</H1>
        <p title="<a href=x>">text</p> <br/> <input value=x disabled>
        <a href=a.html#TOP>case-insensitive top</a> <textarea><a href="gone"></a></textarea>
        <a href="a.html">end tag with a quoted &gt;</a title="><img src=gone.png>"><A HREF=a.html>x</A class='>'>
        </BODY></HTML>
        """
        #expect(try check(["a.html": page]) == [])
    }
}

/// The packed names in `HTMLElement` and `HTMLAttributeName` are integer literals: each must be its name.
@Suite struct HTMLNameTests {
    @Test func everyPackedNameIsItsElement() {
        let elements: [(StaticString, HTMLElement)] = [
            ("a", .a), ("area", .area), ("base", .base), ("body", .body), ("head", .head), ("html", .html), ("img", .img),
            ("link", .link), ("script", .script), ("style", .style), ("svg", .svg), ("textarea", .textarea),
            ("title", .title), ("h1", .heading(1)), ("h6", .heading(6)), ("h7", .other), ("span", .other),
            ("textareas", .other),
        ]
        for (name, element) in elements { #expect(HTMLElement(HTMLName(name)) == element, "\(name)") }
    }

    @Test func everyPackedNameIsItsAttribute() {
        let attributes: [(String, HTMLAttributeName?)] = [
            ("alt", .alt), ("aria-label", .ariaLabel), ("ARIA-LABELLEDBY", .ariaLabelledBy), ("href", .href), ("id", .id),
            ("lang", .lang), ("name", .name), ("poster", .poster), ("src", .src), ("srcset", .srcset), ("class", nil),
            ("aria-labelxx", nil), ("aria-lab", nil), ("hreflang", nil),
        ]
        for (name, expected) in attributes {
            let bytes = Array(name.utf8)
            let found = bytes.withUnsafeBufferPointer { buffer in
                HTMLAttributeName(HTMLName(bytes: buffer, start: 0, end: buffer.count), bytes: buffer, start: 0)
            }
            #expect(found == expected, "\(name)")
        }
    }
}

/// Whatever a page's bytes are, reading it ends, and every reported position is inside the page.
@Suite struct CheckRobustnessTests {
    @Test func everyPrefixOfATrickyPageAndRandomBytesAreRead() throws {
        let page = Array("""
        <!DOCTYPE html><html lang=en><title>x &amp; y</title><!-- c --><script>a<b</script><style>p{}</style>
        <a href="a.html?x=1&amp;y=%C3%A9#f" aria-label='z'>t</a><img src=x.png srcset="a 1x,b 2x , c" alt>
        <h1 id=a>h</h1><h3 id=a>i</h3><![CDATA[x]]><?x?></ br><a href=#&#x2F;&#999999999;>&</a><svg><title>s</title></svg>
        <textarea><a href=gone></textarea><base href="../"><a href="../../../../x">u</a><
        """.utf8)
        try withTemporaryFolder { root in
            try writeText("", to: root.appendingPathComponent("a.html"))
            guard case .success(let index) = OutputIndex.scan(root: root.path) else { Issue.record("no index"); return }
            var generator = SystemRandomNumberGenerator()
            let random = (0..<2000).map { _ in [UInt8]("<>=\"'/ &#;a!-h1".utf8).randomElement(using: &generator) ?? 0 }
            for bytes in (0...page.count).map({ Array(page[..<$0]) }) + [random] {
                bytes.withUnsafeBufferPointer { buffer in
                    var inspector = PageInspector(bytes: buffer, entry: 0, index: index, address: .serverRoot,
                                                  collectsExternalLinks: true)
                    let found = inspector.inspect()
                    #expect(found.problems.allSatisfy { (0...buffer.count).contains($0.offset) })
                    _ = LinePositions.locations(of: found.problems.map(\.offset), in: buffer, path: "a.html")
                }
            }
        }
    }
}
