import ArgumentParser
import Foundation
import ShopTalkCore
import ShopTalkServer

/// `shoptalk seed`: (re)generates the demo store on purpose.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the demo store's catalog, discounts, customers and orders, replacing the old ones."
    )

    @Option(help: "Slug of the store to seed.")
    var store: String = DemoStore.slug

    @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]")
    var db: String?

    @Option(help: "Date the demo data is relative to (YYYY-MM-DD). [env: SHOPTALK_TODAY, default: today]")
    var today: String?

    func run() async throws {
        let logger = try EnvironmentOptions.bootstrapLogging(level: EnvironmentOptions.resolve(nil, "SHOPTALK_LOG_LEVEL", default: "info"))
        var clock = ShopClock.system
        if let day = today ?? EnvironmentOptions.string("SHOPTALK_TODAY") {
            guard let date = ShopClock.parseDay(day) else {
                throw ValidationError("--today must be a date like 2011-12-10, not \(day).")
            }
            clock = ShopClock(today: date)
        }
        guard !store.isEmpty, store.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ValidationError("A store slug uses letters, digits, - and _ only.")
        }
        let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
        let slug = store
        let seeded = try await CommandDatabase.at(location, logger: logger) { database in
            try await database.seedDemo(slug: slug, clock: clock, logger: logger)
        }
        print("Seeded store \(seeded.slug) (\(seeded.name)).")
    }
}
