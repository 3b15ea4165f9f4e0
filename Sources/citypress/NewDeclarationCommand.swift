import ArgumentParser
import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

/// `citypress new declaration TITLE`: writes `Content/declarations/<slug>.md`, a draft.
struct NewDeclarationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declaration",
        abstract: "Write Content/declarations/<slug>.md for a new declaration, marked draft (never replaces a file)."
    )

    @Argument(help: "The declaration's title (\"The Hague Mayoral Declaration\").")
    var title: String

    @Option(name: .customLong("date"), help: "The first day of its event, YYYY-MM-DD (default: today).")
    var startDate: String?

    @Option(help: "The file name without .md (default: made from the title).")
    var slug: String?

    @Option(help: "The content folder.", completion: .directory)
    var content = "Content"

    func validate() throws {
        if let startDate, CalendarDate(iso: startDate) == nil {
            throw ValidationError("--date must be a day written YYYY-MM-DD, not '\(startDate)'")
        }
    }

    func run() throws {
        let declaration = RecordScaffold.Declaration(title: title, startDate: startDate.flatMap(CalendarDate.init(iso:)))
        switch RecordScaffold.write(declaration, slug: slug, contentPath: content) {
        case .failure(let error):
            printDiagnostics([error.diagnostic])
            throw ExitCode.failure
        case .success(let written):
            print("Wrote \(written.path), a draft: fill in EVENT, VENUE, LOCATION and the text, list its signatories,")
            print("preview it with citypress serve --drafts, and set draft: false to publish it.")
        }
    }
}
