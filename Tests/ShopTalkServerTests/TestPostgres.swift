import Foundation
import Logging
import PostgresNIO
import ShopTalkCore
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

extension TestPostgres {
    /// Whether tests that reach the demo store only through a live server run it on PostgreSQL: with
    /// `SHOPTALK_TEST_LIVE_BACKEND=postgres` and a test server. `.ci/run` runs those suites both ways.
    static var liveServers: Bool {
        available && ProcessInfo.processInfo.environment["SHOPTALK_TEST_LIVE_BACKEND"] == "postgres"
    }
}

extension TestDatabase {
    /// The demo store for a test that reaches it only through the server (HTTP and the socket, never the
    /// file): a copy of the SQLite template, or, when `TestPostgres.liveServers`, a PostgreSQL database
    /// made from a template database seeded once, so that the same test runs on either backend.
    static func demoStore() async throws -> TestDatabase {
        guard TestPostgres.liveServers else { return try await seeded() }
        return TestDatabase(path: try await PostgresSeededTemplate.shared.copy())
    }
}

/// The demo store seeded once into a PostgreSQL database that later databases are created from
/// (`CREATE DATABASE … TEMPLATE`), as `SeededTemplate` does with a SQLite file.
actor PostgresSeededTemplate {
    static let shared = PostgresSeededTemplate()
    private var template: Task<String, any Error>?

    /// A new database, a copy of the seeded one; returns its URL.
    func copy() async throws -> String {
        let base = try PostgresLocation(url: try #require(TestPostgres.url, "SHOPTALK_TEST_POSTGRES is not set"))
        let template = self.template ?? Task { try await Self.seedTemplate(base) }
        self.template = template
        let source = try await template.value
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresAppDatabase(location: base, maxConnections: 1, logger: testLogger)
        try await TestPostgres.running(admin) {
            // The seeding pool's connections may take a moment to close; a template in use cannot be copied.
            for attempt in 1...20 {
                do {
                    try await admin.rows(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(source)"))
                    return
                } catch where attempt < 20 {
                    try await Task.sleep(for: .milliseconds(250))
                }
            }
        }
        return base.with(database: name).redacted
    }

    private static func seedTemplate(_ base: PostgresLocation) async throws -> String {
        let name = "tmpl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresAppDatabase(location: base, maxConnections: 1, logger: testLogger)
        _ = try await TestPostgres.running(admin) { try await admin.rows(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)")) }
        let database = PostgresAppDatabase(location: base.with(database: name), maxConnections: 4, logger: testLogger)
        try await TestPostgres.running(database) {
            try await database.migrate()
            try await PostgresDemoSeeder(database: database, catalog: PostgresCatalog(database: database, outbox: nil))
                .seedIfEmpty(clock: ShopClock(today: ShopClock.parseDay("2026-03-15")!), logger: testLogger)
        }
        return name
    }
}
