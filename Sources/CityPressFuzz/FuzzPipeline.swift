import CityPressBuild
import CityPressCore

/// The stages a fuzz case goes through, as a build runs them, with the pages kept nowhere: each page
/// is also checked as `build --check` checks it, so the check's HTML scanner reads whatever mutated
/// templates and texts make.
enum FuzzPipeline {
    /// Errors found and pages rendered.
    static func run(content: String, templates: String) -> (errors: Int, pages: Int) {
        let options = BuildOptions(contentPath: content, templatesPath: templates, outputPath: "/nonexistent-fuzz-output")
        let (site, templateSet, diagnostics) = SiteBuild.prepare(options)
        // Formatting quotes the source lines with a caret: positions must fit the text.
        _ = DiagnosticFormatter().format(diagnostics)
        var pages = 0
        if let site, let templateSet {
            if let rendered = try? BuildSteps.renderAndCopyAssets(site, templates: templateSet, options: options,
                                                                  checking: true, into: DiscardingSink()) {
                pages = rendered.count
                _ = rendered.check?.finish().map { DiagnosticFormatter().format($0.diagnostics) }
            }
        }
        return (diagnostics.filter { $0.severity == .error }.count, pages)
    }
}

/// A sink that keeps nothing.
struct DiscardingSink: PageSink {
    func write(_ contents: [UInt8], to path: String) throws {}
}
