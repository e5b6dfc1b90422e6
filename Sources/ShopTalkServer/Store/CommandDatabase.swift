import Foundation
import Logging
import ShopTalkCore

/// The database a command line tool works on: a SQLite file, or a PostgreSQL database whose pool runs
/// (and whose migrations are applied) for as long as the command's work does.
public enum CommandDatabase: Sendable {
    case sqlite(AppDatabase)
    case postgres(PostgresAppDatabase)

    /// Runs `body` with the database at `location`, a SQLite path or a `postgres://` URL.
    public static func at<T: Sendable>(_ location: String, logger: Logger, _ body: (CommandDatabase) async throws -> T) async throws -> T {
        guard PostgresLocation.isPostgres(location) else { return try await body(.sqlite(try AppDatabase.open(path: location))) }
        let database = PostgresAppDatabase(location: try PostgresLocation(url: location), maxConnections: 2, logger: logger)
        let pool = Task { try? await database.run() }
        defer { pool.cancel() }
        try await database.migrate()
        return try await body(.postgres(database))
    }

    public func store(slug: String) async throws -> Store? {
        switch self {
        case .sqlite(let database): try await database.store(slug: slug)
        case .postgres(let database): try await database.store(slug: slug)
        }
    }

    /// Generates the demo store under `slug`, replacing the catalog, discounts, customers, orders and
    /// sales of a store that has that slug already (`shoptalk seed`).
    public func seedDemo(slug: String, clock: ShopClock, logger: Logger) async throws -> Store {
        switch self {
        case .sqlite(let database): try await DemoSeeder(database: database).seed(slug: slug, clock: clock, logger: logger)
        case .postgres(let database): try await PostgresDemoSeeder(database: database, catalog: Self.catalog(database)).reseed(slug: slug, clock: clock, logger: logger)
        }
    }

    /// A catalog writer for tools: it tells running instances through the outbox, as a server's writes do.
    static func catalog(_ database: PostgresAppDatabase) -> PostgresCatalog {
        PostgresCatalog(database: database, outbox: EventOutbox(database: database, instanceID: "command"))
    }
}
