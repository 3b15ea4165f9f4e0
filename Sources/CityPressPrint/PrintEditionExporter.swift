import Foundation
import CityPressCore

/// Prints print editions (rendered for a paper by the render stage) to PDF files with a headless browser.
public struct PrintEditionExporter: Sendable {
    /// The printer used.
    public let printer: PDFPrinter

    /// Creates an exporter.
    public init(printer: PDFPrinter) {
        self.printer = printer
    }

    /// Prints `html` (a print edition rendered for a paper) to `pdfPath`, opening it from `folder`, the
    /// folder of the page it is a variant of, so that its relative links (stylesheets, images) resolve.
    public func export(html: [UInt8], from folder: String, paper: Paper, to pdfPath: String) throws {
        let path = folder + (folder.hasSuffix("/") ? "" : "/") + ".citypress-print-\(paper.rawValue)-\(UUID().uuidString).html"
        try Data(html).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try printer.print(htmlPath: path, to: pdfPath)
    }
}
