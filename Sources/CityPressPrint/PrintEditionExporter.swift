import Foundation
import CityPressCore

/// Turns the print pages of a built site into PDF files, one per declaration and paper size.
public struct PrintEditionExporter: Sendable {
    /// The printer used.
    public let printer: PDFPrinter

    /// Creates an exporter.
    public init(printer: PDFPrinter) {
        self.printer = printer
    }

    /// Prints the print page of the declaration `slug`, found in the built site at `siteFolder`, on `paper` to `pdfPath`.
    ///
    /// The page is printed from a copy beside it that fixes the paper size (`@page { size: A4 }`) and makes the
    /// document title the declaration's title, which the browser stores as the PDF's title.
    public func export(slug: String, title: String, paper: Paper, siteFolder: String, to pdfPath: String) throws {
        let folder = siteFolder + "/declarations/\(slug)/print"
        let html = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        let variantPath = folder + "/.citypress-print-\(paper.rawValue)-\(UUID().uuidString).html"
        try Data(Self.variant(of: html, paper: paper, title: title).utf8).write(to: URL(fileURLWithPath: variantPath))
        defer { try? FileManager.default.removeItem(atPath: variantPath) }
        try printer.print(htmlPath: variantPath, to: pdfPath)
    }

    /// The print page with its paper size fixed and its `<title>` replaced by `title`.
    package static func variant(of html: String, paper: Paper, title: String) -> String {
        var page = html
        let style = "<style>@page { size: \(paper.cssSize); }</style>\n"
        if let head = page.range(of: "</head>") {
            page.insert(contentsOf: style, at: head.lowerBound)
        } else {
            page = style + page
        }
        if let open = page.range(of: "<title>"), let close = page.range(of: "</title>", range: open.upperBound..<page.endIndex) {
            page.replaceSubrange(open.upperBound..<close.lowerBound, with: MarkupEscaping.escape(title))
        }
        return page
    }
}
