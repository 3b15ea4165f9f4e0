import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressCore
@testable import CityPressPrint
@testable import CityPressRender
@testable import CityPressScaffold
@testable import CityPressSite

@Suite struct PrintEditionTests {
    func pages() throws -> [String: String] {
        try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content")).pages
    }

    @Test func printPageIsADocumentWithTitleBlockTextSignatoriesAndColophon() throws {
        let page = try #require(try pages()["declarations/first-accord/print/index.html"])
        #expect(!page.contains("<header class=\"site-header\""))
        #expect(!page.contains("site-footer"))
        #expect(page.contains("print.css"))
        #expect(!page.contains("site.css"))
        for text in ["Fixture Network of Cities", "First Summit of the Fixture Network", "Town Hall", "Poznań, Poland",
                     "1–2 March 2021", "Mayoral Declaration", "<h1>First Accord</h1>"] {
            #expect(page.contains(text), "title block lacks \(text)")
        }
        #expect(page.contains("<ol class=\"commitments\" start=\"1\">"))
        #expect(page.contains("<li value=\"3\">"))
        #expect(page.contains("as of 1 April 2021"))
        #expect(page.contains("Edition of 1 April 2021"))
        #expect(page.contains("https://example.org/declarations/declarations/first-accord/"))
        #expect(page.contains("@bottom-left { content: \"First Accord\"; }"))
        // Grouped by country as on the web page: Poland before United Kingdom.
        let poland = try #require(page.range(of: "<h3>Poland</h3>")), uk = try #require(page.range(of: "<h3>United Kingdom</h3>"))
        #expect(poland.lowerBound < uk.lowerBound)
    }

    @Test func declarationPagesOfferPDFsOnlyWhenBuiltWithThem() throws {
        let page = try #require(try pages()["declarations/first-accord/index.html"])
        #expect(!page.contains(".pdf"))
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path)
        let (site, templates, _) = SiteBuild.prepare(options)
        let sink = MemorySink()
        try SiteRenderer(site: try #require(site), templates: try #require(templates), pdfPapers: Paper.allCases).render(into: sink)
        let withPDFs = try #require(sink.pages["declarations/first-accord/index.html"])
        #expect(withPDFs.contains("href=\"../../declarations/first-accord/first-accord-a4.pdf\" download>PDF, A4</a>"))
        #expect(withPDFs.contains("first-accord-letter.pdf"))
    }

    @Test func theCSSTitleCannotBreakOutOfItsStyleElement() {
        #expect(SiteRenderer.cssString("A \"B\" \\ </style>") == "\"A \\\"B\\\" \\\\ \\3C /style>\"")
        // The running footer shares the bottom margin with the page numbers: a long title is shortened there.
        #expect(SiteRenderer.footerTitle("The Hague Mayoral Declaration") == "The Hague Mayoral Declaration")
        let long = "The Declaration of the Mayors and City Leaders on Inclusive, Resilient and Safe Communities Everywhere"
        #expect(SiteRenderer.footerTitle(long) == "The Declaration of the Mayors and City Leaders on Inclusive, Resilient…")
        #expect(SiteRenderer.footerTitle(String(repeating: "a", count: 110)) == String(repeating: "a", count: 71) + "…")
    }

    /// What a PDF is printed from is rendered, not patched: the print page with the paper size fixed
    /// and the declaration's title as the document's (the browser stores it as the PDF's title).
    @Test func printEditionsFixSizeAndTitle() throws {
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path)
        let (site, templates, _) = SiteBuild.prepare(options)
        let renderer = SiteRenderer(site: try #require(site), templates: try #require(templates))
        let index = try #require(renderer.site.declarations.firstIndex { $0.slug == "first-accord" })
        let editions = renderer.printEditions(of: [index], on: [.a4, .letter])
        #expect(editions.map(\.paper) == [.a4, .letter])
        #expect(editions.allSatisfy { $0.folder == "declarations/first-accord/print/" })
        let a4 = String(decoding: try #require(editions.first).html, as: UTF8.self)
        #expect(a4.contains("<title>First Accord</title>"))
        #expect(a4.contains("<style>@page { size: A4; }</style>\n</head>"))
        #expect(String(decoding: try #require(editions.last).html, as: UTF8.self).contains("size: letter;"))
        let web = try #require(try pages()["declarations/first-accord/print/index.html"])
        #expect(!web.contains("size:"))
        #expect(web.contains("<title>First Accord (print edition) — "))
    }

    @Test func aMissingBrowserIsAClearError() {
        guard case .failure(let error) = Browser.locate(explicitPath: nil, environment: ["PATH": "/nonexistent"]) else {
            Issue.record("found a browser in an empty PATH"); return
        }
        #expect(error.diagnostic.message.contains("no Chromium browser found"))
        #expect(error.diagnostic.notes.contains { $0.contains("apt-get install chromium") })
        guard case .failure = Browser.locate(explicitPath: "/nonexistent/chrome") else {
            Issue.record("accepted a missing --browser"); return
        }
    }

    /// When the browser prints nothing, the message names the cause it wrote, not its desktop-bus noise.
    @Test func aFailedPrintSaysWhy() {
        let denied = "[1:2:ERROR:bus.cc(407)] Failed to connect to the bus: dbus\n[3:4:ERROR:pdf.cc(12)] Failed to write file /ro/x.pdf: Permission denied\n"
        #expect(PDFPrinter.failure(status: 0, log: denied, html: "/t/x.html", pdf: "/ro/x.pdf")
                == "the browser could not write /ro/x.pdf: Permission denied")
        #expect(PDFPrinter.failure(status: 0, log: "", html: "/t/x.html", pdf: "/o/x.pdf")
                == "the browser ended without writing /o/x.pdf; is it a Chromium-family browser (--browser)?")
        #expect(PDFPrinter.failure(status: 1, log: "[x] dbus noise\nreal trouble\n", html: "/t/x.html", pdf: "/o/x.pdf")
                == "the browser could not print /t/x.html (exit status 1): real trouble")
    }
}
