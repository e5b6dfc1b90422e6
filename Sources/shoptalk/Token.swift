import ArgumentParser
import Foundation
import Logging
import ShopTalkCore
import ShopTalkServer

/// `shoptalk token create|list|revoke`: owner tokens.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage owner tokens (only their hashes are stored).",
        subcommands: [Create.self, List.self, Revoke.self]
    )
    /// Errors only: the commands print their own results.
    static var logger: Logger {
        var logger = Logger(label: "shoptalk.token")
        logger.logLevel = .error
        return logger
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an owner token; it is printed once, as the last line.")
        static var logger: Logger { Token.logger }
        @Option(help: "Store slug.") var store: String
        @Option(help: "A name to recognise the token by; a staff member's first name is shown to shoppers (\"You're now chatting with Sam\").") var name: String = ""
        @Option(help: "owner (everything) or staff (the live-chat queue only).") var role: String = "owner"
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func validate() throws {
            guard OwnerTokens.roles.contains(role) else { throw ValidationError("--role is owner or staff.") }
        }

        func run() async throws {
            let path = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            let token: String
            do {
                token = try await OwnerTokens.at(path, logger: Self.logger) { try await $0.create(storeSlug: store, name: name, role: role, now: ShopClock.system.now()) }
            } catch let error as ChatError where error.code == .notFound {
                throw ValidationError("There is no store \"\(store)\" in \(path). Start the server once (it creates the demo store), run `swift run shoptalk seed --store \(store)`, or import sales into it with `swift run shoptalk import sales FILE --store \(store)`.")
            }
            print("\(role == "staff" ? "Staff" : "Owner") token for store \(store) (keep it secret; it is not shown again):")
            print(token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List owner tokens.")
        @Option(help: "Only this store's tokens.") var store: String?
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            let tokens = try await OwnerTokens.at(location, logger: Token.logger) { try await $0.list(storeSlug: store) }
            print("id".padding(toLength: 6, withPad: " ", startingAt: 0) + "store".padding(toLength: 14, withPad: " ", startingAt: 0)
                  + "name".padding(toLength: 20, withPad: " ", startingAt: 0) + "role   created     last used   state")
            for token in tokens {
                print(String(token.id).padding(toLength: 6, withPad: " ", startingAt: 0)
                      + token.store.padding(toLength: 14, withPad: " ", startingAt: 0)
                      + token.name.padding(toLength: 20, withPad: " ", startingAt: 0) + token.role.padding(toLength: 7, withPad: " ", startingAt: 0)
                      + ShopClock.dayString(token.createdAt) + "  " + (token.lastUsedAt.map(ShopClock.dayString) ?? "never     ")
                      + "  " + (token.revokedAt == nil ? "active" : "revoked"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an owner token by id.")
        @Argument(help: "Token id (see `shoptalk token list`).") var id: Int64
        @Option(help: "SQLite database file or postgres:// URL. [env: SHOPTALK_DB, default: ./shoptalk.sqlite]") var db: String?

        func run() async throws {
            let location = EnvironmentOptions.resolve(db, "SHOPTALK_DB", default: "./shoptalk.sqlite")
            guard try await OwnerTokens.at(location, logger: Token.logger, { try await $0.revoke(id: id, now: ShopClock.system.now()) }) else {
                throw ValidationError("No active token \(id).")
            }
            print("Revoked token \(id).")
        }
    }
}
