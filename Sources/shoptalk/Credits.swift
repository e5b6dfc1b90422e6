import ArgumentParser
import Foundation
import ShopTalkCore
import ShopTalkServer

/// `shoptalk credits grant|balance|usage --store S`.
struct Credits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage a store's AI credits.",
        subcommands: [Grant.self, Balance.self, Usage.self]
    )

    struct Options: ParsableArguments {
        @Option(help: "Store slug.") var store: String
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        /// Runs `body` with the store's ledger, on SQLite or PostgreSQL.
        func open<T: Sendable>(_ body: (any CreditBook, Int64) async throws -> T) async throws -> T {
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            return try await CommandDatabase.at(location, logger: Policies.logger) { database in
                guard let target = try await database.store(slug: store) else { throw Policies.missingStore(store, location) }
                switch database {
                case .sqlite(let database): return try await body(CreditLedger(database: database, clock: .system), target.id)
                case .postgres(let database): return try await body(PostgresCreditLedger(database: database, clock: .system), target.id)
                }
            }
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant credits (they expire after --expires-days).")
        @OptionGroup var options: Options
        @Option(help: "Credits to grant.") var credits: Double
        @Option(help: "Days until the granted credits expire.") var expiresDays: Int = 182
        @Option(help: "Idempotency key: the same key never grants twice. [default: a new one]") var reference: String?

        func run() async throws {
            guard credits > 0, let millicredits = Int(scaling: credits, by: 1000, within: 0...1_000_000_000) else {
                throw ValidationError("--credits must be a number above 0 and at most 1,000,000,000.")
            }
            let key = reference ?? "grant:\(UUID().uuidString)"
            let balance = try await options.open { ledger, storeID in
                try await ledger.grant(storeID: storeID, millicredits: millicredits, requestID: key,
                                       expiresAt: ShopClock.system.now().addingTimeInterval(Double(expiresDays) * 86_400))
                return try await ledger.balance(storeID: storeID)
            }
            print("Granted \(CreditsHandler.format(credits)) credits to \(options.store) (\(key)); balance \(CreditsHandler.format(Double(balance) / 1000)).")
        }
    }

    struct Balance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the balance.")
        @OptionGroup var options: Options

        func run() async throws {
            let balance = try await options.open { ledger, storeID in try await ledger.balance(storeID: storeID) }
            print("\(options.store): \(CreditsHandler.format(Double(balance) / 1000)) credits")
        }
    }

    struct Usage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Credits used per feature over the last days.")
        @OptionGroup var options: Options
        @Option(help: "Days to cover, ending today.") var days: Int = 30

        func run() async throws {
            let today = ShopClock.system.today()
            let from = ShopClock.dayString(ShopClock.calendar.date(byAdding: .day, value: -(min(max(1, days), 3_660) - 1), to: today) ?? today)
            let usage = try await options.open { ledger, storeID in try await ledger.usage(storeID: storeID, from: from, to: ShopClock.dayString(today)) }
            printTable(["feature", "calls", "failed", "credits", "provider $"], usage.features.map {
                [$0.feature, String($0.calls), String($0.failedCalls), CreditsHandler.format($0.credits), String(format: "%.4f", $0.providerCost)]
            })
            print("total \(CreditsHandler.format(usage.totalCredits)) credits from \(from) to \(ShopClock.dayString(today))")
        }
    }
}
