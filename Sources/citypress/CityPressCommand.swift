import ArgumentParser
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressScaffold
import Foundation

@main
struct CityPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citypress",
        abstract: "A static site generator for networks of cities that publish joint declarations.",
        version: CityPressVersion.string,
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, PDFCommand.self],
        defaultSubcommand: nil
    )

    /// Looks at the subcommand's name before parsing: swift-argument-parser suggests close matches for
    /// options only, and says "Unexpected argument 'buidl'" for a mistyped subcommand.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first,
           let suggestion = CommandSuggestion.suggestion(for: first, among: subcommandNames) {
            FileHandle.standardError.write(Data(
                "citypress: error: unknown command '\(first)'; did you mean '\(suggestion)'?\n".utf8))
            FileHandle.standardError.write(Data("See 'citypress --help' for the commands.\n".utf8))
            // 64 (EX_USAGE) is what swift-argument-parser exits with for other command-line mistakes.
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }

    /// The names the first argument may be: every subcommand, and `help`.
    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }
}
