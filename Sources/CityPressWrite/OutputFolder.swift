import Foundation
import CityPressCore

/// The output folder's safety rules: what may be replaced, and where the new site is staged.
///
/// A build never writes into the output folder directly. It writes a staging folder beside it
/// and swaps it in only when every page was written, so a failed build leaves the old site as it was.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as written by CityPress, and so safe to replace.
    public static let markerName = ".citypress-build"
    package static let markerText = "This folder is written by CityPress. Every build replaces it whole: edit Content/ and Templates/, not these files.\n"

    /// The folder as the user named it.
    public let path: String
    /// Its absolute, standardized form.
    public let absolutePath: String

    /// Creates the rules for the folder at `path`.
    public init(path: String) {
        self.path = path
        self.absolutePath = OutputFolder.absolute(path)
    }

    package static func absolute(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
        }
        let joined = path.hasPrefix("/") ? path : cwd + "/" + path
        let standardized = URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path
        return standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    /// Whether `path` is `folder` or lies inside it: by their names, and, where folders exist, by the
    /// file system's identity of them (a case-insensitive disk gives `content` and `Content` one folder).
    package static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        if path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/") { return true }
        guard let target = identity(of: folder) else { return false }
        var current = path
        while !current.isEmpty {
            if identity(of: current) == target { return true }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current { return false }
            current = parent
        }
        return false
    }

    /// The device and inode of an existing folder.
    private static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino)]
    }

    /// What a version-control tool keeps in the folder it manages: a folder holding one is never replaced.
    static let repositoryNames: Set<String> = [".git", ".hg", ".svn", ".jj"]

    /// Checks that replacing the folder is safe, then creates an empty staging folder beside it.
    ///
    /// The output is deleted and rebuilt on every build, so it may be none of the folders the build
    /// reads (content, templates), lie inside one, or hold one; nor be, or hold, the working folder
    /// or the home folder; nor hold a repository (`.git`). `force` only lets the build replace a folder
    /// it did not write; it never lifts these rules.
    /// - Parameter protectedFolders: folders the build reads (content, templates).
    public func stage(force: Bool, protecting protectedFolders: [String]) -> Result<StagingFolder, DiagnosticError> {
        stage(force: force, protecting: protectedFolders, faults: nil)
    }

    /// `stage(force:protecting:)`, with write failures to meet on purpose (the fault tests), and with
    /// `spare` (`--incremental`), the spare it took as the staging folder when there was one, and the output
    /// it replaces kept as the next spare; without it, a spare is deleted. On failure the caller gives the
    /// spare back (`SpareClaim.release`).
    package func stage(force: Bool, protecting protectedFolders: [String], faults: WriteFaults?,
                       spare claim: SpareClaim? = nil) -> Result<StagingFolder, DiagnosticError> {
        if let refusal = refusal(protecting: protectedFolders) { return .failure(refusal) }
        let manager = FileManager.default
        let parent = (absolutePath as NSString).deletingLastPathComponent
        let name = (absolutePath as NSString).lastPathComponent
        // Before anything looks at the output: a killed build may have left it moved aside.
        cleanLeftovers()
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: absolutePath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .failure(DiagnosticError(.error("output '\(path)' exists and is not a folder")))
            }
            // An unreadable folder cannot be shown to be CityPress's, so it is not replaced.
            let entries: [String]
            do {
                entries = try manager.contentsOfDirectory(atPath: absolutePath)
            } catch {
                return .failure(DiagnosticError(.error(
                    "cannot read the output folder '\(path)': \(Self.describe(error))",
                    notes: ["CityPress replaces only folders it can read and knows it wrote"])))
            }
            // The marker is a file: a folder of that name (someone's own data) proves nothing.
            var marker = stat()
            let hasMarker = entries.contains(OutputFolder.markerName)
                && lstat(absolutePath + "/" + OutputFolder.markerName, &marker) == 0 && (marker.st_mode & S_IFMT) == S_IFREG
            // A repository's history is never the build's to delete, whatever the marker and `--force` say. A
            // folder CityPress did not write is searched to the bottom before `--force` replaces it (a project
            // folder's repositories are in its subfolders); CityPress's own, at its top only: a whole walk of
            // a large site on every build would cost more than rendering a page of each kind.
            let repository = !hasMarker && force
                ? FolderListing.firstEntry(named: Self.repositoryNames, below: absolutePath)
                : entries.sorted().first(where: Self.repositoryNames.contains)
            if let repository, repository.contains("/") {
                // Deep in a folder of someone's own: no copying recipe fits, the folder is not the site's.
                return .failure(DiagnosticError(.error(
                    "output folder '\(path)' holds a repository ('\(repository)'), which replacing the folder would delete",
                    notes: ["every build replaces the output folder whole, with what is in it: build into a folder of its own (--output _site)"])))
            }
            if let repository {
                return .failure(DiagnosticError(.error(
                    "output folder '\(path)' holds a repository (\(repository)), which replacing the folder would delete",
                    notes: ["every build replaces the output folder whole: build into a folder of its own and copy the site into the repository's: "
                            + "citypress build --output _site, then rsync -a --delete --exclude \(repository) --exclude \(OutputFolder.markerName) _site/ '\(path)/'",
                            "to publish from a folder of a repository (GitHub Pages' /docs), build into that folder: the repository is above it"])))
            }
            if !entries.isEmpty && !hasMarker && !force {
                return .failure(DiagnosticError(.error(
                    "output folder '\(path)' was not written by CityPress (it has no \(OutputFolder.markerName) file), so it is left alone",
                    remedy: .replaceOutputFolder)))
            }
        }
        let staging = parent + "/" + StagingLeftovers.stagingName(of: name, process: ProcessInfo.processInfo.processIdentifier)
        let spare = parent + "/" + StagingLeftovers.spareName(of: name)
        var folder: StagingFolder
        let taken = claim?.take()
        let discarded = taken?.discarded == true ? claim?.discardPath : nil
        if let tree = taken?.tree {
            folder = StagingFolder(path: staging, destination: absolutePath, displayPath: path, spare: tree, spareDestination: spare,
                                   discardedSpare: discarded)
        } else {
            // A spare this build does not stage in is moved to its own name before it is deleted: another
            // build may be taking it at this moment.
            try? FolderTree.remove(staging)
            if rename(spare, staging) == 0 { try? FolderTree.remove(staging) }
            folder = StagingFolder(path: staging, destination: absolutePath, displayPath: path,
                                   spareDestination: claim == nil ? nil : spare, discardedSpare: discarded)
        }
        folder.faults = faults
        // A spare has its marker, the manifest of the output it was; writing a new one now would unlink
        // a file it may share with the output, and so change the output manifest's stamp before the
        // build reads it (`KeptFiles`). The build's manifest replaces it at the end.
        if folder.spare != nil { return .success(folder) }
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            // mkdir, not FileManager: its error names the cause ("Permission denied"), FileManager's does not.
            if mkdir(staging, 0o755) != 0 { throw POSIXError(errno, path: staging) }
            try folder.write(Array(OutputFolder.markerText.utf8), to: OutputFolder.markerName)
        } catch {
            folder.discard()  // a full disk can fail the marker after the folder was made
            return .failure(DiagnosticError(.error("cannot create a staging folder next to '\(path)': \(Self.describe(error))")))
        }
        return .success(folder)
    }

    /// Puts back an output a killed build left moved aside, and deletes what killed builds left beside it.
    package func cleanLeftovers() {
        StagingLeftovers.clean(output: (absolutePath as NSString).lastPathComponent,
                               in: (absolutePath as NSString).deletingLastPathComponent)
    }

    /// Why the output may not be this folder, whatever `--force` says; `nil` when it may.
    package func refusal(protecting protectedFolders: [String]) -> DiagnosticError? {
        let note = "the output folder is deleted and rebuilt on every build; choose a folder of its own, such as 'Public'"
        for folder in protectedFolders {
            let absolute = OutputFolder.absolute(folder)
            if OutputFolder.isSameOrInside(absolutePath, absolute) || OutputFolder.isSameOrInside(absolute, absolutePath) {
                let relation = absolutePath == absolute ? "is" : (OutputFolder.isSameOrInside(absolutePath, absolute) ? "is inside" : "holds")
                return DiagnosticError(.error(
                    "refusing to use '\(path)' as the output folder: it \(relation) '\(folder)', which the build reads",
                    notes: [note]))
            }
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for (folder, name) in [(OutputFolder.absolute("."), "the working folder"), (OutputFolder.absolute(home), "your home folder")]
        where OutputFolder.isSameOrInside(folder, absolutePath) {
            let relation = folder == absolutePath ? "is" : "holds"
            return DiagnosticError(.error(
                "refusing to use '\(path)' as the output folder: it \(relation) \(name) ('\(folder)')",
                notes: [note]))
        }
        return nil
    }

    /// Why the change list (`--changes`) may not be written to `path`; `nil` when it may. Inside a
    /// folder the build reads it would replace a record or a template, and inside the output it
    /// would be published; a file whose folder does not exist could only fail after the site was built.
    package func changeListRefusal(_ path: String, protecting protectedFolders: [String]) -> DiagnosticError? {
        let absolute = OutputFolder.absolute(path)
        for (folder, what) in protectedFolders.map({ ($0, "'\($0)', which the build reads") }) + [(self.path, "the output folder '\(self.path)'")]
        where OutputFolder.isSameOrInside(absolute, OutputFolder.absolute(folder)) {
            return DiagnosticError(.error("refusing to write the change list to '\(path)': it is inside \(what)",
                                          notes: ["write it beside the site's folders, as --changes changes.json"]))
        }
        var isDirectory: ObjCBool = false
        let parent = (absolute as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            return DiagnosticError(.error("cannot write the change list to '\(path)': the folder '\(parent)' does not exist"))
        }
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue {
            return DiagnosticError(.error("cannot write the change list to '\(path)': it is a folder"))
        }
        return nil
    }

    package static func describe(_ error: Error) -> String {
        if let posix = error as? POSIXError { return posix.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
