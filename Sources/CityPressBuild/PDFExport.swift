import Foundation
import CityPressCore
import CityPressLoad
import CityPressPrint
import CityPressRender
import CityPressSite
import CityPressTemplates
import CityPressWrite

/// `citypress pdf`: builds the site privately and prints chosen declarations to `DIR/<slug>-<paper>.pdf`,
/// their translations to `DIR/<slug>.<lang>-<paper>.pdf` and their implementation updates to
/// `DIR/<slug>-update-<year>-<paper>.pdf`.
public enum PDFExport {
    /// What to print.
    public struct Request: Sendable {
        /// Content and templates to build from (the output folder is not used).
        public var build: BuildOptions
        /// Declaration slugs to print; all published declarations when empty.
        public var slugs: [String]
        /// Paper sizes.
        public var papers: [Paper]
        /// Folder the PDFs are written to (created when missing).
        public var outputDirectory: String
        /// Language versions to print (the site's language for the originals); every version when empty.
        public var languages: [String]

        /// Creates a request.
        public init(build: BuildOptions, slugs: [String], papers: [Paper], outputDirectory: String, languages: [String] = []) {
            self.build = build
            self.slugs = slugs
            self.papers = papers
            self.outputDirectory = outputDirectory
            self.languages = languages.map(SiteConfig.canonicalLanguageTag)
        }
    }

    /// Prints the PDFs; returns every diagnostic and the paths written.
    public static func run(_ request: Request) -> (written: [String], diagnostics: [Diagnostic]) {
        let (site, templates, prepared) = SiteBuild.prepare(request.build)
        var diagnostics = prepared
        guard let site, let templates, !diagnostics.containsErrors else { return ([], diagnostics) }

        let known = site.declarations.map(\.slug)
        var chosen: [Declaration] = []
        for slug in request.slugs.isEmpty ? known : request.slugs {
            guard let declaration = site.declarations.first(where: { $0.slug == slug }) else {
                if isUnpublishedDraft(slug, request.build) {
                    diagnostics.append(.error("'\(slug)' is a draft", remedy: .includeDrafts))
                    continue
                }
                var notes = ["known declarations: \(known.joined(separator: ", "))"]
                if let guess = Suggestion.closest(to: slug, among: known) { notes.insert("did you mean '\(guess)'?", at: 0) }
                diagnostics.append(.error("unknown declaration '\(slug)'", notes: notes))
                continue
            }
            chosen.append(declaration)
        }
        let versions = [site.config.language] + Set(site.translations.map(\.language)).sorted()
        for language in request.languages where !versions.contains(language) {
            var notes = ["the site's versions: \(versions.joined(separator: ", "))"]
            if let guess = Suggestion.closest(to: language, among: versions) { notes.insert("did you mean '\(guess)'?", at: 0) }
            diagnostics.append(.error("no version of the site's declarations is in the language '\(language)'", notes: notes))
        }
        // A declaration named and a language asked for that it has no version in would print nothing, and say
        // "Printed 0 PDFs" as if that were what was asked.
        if !request.slugs.isEmpty, !diagnostics.containsErrors {
            for declaration in chosen {
                guard let index = site.declarations.firstIndex(where: { $0.slug == declaration.slug }) else { continue }
                let own = [site.config.language] + site.translations(of: index).map(\.language)
                for language in request.languages where !own.contains(language) {
                    diagnostics.append(.error("'\(declaration.slug)' has no version in the language '\(language)'",
                                              notes: ["its versions: \(own.joined(separator: ", "))"]))
                }
            }
        }
        // The PDFs go into a folder of their own: not into a folder the build reads, nor into the site's
        // output, which the next build replaces whole.
        let target = OutputFolder(path: request.outputDirectory)
        for (folder, what) in [(request.build.contentPath, "the content folder"), (request.build.templatesPath, "the templates folder")]
        where OutputFolder.isSameOrInside(target.absolutePath, OutputFolder.absolute(folder)) {
            diagnostics.append(.error("refusing to write PDFs into '\(request.outputDirectory)': it is inside \(what) '\(folder)'",
                                      notes: ["print into a folder of their own, such as --output pdf"]))
        }
        let browser: Browser
        switch Browser.locate(explicitPath: request.build.browserPath) {
        case .success(let found): browser = found
        case .failure(let error): diagnostics.append(error.diagnostic)
            return ([], diagnostics)
        }
        guard !diagnostics.containsErrors else { return ([], diagnostics) }

        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("citypress-pdf-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: scratch) }
        var written: [String] = []
        do {
            try manager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            let folder = StagingFolder(path: scratch, destination: scratch, displayPath: scratch)
            var options = request.build
            options.pdfPapers = []
            options.linkStyle = .folders
            _ = try BuildSteps.render(site, templates: templates, options: options, into: folder)
            try BuildSteps.writeAssets(options, into: folder)
            try manager.createDirectory(atPath: request.outputDirectory, withIntermediateDirectories: true)
            written = try BuildSteps.printEditions(of: chosen, site: site, templates: templates, options: options,
                                                   papers: request.papers,
                                                   languages: request.languages.isEmpty ? nil : Set(request.languages),
                                                   siteFolder: scratch,
                                                   with: PrintEditionExporter(printer: PDFPrinter(browser: browser))) {
                BuildSteps.joined(request.outputDirectory, $0.paper.fileName(for: $0.fileStem))
            }
        } catch {
            diagnostics.append(.error("cannot print PDFs: \(error)"))
        }
        return (written, diagnostics)
    }

    /// Whether `slug` names a declaration file that the site left out because it is a draft. The site loaded
    /// without errors, so a valid declaration file it does not hold can only be a draft that was not included.
    package static func isUnpublishedDraft(_ slug: String, _ build: BuildOptions) -> Bool {
        guard !build.includesDrafts, Slug.isValid(slug) else { return false }
        let path = BuildSteps.joined(BuildSteps.joined(build.contentPath, DeclarationFile.folder), "\(slug).\(DeclarationFile.fileExtension)")
        return FileManager.default.fileExists(atPath: path)
    }
}
