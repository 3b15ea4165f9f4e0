import ArgumentParser
import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

/// `citypress new city NAME`: writes `Content/cities/<slug>.yml`.
struct NewCityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "city",
        abstract: "Write Content/cities/<slug>.yml for a new city (never replaces a file)."
    )

    @Argument(help: "The city's name as the source writes it (\"Los Angeles\").")
    var name: String

    @Option(help: "The country's name (default: the placeholder COUNTRY, to fill in).")
    var country: String?

    @Option(help: "The state, province or region within the country.")
    var subdivision: String?

    @Option(help: "city, region or district.")
    var kind: CityKind = .city

    @Option(help: "The file name without .yml (default: made from the name, \"los-angeles\").")
    var slug: String?

    @Option(help: "The content folder.", completion: .directory)
    var content = "Content"

    func run() throws {
        let city = RecordScaffold.City(name: name, country: country, subdivision: subdivision, kind: kind)
        switch RecordScaffold.write(city, slug: slug, contentPath: content) {
        case .failure(let error):
            printDiagnostics([error.diagnostic])
            throw ExitCode.failure
        case .success(let written):
            print("Wrote \(written.path)")
            if country == nil { print("Fill in its country (COUNTRY), then", terminator: " ") }
            print("list \(written.slug) under signatories: of the declarations it endorses.")
        }
    }
}

extension CityKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
