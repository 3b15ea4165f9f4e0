import ArgumentParser
import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

/// `citypress init [FOLDER]`: starts a new site from the templates inside the binary.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: example content, editable templates, a .gitignore and a README.",
        discussion: "FOLDER is created when missing; a folder that is not empty is refused, so nothing is overwritten."
    )

    @Argument(help: "The folder to create the site in.", completion: .directory)
    var folder = "."

    @Option(help: "The network that publishes the declarations.")
    var network = SiteScaffold.defaultNetwork

    @Option(help: "The site's title (default: \"<network> Declarations\"; in another --language with a built-in table, its word for declarations, then the network).")
    var title: String?

    @Option(help: "The content's language, a BCP 47 tag: en, en-GB, fr.")
    var language = "en"

    func validate() throws {
        guard !folder.isEmpty else { throw ValidationError("FOLDER is empty: name a folder, or leave it out for this folder") }
    }

    func run() throws {
        let options = SiteScaffold.Options(folder: folder, network: network, title: title, language: language)
        switch SiteScaffold.create(options) {
        case .failure(let error):
            printDiagnostics([error.diagnostic])
            throw ExitCode.failure
        case .success(let files):
            let move = folder == "." ? "" : "  cd \(shellQuoted(folder))\n"
            print("""
            Created a site in \(folder == "." ? "this folder" : folder) (\(files.count) files). Next:
            \(move)  citypress build          # writes the site into Public/
              citypress serve --open   # a preview that reloads on every save
              citypress new city NAME  # a new record to fill in (see README.md)
            """)
        }
    }
}

/// `text` as one shell word, quoted only when it needs to be.
func shellQuoted(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_./+,@%:".unicodeScalars.contains($0) }
    return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
