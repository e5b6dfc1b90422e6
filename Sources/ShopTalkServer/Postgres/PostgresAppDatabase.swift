import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// A PostgreSQL database as ShopTalk uses it: a pool of at most `maxConnections` connections, the named
/// migrations applied once, and serialized transactions for the stores built on it. The pool runs as a
/// `Service`; every query waits for a connection rather than opening one past the limit.
public final class PostgresAppDatabase: Service, Sendable {
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger

    public init(location: PostgresLocation, maxConnections: Int = 20, logger: Logger) {
        self.location = location
        self.logger = logger
        client = PostgresClient(configuration: location.clientConfiguration(maxConnections: maxConnections), backgroundLogger: logger)
    }

    /// Keeps the pool open until the task is cancelled (graceful shutdown closes its connections).
    public func run() async throws {
        await client.run()
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it
    /// throws, and the error it threw (a refusal, a domain error) is the one the caller sees.
    @discardableResult
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError { throw closureError }
            throw PostgresStoreError(error)
        }
    }

    /// Runs one statement outside a transaction and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.query(query, logger: logger).collect()
    }

    /// Applies the migrations this database has not seen, in order, each named once and never edited
    /// after it landed. Instances starting together take turns on an advisory lock, so each migration runs
    /// once. Returns the names applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await transaction { connection in
            try await connection.rows("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.rows("""
                CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            var now: [String] = []
            for migration in Self.migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.rows(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.rows("INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                now.append(migration.name)
            }
            return now
        }
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() async throws -> [String] {
        var names: [String] = []
        for try await name in try await client.query("SELECT name FROM schema_migrations ORDER BY applied_at, name", logger: logger).decode(String.self) {
            names.append(name)
        }
        return names
    }

    /// The advisory-lock key migrations hold (an arbitrary constant of ours).
    static let migrationLock: Int64 = 0x5348_4F50_4D49_47
}

/// A database failure that is not the caller's refusal: the connection, the server or a constraint.
public struct PostgresStoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ error: PostgresTransactionError) {
        let underlying = error.beginError ?? error.commitError ?? error.rollbackError
        description = "PostgreSQL transaction failed: \(underlying.map { String(reflecting: $0) } ?? "unknown")"
    }
}

extension PostgresConnection {
    /// Runs one statement and reads all its rows. A statement's failure (a lock timeout, a constraint)
    /// arrives with its rows, so a statement whose rows nobody reads must still be drained here, or the
    /// failure would pass unnoticed.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
