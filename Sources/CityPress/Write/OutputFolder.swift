import Foundation

/// The output folder's safety rules: what may be replaced, and where the new site is staged.
///
/// A build never writes into the output folder directly. It writes a staging folder beside it
/// and swaps it in only when every page was written, so a failed build leaves the old site as it was.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as written by CityPress, and so safe to replace.
    public static let markerName = ".citypress-build"
    static let markerText = "This folder is written by CityPress. Every build replaces it whole: edit Content/ and Templates/, not these files.\n"

    /// The folder as the user named it.
    public let path: String
    /// Its absolute, standardized form.
    public let absolutePath: String

    /// Creates the rules for the folder at `path`.
    public init(path: String) {
        self.path = path
        self.absolutePath = OutputFolder.absolute(path)
    }

    static func absolute(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
        }
        let joined = path.hasPrefix("/") ? path : cwd + "/" + path
        let standardized = URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    private static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Checks that replacing the folder is safe, then creates an empty staging folder beside it.
    ///
    /// - Parameter protectedFolders: folders that must survive the build (content, templates);
    ///   the output may be neither one of them nor contain them.
    public func stage(force: Bool, protecting protectedFolders: [String]) -> Result<StagingFolder, DiagnosticError> {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let cwd = OutputFolder.absolute(".")
        let protected = [cwd, OutputFolder.absolute(home)] + protectedFolders.map(OutputFolder.absolute)
        for folder in protected where OutputFolder.isSameOrInside(folder, absolutePath) {
            return .failure(DiagnosticError(.error(
                "refusing to use '\(path)' as the output folder: it would replace '\(folder)'",
                notes: ["the output folder is deleted and rebuilt on every build; choose a folder of its own, such as 'Public'"])))
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: absolutePath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .failure(DiagnosticError(.error("output '\(path)' exists and is not a folder")))
            }
            let entries = (try? manager.contentsOfDirectory(atPath: absolutePath)) ?? []
            if !entries.isEmpty && !entries.contains(OutputFolder.markerName) && !force {
                return .failure(DiagnosticError(.error(
                    "output folder '\(path)' was not written by CityPress (it has no \(OutputFolder.markerName) file), so it is left alone",
                    notes: ["pass --force to replace it and everything in it"])))
            }
        }
        let parent = (absolutePath as NSString).deletingLastPathComponent
        let name = (absolutePath as NSString).lastPathComponent
        let staging = parent + "/.\(name).citypress-staging-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try? FolderTree.remove(staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try Data(OutputFolder.markerText.utf8).write(to: URL(fileURLWithPath: staging + "/" + OutputFolder.markerName))
        } catch {
            return .failure(DiagnosticError(.error("cannot create a staging folder next to '\(path)': \(Self.describe(error))")))
        }
        return .success(StagingFolder(path: staging, destination: absolutePath, displayPath: path))
    }

    static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return posix.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
