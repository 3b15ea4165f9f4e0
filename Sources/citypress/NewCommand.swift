import ArgumentParser

/// `citypress new city|declaration NAME`: a new record with every field explained.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new city or declaration record with every field present and explained.",
        subcommands: [NewCityCommand.self, NewDeclarationCommand.self]
    )
}
