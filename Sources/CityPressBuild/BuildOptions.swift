import CityPressCore
import CityPressLoad
import CityPressPrint
import CityPressRender
import CityPressSite
import CityPressTemplates
import CityPressWrite

/// What `citypress build` was asked to do.
public struct BuildOptions: Sendable {
    /// The content folder (`Content`).
    public var contentPath: String
    /// The templates folder (`Templates`).
    public var templatesPath: String
    /// The output folder (`Public`).
    public var outputPath: String
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?
    /// Publishes declarations marked `draft: true`.
    public var includesDrafts: Bool
    /// Replaces an output folder that CityPress did not write.
    public var force: Bool
    /// How links name pages: folders (for a web server) or `index.html` files (for a local folder).
    public var linkStyle: LinkStyle = .folders
    /// Paper sizes to print each declaration to PDF on (`build --pdf`); none by default.
    public var pdfPapers: [Paper] = []
    /// The browser that prints PDFs; found on `PATH` when `nil`.
    public var browserPath: String?
    /// Lists the files the build added, changed and removed in the output folder (`build --changes`).
    public var listsChanges = false
    /// Checks the built site as `citypress check` does (`build --check`): each page as it is written.
    public var checksSite = false
    /// Keeps the files of the outputs whose inputs did not change since the build that wrote the output
    /// folder (its manifest's fingerprints), rendering only the others (`build --incremental`), as far as
    /// this machine's record of that build (`OutputStamps`, in the user's cache folder) shows the files
    /// untouched and written by this same binary; the record is written after the build (docs/deploying.md).
    public var keepsUnchangedOutputs = false
    /// Records of earlier loads to reuse for unchanged files (the preview's rebuilds).
    public var loadCache: LoadCache?
    /// How the program running the build words each remedy its diagnostics offer (its flags).
    public var remedies: [Remedy: String] = [:]
    /// Called as pages are written, with the pages done and the total (from several threads).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Called once every file is written, just before the new site is swapped in for the old (the command
    /// line's interruption handling ends there).
    public var beforeSwap: (@Sendable () -> Void)?
    /// Write failures to meet on purpose (the fault tests); `nil` in every real build.
    package var writeFaults: WriteFaults?

    /// Creates options; the defaults are the project layout's folder names.
    public init(contentPath: String = "Content", templatesPath: String = "Templates", outputPath: String = "Public",
                baseURL: String? = nil, includesDrafts: Bool = false, force: Bool = false) {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.baseURL = baseURL
        self.includesDrafts = includesDrafts
        self.force = force
    }
}

extension BuildOptions {
    /// Why the change list may not be written to `path` (`--changes`): inside the content, the
    /// templates or the output, or where no file can be made. Asked before building, so that a
    /// mistyped path neither replaces a record nor fails only after the site was replaced.
    public func changeListProblem(at path: String) -> Diagnostic? {
        OutputFolder(path: outputPath).changeListRefusal(path, protecting: [contentPath, templatesPath])?.diagnostic
    }

    /// A file-system error in words (`Permission denied`).
    public static func describe(_ error: any Error) -> String { OutputFolder.describe(error) }
}
