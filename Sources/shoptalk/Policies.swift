import ArgumentParser
import Foundation
import Logging
import ShopTalkCore
import ShopTalkServer

/// `shoptalk policies import|list`: a shop's policies from a folder of Markdown files.
struct Policies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a shop's policies from Markdown files, or list them.",
        subcommands: [Import.self, List.self]
    )

    static var logger: Logger {
        var logger = Logger(label: "shoptalk.policies")
        logger.logLevel = .error
        return logger
    }

    static func missingStore(_ slug: String, _ location: String) -> ValidationError {
        ValidationError("There is no store \"\(slug)\" in \(location). Start the server once (it creates the demo store) or run `swift run shoptalk seed --store \(slug)`.")
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or replace the sections in a folder's .md files.",
            discussion: """
                Each file is one section titled by its first `# Title` line (its name is the section's slug), or several
                sections, each starting with a `# Title` line. Sections already stored and not in the folder stay.
                A file or section that cannot be saved is reported; the others are saved.
                """
        )
        @Argument(help: "Folder of Markdown files.") var directory: String
        @Option(help: "Store slug.") var store: String = DemoStore.slug
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            guard FileManager.default.fileExists(atPath: directory) else { throw ValidationError("There is no folder \(directory).") }
            guard let report = try await PolicyShelf.at(location, slug: store, logger: Policies.logger, { shelf in
                try await shelf.importFolder(directory, now: ShopClock.system.now())
            }) else { throw Policies.missingStore(store, location) }
            print("store \(store): \(report.created.count) sections created, \(report.replaced.count) replaced, \(report.problems.count) problems")
            for slug in report.created { print("  created  \(slug)") }
            for slug in report.replaced { print("  replaced \(slug)") }
            for problem in report.problems { print("  skipped  \(problem)") }
            if !report.problems.isEmpty { throw ExitCode(2) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a store's policy sections.")
        @Option(help: "Store slug.") var store: String = DemoStore.slug
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            guard let sections = try await PolicyShelf.at(location, slug: store, logger: Policies.logger, { shelf in
                try await shelf.policies.policies(storeID: shelf.store.id)
            }) else { throw Policies.missingStore(store, location) }
            for section in sections {
                print(section.slug.padding(toLength: 22, withPad: " ", startingAt: 0) + section.title.padding(toLength: 34, withPad: " ", startingAt: 0)
                      + "\(section.body.count) chars  updated \(ShopClock.dayString(section.updatedAt))")
            }
        }
    }
}
