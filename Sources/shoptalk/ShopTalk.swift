import ArgumentParser

/// The `shoptalk` command line.
@main
struct ShopTalk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shoptalk",
        abstract: "A conversational shopping assistant server.",
        subcommands: [Serve.self, Chat.self, Seed.self, Token.self, Import.self, Policies.self, Credits.self, Eval.self, Bench.self],
        defaultSubcommand: Serve.self
    )
}
