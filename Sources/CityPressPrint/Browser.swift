import Foundation
import CityPressCore

/// A Chromium-family browser that can print pages to PDF headlessly.
public struct Browser: Sendable {
    /// The executable's path.
    public let path: String

    /// Names looked up on `PATH`, in order.
    public static let candidateNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The browser at `explicitPath`, or the first candidate found on `PATH`; a diagnostic saying how to
    /// install one otherwise.
    public static func locate(explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<Browser, DiagnosticError> {
        if let explicitPath {
            guard FileManager.default.isExecutableFile(atPath: explicitPath) else {
                return .failure(DiagnosticError(.error("browser '\(explicitPath)' is not an executable file", remedy: .chooseBrowser)))
            }
            return .success(Browser(path: explicitPath))
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidateNames {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return .success(Browser(path: folder + "/" + name))
            }
        }
        return .failure(DiagnosticError(.error(
            "no Chromium browser found to print PDFs (looked for \(candidateNames.joined(separator: ", ")) on PATH)",
            notes: ["Debian/Ubuntu: sudo apt-get install chromium",
                    "macOS: brew install --cask chromium (or install Google Chrome)"],
            remedy: .chooseBrowser)))
    }
}
