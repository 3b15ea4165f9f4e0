import Foundation
import Testing
@testable import CityPressRender
@testable import CityPressSite

/// Links inside declaration texts: site links made relative per page, relative links refused.
@Suite struct BodyLinksTests {
    @Test func siteLinksAreMadeRelativeOnEveryPageThatShowsTheText() throws {
        let (pages, diagnostics) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let expectations: [(page: String, links: [String])] = [
            ("declarations/second-accord/index.html",
             ["../../declarations/first-accord/#commitment-3", "../../cities/lodz/", "\"#commitment-1\""]),
            ("declarations/second-accord/commitments/2/index.html",
             ["../../../../declarations/first-accord/#commitment-3", "../../../../cities/lodz/",
              "../../../../declarations/second-accord/#commitment-1"]),
            ("commitments/index.html",
             ["../declarations/first-accord/#commitment-3", "../cities/lodz/", "../declarations/second-accord/#commitment-1"]),
        ]
        for (path, links) in expectations {
            let page = try #require(pages[path], "\(path) missing")
            for link in links { #expect(page.contains(link), "\(path) lacks \(link)") }
            #expect(!page.contains("href=\"/declarations") && !page.contains("href=\"/cities"), "\(path) kept a root link")
        }
    }

    /// In a language tree (`fr/`), links to the pages every language has stay in the tree; links to a
    /// declaration, a commitment or an asset lead to the site's.
    @Test func siteLinksStayInTheLanguageTreeWhereThePageIsThere() {
        let html = "<a href=\"/cities/lodz/\">a</a><a href=\"/countries/\">b</a><a href=\"/\">c</a>"
            + "<a href=\"/declarations/x/#commitment-2\">d</a><a href=\"/cities/lodz/map.png\">e</a><img src=\"/assets/m.png\">"
        let links = Links(depth: 3, tree: "fr/")
        #expect(BodyLinks.relinked(html, links: links, declarationSlug: "x", onDeclarationPage: true)
                == "<a href=\"../../../fr/cities/lodz/\">a</a><a href=\"../../../fr/countries/\">b</a><a href=\"../../../fr/\">c</a>"
                + "<a href=\"../../../declarations/x/#commitment-2\">d</a><a href=\"../../../cities/lodz/map.png\">e</a><img src=\"../../../assets/m.png\">")
        // Outside a tree nothing changes.
        #expect(BodyLinks.relinked(html, links: Links(depth: 3), declarationSlug: "x", onDeclarationPage: true)
                == "<a href=\"../../../cities/lodz/\">a</a><a href=\"../../../countries/\">b</a><a href=\"../../../\">c</a>"
                + "<a href=\"../../../declarations/x/#commitment-2\">d</a><a href=\"../../../cities/lodz/map.png\">e</a><img src=\"../../../assets/m.png\">")
    }

    /// PDFs are printed from a local copy of the print page: a relative link would print as a
    /// `file://` path of the build machine.
    @Test func paperLinksGoToThePublishedSiteOrBecomeText() throws {
        let html = "<p><a href=\"/cities/lodz/\">Łódź</a> and <a href=\"#commitment-1\">one</a>, <a href=\"https://example.org/\">x</a> <img src=\"/assets/m.png\" alt=\"m\"></p>"
        #expect(BodyLinks.forPaper(html, baseURL: "https://cities.example/", fragmentsOn: "declarations/a/")
                == "<p><a href=\"https://cities.example/cities/lodz/\">Łódź</a> and <a href=\"https://cities.example/declarations/a/#commitment-1\">one</a>, <a href=\"https://example.org/\">x</a> <img src=\"../../../assets/m.png\" alt=\"m\"></p>")
        #expect(BodyLinks.forPaper(html, baseURL: nil, fragmentsOn: "declarations/a/")
                == "<p><a>Łódź</a> and <a>one</a>, <a href=\"https://example.org/\">x</a> <img src=\"../../../assets/m.png\" alt=\"m\"></p>")
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let print = try #require(pages["declarations/second-accord/print/index.html"])
        // The fixture's site.yml sets base_url: its print edition links to the published pages.
        #expect(print.contains("<a href=\"https://example.org/declarations/declarations/first-accord/#commitment-3\">the First Accord</a>"))
        #expect(print.contains("<a href=\"https://example.org/declarations/cities/lodz/\">Łódź</a>"))
        #expect(!print.contains("../../../cities/lodz/"), "no relative link in the print edition's text")
    }

    /// A translation's print edition links to the pages in its language (its tree) and to its own
    /// commitments; an update's print edition, whose actions and cities are linked as on its web page,
    /// links to the published site too (its PDFs named the build machine's temporary folder).
    @Test func translationsAndUpdatesLinkThePublishedSiteOnPaper() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let arabic = try #require(pages["ar/declarations/second-accord/print/index.html"])
        #expect(arabic.contains("href=\"https://example.org/declarations/ar/cities/lodz/\">Łódź</a>"), "\(arabic)")
        #expect(arabic.contains("href=\"https://example.org/declarations/ar/declarations/second-accord/#commitment-1\""))
        #expect(arabic.contains("href=\"https://example.org/declarations/declarations/first-accord/#commitment-3\""), "no tree: the original")
        let (site, templates) = try preparedFixtureSite()
        let renderer = SiteRenderer(site: site, templates: templates)
        let editions = renderer.updatePrintEditions(of: Array(site.declarations.indices), on: [.a4])
        #expect(!editions.isEmpty)
        for edition in editions {
            let html = String(decoding: edition.html, as: UTF8.self)
            let anchors = html.components(separatedBy: "<a ").dropFirst().map { $0.prefix { $0 != ">" } }
            #expect(anchors.allSatisfy { !$0.contains("href=\"..") }, "\(anchors)")
            #expect(html.contains("<link rel=\"stylesheet\" href=\"../../../../../assets/print.css\">"), "the copy's stylesheet stays")
        }
        let linked = editions.map { String(decoding: $0.html, as: UTF8.self) }
        #expect(linked.contains { $0.contains("<a href=\"https://example.org/declarations/cities/lodz/\">") })
        #expect(linked.contains { $0.contains("<a href=\"https://example.org/declarations/declarations/second-accord/#commitment-1\">") })
        // Without a base URL, such links become text.
        let folder = "declarations/a/updates/2022/print/"
        #expect(String(decoding: BodyLinks.anchorsForPaper(Array("<a href=\"../../../../../cities/x/\">X</a> <a href=\"#top\">t</a> <a class=\"c\" href=\"https://o.example/\">o</a>".utf8),
                                                            folder: folder, baseURL: nil), as: UTF8.self)
                == "<a>X</a> <a href=\"#top\">t</a> <a class=\"c\" href=\"https://o.example/\">o</a>")
        #expect(String(decoding: BodyLinks.anchorsForPaper(Array("<a href=\"../x/?q=1#f\">X</a>".utf8), folder: folder, baseURL: "https://s.example/"),
                       as: UTF8.self) == "<a href=\"https://s.example/declarations/a/updates/2022/x/?q=1#f\">X</a>")
    }

    /// A draft's print edition says it is one, as its web page does: a circulated PDF looked final.
    @Test func aDraftsPrintEditionIsMarkedDraft() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"), drafts: true)
        #expect(try #require(pages["declarations/draft-accord/print/index.html"]).contains("<p class=\"kicker\">Mayoral Declaration · <strong class=\"draft\">Draft</strong></p>"))
        #expect(try #require(pages["declarations/first-accord/print/index.html"]).contains("<p class=\"kicker\">Mayoral Declaration</p>"))
    }

    @Test func indexFileLinksNameIndexHTML() {
        let links = Links(depth: 4, style: .indexFiles)
        #expect(BodyLinks.relinked("<a href=\"/cities/lodz/\">x</a><a href=\"/declarations/a/#commitment-2\">y</a>",
                                   links: links, declarationSlug: "a", onDeclarationPage: false)
                == "<a href=\"../../../../cities/lodz/index.html\">x</a><a href=\"../../../../declarations/a/index.html#commitment-2\">y</a>")
        #expect(BodyLinks.relinked("<a href=\"#commitment-1\">z</a> <img src=\"/assets/x.png\" alt=\"\"> <a href=\"//example.org/\">e</a>",
                                   links: links, declarationSlug: "a", onDeclarationPage: false)
                == "<a href=\"../../../../declarations/a/index.html#commitment-1\">z</a> <img src=\"../../../../assets/x.png\" alt=\"\"> <a href=\"//example.org/\">e</a>")
    }

    /// The reported bug: a relative link copied onto pages at other depths. Now an error at its line.
    @Test func relativeAndBrokenSiteLinksAreErrorsAtTheirLine() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let file = site.appendingPathComponent("Content/declarations/second-accord.md")
            var text = try readText(file)
            text = text.replacingOccurrences(of: "(/declarations/first-accord/#commitment-3)",
                                              with: "(../first-accord/#commitment-8)")
            text = text.replacingOccurrences(of: "(/cities/lodz/)", with: "(/cities/lodzz/)")
            text = text.replacingOccurrences(of: "(#commitment-1)", with: "(#commitment-9)")
            text += "\nSee [the list](/declarations/first-accord/commitments/7/) and [this](/nowhere/).\n"
            text += "\n[a](#commitment-02) [b](/declarations/first-accord/print/#commitment-1) [c](www.example.org/x) [d](/404.html)\n"
            try writeText(text, to: file)
            let (_, diagnostics) = try renderInMemory(content: site.appendingPathComponent("Content"))
            let errors = diagnostics.filter { $0.severity == .error }.map { "\($0.location.map { "\($0)" } ?? ""): \($0.message) \($0.notes)" }
            func expectError(_ fragment: String, at position: String) {
                #expect(errors.contains { $0.contains(fragment) && $0.contains("second-accord.md:\(position):") },
                        "no error '\(fragment)' at \(position) in \(errors)")
            }
            expectError("relative link '../first-accord/#commitment-8'", at: "19:41")
            expectError("/declarations/first-accord/#commitment-8", at: "19:41")
            expectError("unknown city 'lodzz' (did you mean 'lodz'?)", at: "20:16")
            expectError("names commitment 9", at: "20:51")
            expectError("names commitment 7", at: "22:16")
            expectError("link '/nowhere/' names no page", at: "22:70")
            expectError("names commitment 02", at: "24:5")
            expectError("names a place in the print edition", at: "24:25")
            expectError("https://www.example.org/x", at: "24:77")
            expectError("names a file", at: "24:100")
            #expect(errors.count == 9, "\(errors)")
        }
    }

    @Test func relativeLinksResolveFromTheDeclarationFolder() {
        #expect(BodyLinkCheck.resolve("../the-hague/#commitment-8", from: "declarations/x/") == "declarations/the-hague/#commitment-8")
        #expect(BodyLinkCheck.resolve("../../cities/amsterdam", from: "declarations/x/") == "cities/amsterdam/")
        #expect(BodyLinkCheck.resolve("commitments/2/", from: "declarations/x/") == "declarations/x/commitments/2/")
        #expect(BodyLinkCheck.hasScheme("https://example.org") && BodyLinkCheck.hasScheme("mailto:a@b.c"))
        #expect(!BodyLinkCheck.hasScheme("../a:b") && !BodyLinkCheck.hasScheme("/x"))
    }
}
