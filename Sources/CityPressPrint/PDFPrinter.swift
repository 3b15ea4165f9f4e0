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
            let lastLines = output.split(separator: "\n").suffix(3).joined(separator: " | ")
            throw PrintError(message: "the browser could not print \(htmlPath) (exit status \(process.terminationStatus)): \(lastLines)")
        }
    }

    /// A failure to print, with the browser's last words.
    public struct PrintError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
