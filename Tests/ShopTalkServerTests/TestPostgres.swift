import Foundation
import Logging
import PostgresNIO
@testable import ShopTalkServer
import Synchronization
import Testing

/// The PostgreSQL server the tests run against, when there is one: `.ci/run` starts one with
/// `Scripts/ci/postgres.sh` and passes its URL in `SHOPTALK_TEST_POSTGRES`. Without it the PostgreSQL
/// cases are left out and the SQLite ones still run; CI checks that they ran.
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["SHOPTALK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool { url != nil }

    /// Runs `body` with a database of the test's own on the test server, migrated, its pool running;
    /// the database is dropped afterwards. A test that hangs fails after `deadline` seconds instead.
    static func withDatabase<T: Sendable>(maxConnections: Int = 20, migrated: Bool = true, deadline: Double = 180,
                                          _ body: @escaping @Sendable (PostgresAppDatabase) async throws -> T) async throws -> T {
        let location = try PostgresLocation(url: try #require(url, "SHOPTALK_TEST_POSTGRES is not set"))
        return try await failingAfter(seconds: deadline) {
            try await withDatabase(on: location, maxConnections: maxConnections, migrated: migrated, body)
        }
    }

    private static func withDatabase<T: Sendable>(on base: PostgresLocation, maxConnections: Int, migrated: Bool,
                                                  _ body: @Sendable (PostgresAppDatabase) async throws -> T) async throws -> T {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresAppDatabase(location: base, maxConnections: 1, logger: testLogger)
        return try await running(admin) {
            try await admin.rows(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            let database = PostgresAppDatabase(location: base.with(database: name), maxConnections: maxConnections, logger: testLogger)
            let result = await Result(catching: {
                try await running(database) {
                    if migrated { try await database.migrate() }
                    return try await body(database)
                }
            })
            _ = try? await admin.rows(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
            return try result.get()
        }
    }

    /// Another pool on the same database, as another instance would open: `body` runs while it runs.
    static func secondInstance<T: Sendable>(of database: PostgresAppDatabase, _ body: (PostgresAppDatabase) async throws -> T) async throws -> T {
        let other = PostgresAppDatabase(location: database.location, maxConnections: 20, logger: testLogger)
        return try await running(other) { try await body(other) }
    }

    /// Runs `body` while `database`'s pool runs.
    static func running<T: Sendable>(_ database: PostgresAppDatabase, _ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}

/// A value several tasks share: a `Mutex` in a class, so that task-group closures can capture it.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}
