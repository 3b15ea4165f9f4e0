import Foundation
import CityPressCore

/// Prints HTML files to PDF with a headless browser, without the browser's own header and footer.
public struct PDFPrinter: Sendable {
    /// The browser that prints.
    public let browser: Browser
    /// How long one page may take before the browser is stopped.
    public var timeout: Duration = .seconds(90)

    /// Creates a printer using `browser`.
    public init(browser: Browser) {
        self.browser = browser
    }

    /// Prints the HTML file at `htmlPath` to `pdfPath`.
    public func print(htmlPath: String, to pdfPath: String) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-browser-\(UUID().uuidString)")
        let log = profile.appendingPathExtension("log")
        defer {
            try? FileManager.default.removeItem(at: profile)
            try? FileManager.default.removeItem(at: log)
        }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        try? FileManager.default.removeItem(atPath: pdfPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser.path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--print-to-pdf=\(pdfPath)", URL(fileURLWithPath: htmlPath).absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + .milliseconds(Int(timeout.components.seconds * 1000))
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            finished.wait()
            throw PrintError(message: "the browser did not finish printing \(htmlPath) within \(timeout.components.seconds) s")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: pdfPath)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw PrintError(message: Self.failure(status: process.terminationStatus, log: output, html: htmlPath, pdf: pdfPath))
        }
    }

    /// What went wrong, from the browser's exit status and what it wrote: the line that names the failure
    /// to write the PDF when there is one, else its last lines without the desktop bus's noise.
    static func failure(status: Int32, log: String, html: String, pdf: String) -> String {
        let lines = log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // Only a line about the PDF itself: a browser in a container logs other refusals that did no harm.
        let name = (pdf as NSString).lastPathComponent
        if let write = lines.last(where: { $0.contains("Failed to write") || ($0.contains("Permission denied") && $0.contains(name)) }) {
            let reason = write.range(of: ": ", options: .backwards).map { String(write[$0.upperBound...]) } ?? write
            return "the browser could not write \(pdf): \(reason)"
        }
        let said = lines.filter { !$0.isEmpty && !$0.lowercased().contains("dbus") }.suffix(3).joined(separator: " | ")
        if status == 0 {
            return "the browser ended without writing \(pdf)" + (said.isEmpty ? "; is it a Chromium-family browser (--browser)?" : ": \(said)")
        }
        return "the browser could not print \(html) (exit status \(status))" + (said.isEmpty ? "" : ": \(said)")
    }

    /// A failure to print, with the browser's last words.
    public struct PrintError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
