import ArgumentParser
import Foundation
import ShopTalkCore
import ShopTalkServer

/// `shoptalk bench <name>`: performance figures, printed as tables. Build with `-c release`.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a benchmark and print its figures (use a release build).",
        subcommands: [Analytics.self, NLU.self]
    )

    struct Analytics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Owner questions over generated sales lines (default 500,000).")
        @Option(help: "Sales lines to generate.") var lines: Int = 500_000
        @Option(help: "Times each question is asked.") var rounds: Int = 20
        @Option(help: "NLU training folder.") var intents: String = "./Intents"

        func run() async throws {
            let logger = try EnvironmentOptions.bootstrapLogging(level: "warning")
            var benchmark = AnalyticsBenchmark()
            benchmark.lines = lines
            benchmark.rounds = rounds
            try await benchmark.run(language: try LanguageModel.train(directory: intents), logger: logger)
        }
    }

    struct NLU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entity extraction + intent classification over 10,000 varied messages.")
        @Option(help: "Messages to classify.") var messages: Int = 10_000
        @Option(help: "NLU training folder.") var intents: String = "./Intents"

        func run() async throws {
            try NLUBenchmark(messages: messages, intents: intents).run()
        }
    }
}
