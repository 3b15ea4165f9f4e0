import ArgumentParser
import CityPress

@main
struct CityPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citypress",
        abstract: "A static site generator for networks of cities that publish joint declarations.",
        version: CityPressVersion.string,
        subcommands: [BuildCommand.self, ServeCommand.self, PDFCommand.self],
        defaultSubcommand: nil
    )
}
