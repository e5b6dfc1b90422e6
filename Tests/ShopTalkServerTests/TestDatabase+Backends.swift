import Foundation
import GRDB
import PostgresNIO
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Setting up and checking a live-server test's database on whichever backend `TestDatabase.demoStore()`
/// gave it, so that the suites that need owner tokens, a second store, credits or a count of rows run on
/// SQLite and, with `SHOPTALK_TEST_LIVE_BACKEND=postgres`, on PostgreSQL.
extension TestDatabase {
    var isPostgres: Bool { PostgresLocation.isPostgres(path) }

    /// Runs `body` with the database opened as the command line tools open it.
    func command<T: Sendable>(_ body: (CommandDatabase) async throws -> T) async throws -> T {
        try await CommandDatabase.at(path, logger: testLogger, body)
    }

    /// An owner (or staff) token for `store`.
    func ownerToken(store: String = "demo", name: String = "test", role: String = "owner") async throws -> String {
        try await command { database in
            switch database {
            case .sqlite(let sqlite): try await OwnerTokens(database: sqlite).create(storeSlug: store, name: name, role: role, now: Date())
            case .postgres(let postgres): try await OwnerTokens(database: postgres).create(storeSlug: store, name: name, role: role, now: Date())
            }
        }
    }

    /// Revokes the owner token with `id`, as the CLI does.
    func revokeToken(id: Int64) async throws -> Bool {
        try await command { database in
            switch database {
            case .sqlite(let sqlite): try await OwnerTokens(database: sqlite).revoke(id: id, now: Date())
            case .postgres(let postgres): try await OwnerTokens(database: postgres).revoke(id: id, now: Date())
            }
        }
    }

    /// The number and email of the demo store's first order with `status` (the last one with `last`).
    func order(status: String, last: Bool = false) async throws -> (number: String, email: String) {
        let order = last ? "DESC" : "ASC"
        let numbers = try await strings(
            sqlite: "SELECT number FROM orders WHERE storeId = (SELECT id FROM stores WHERE slug = 'demo') AND status = ? ORDER BY id \(order) LIMIT 1",
            postgres: "SELECT number FROM orders WHERE store_id = (SELECT id FROM stores WHERE slug = 'demo') AND status = \(status) ORDER BY id \(unescaped: order) LIMIT 1",
            arguments: [status])
        let number = try #require(numbers.first, "no \(status) order")
        let emails = try await strings(sqlite: "SELECT email FROM orders WHERE storeId = (SELECT id FROM stores WHERE slug = 'demo') AND number = ?",
                                       postgres: "SELECT email FROM orders WHERE store_id = (SELECT id FROM stores WHERE slug = 'demo') AND number = \(number)",
                                       arguments: [number])
        return (number, try #require(emails.first))
    }

    /// A second store seeded as the demo store is (for 2026-03-15).
    func seedStore(_ slug: String) async throws {
        _ = try await command { try await $0.seedDemo(slug: slug, clock: ShopClock(today: ShopClock.parseDay("2026-03-15") ?? Date()), logger: testLogger) }
    }

    /// The id of the store with `slug`.
    func storeID(_ slug: String = "demo") async throws -> Int64 {
        guard let store = try await command({ try await $0.store(slug: slug) }) else { throw TestSetupError("no store \(slug)") }
        return store.id
    }

    /// The store's AI-credits ledger, as the server keeps it on this backend.
    func withLedger<T: Sendable>(_ body: (any CreditBook) async throws -> T) async throws -> T {
        try await command { database in
            switch database {
            case .sqlite(let sqlite): try await body(CreditLedger(database: sqlite, clock: .system))
            case .postgres(let postgres): try await body(PostgresCreditLedger(database: postgres, clock: .system))
            }
        }
    }

    /// The store's policy sections, as the server keeps them on this backend.
    func withPolicies<T: Sendable>(_ body: (any PolicyStore) async throws -> T) async throws -> T {
        try await command { database in
            switch database {
            case .sqlite(let sqlite): try await body(SQLitePolicies(database: sqlite))
            case .postgres(let postgres): try await body(PostgresPolicies(database: postgres))
            }
        }
    }

    /// The integers a query returns (its first column). The two backends name columns differently
    /// (`storeId` on SQLite, `store_id` on PostgreSQL), so each gets its own text; values are bound.
    func integers(sqlite: String, postgres: PostgresQuery, arguments: StatementArguments = StatementArguments()) async throws -> [Int] {
        try await command { database in
            switch database {
            case .sqlite(let database): try await database.writer.read { try Int.fetchAll($0, sql: sqlite, arguments: arguments) }
            case .postgres(let database): try await database.rows(postgres).map { try $0.decode(Int.self) }
            }
        }
    }

    /// The strings a query returns (its first column), one text per backend as for `integers`.
    func strings(sqlite: String, postgres: PostgresQuery, arguments: StatementArguments = StatementArguments()) async throws -> [String] {
        try await command { database in
            switch database {
            case .sqlite(let database): try await database.writer.read { try String.fetchAll($0, sql: sqlite, arguments: arguments) }
            case .postgres(let database): try await database.rows(postgres).map { try $0.decode(String.self) }
            }
        }
    }

    /// Runs a statement that changes rows, one text per backend.
    func execute(sqlite: String, postgres: PostgresQuery) async throws {
        try await command { database in
            switch database {
            case .sqlite(let database): try await database.writer.write { try $0.execute(sql: sqlite) }
            case .postgres(let database): _ = try await database.rows(postgres)
            }
        }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
