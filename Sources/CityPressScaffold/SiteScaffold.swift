import Foundation
import CityPressCore
import CityPressLoad

/// `citypress init`: writes a small working site (content, the default templates, a `.gitignore`
/// and a README) into a new or empty folder.
public enum SiteScaffold {
    /// What to write.
    public struct Options: Sendable {
        /// The folder to create the site in; created when missing, refused when not empty.
        public var folder: String
        /// The network that publishes the declarations.
        public var network: String
        /// The site's title; made from the network's name when `nil`.
        public var title: String?
        /// The content's BCP 47 language tag.
        public var language: String

        /// Creates options.
        public init(folder: String, network: String = SiteScaffold.defaultNetwork, title: String? = nil,
                    language: String = "en") {
            self.folder = folder
            self.network = network
            self.title = title
            self.language = language
        }
    }

    /// The network's name when none is given.
    public static let defaultNetwork = "Example Cities Network"

    /// The title made from a network's name, in the site's language: English's word order, or, in a
    /// language with an interface table, its word for declarations before the name (`Déclarations – Réseau…`),
    /// which reads in any language; English words under another `lang` were a title half translated.
    public static func defaultTitle(network: String, language: String = "en") -> String {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language
        guard primary != "en" else { return "\(network) Declarations" }
        let (interface, problems) = InterfaceTables.interface(for: language, siteFiles: [:])
        guard problems.isEmpty else { return "\(network) Declarations" }
        return "\(interface.text(.declarations)) – \(network)"
    }

    /// Writes the site; returns the files written (relative to the folder) or the problems that stopped it.
    /// A folder that exists and is not empty is refused before anything is written, so nothing is overwritten.
    public static func create(_ options: Options) -> Result<[String], DiagnosticError> {
        let network = options.network.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !network.isEmpty else { return .failure(DiagnosticError(.error("the network's name is empty"))) }
        let title = options.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? defaultTitle(network: network, language: options.language)
        guard !title.isEmpty else { return .failure(DiagnosticError(.error("the site's title is empty"))) }
        guard SiteConfig.isValidLanguageTag(options.language) else {
            return .failure(DiagnosticError(.error(
                "'\(options.language)' is not a BCP 47 language tag", notes: ["write it as en, en-GB, fr or pt-BR"])))
        }

        var files: [(path: String, data: Data)] = StarterSite(network: network, title: title, language: options.language)
            .files.map { ($0.path, Data($0.text.utf8)) }
        for (path, base64) in DefaultTemplates.encodedFiles {
            guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
                // Only a hand-edited DefaultTemplates.swift gets here; EmbeddedTemplatesTests catches it first.
                return .failure(DiagnosticError(.error("the default template '\(path)' inside citypress is damaged",
                                                        notes: ["run make embed-templates and build citypress again"])))
            }
            files.append(("Templates/" + path, data))
        }

        if let problem = checkFolder(options.folder) { return .failure(problem) }
        let manager = FileManager.default
        var written: [String] = []
        for (path, data) in files {
            let url = URL(fileURLWithPath: options.folder).appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Never replaces a file, even one that appeared since the folder was checked.
                try data.write(to: url, options: .withoutOverwriting)
                written.append(path)
            } catch {
                return .failure(DiagnosticError(.error(
                    "cannot write '\(joined(options.folder, path))': \(Self.reason(error))",
                    notes: written.isEmpty ? [] : ["\(written.count) files were written before it"])))
            }
        }
        return .success(written)
    }

    /// A problem with the target folder: not a folder, not empty, or not creatable. `nil` when it is ready.
    package static func checkFolder(_ folder: String) -> DiagnosticError? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return DiagnosticError(.error("'\(folder)' is a file, not a folder"))
            }
            // A new Git repository (`git init x && cd x && citypress init`) or a Finder file is no content to lose.
            let entries: [String]
            do { entries = try manager.contentsOfDirectory(atPath: folder).filter { ![".git", ".DS_Store"].contains($0) } } catch {
                return DiagnosticError(.error("cannot read the folder '\(folder)': \(reason(error))"))
            }
            guard entries.isEmpty else {
                let shown = entries.sorted().prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                return DiagnosticError(.error(
                    "'\(folder)' is not empty (it holds \(shown)\(entries.count > 3 ? ", …" : ""))",
                    notes: ["a new site is written only into a missing or empty folder, so that nothing is overwritten"]))
            }
            return nil
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return DiagnosticError(.error("cannot create the folder '\(folder)': \(reason(error))"))
        }
        return nil
    }

    /// `folder/name`, as the user would write it.
    package static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The system's reason for a file error, without Foundation's framing.
    package static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)), underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteFileExistsError { return "the file exists" }
        return nsError.localizedDescription
    }
}
