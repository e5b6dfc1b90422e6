import Foundation
import GRDB

/// The application's database: one SQLite file (a `DatabasePool` in WAL mode) in production, a
/// temporary file in tests. Everything that reads or writes goes through this type, so the storage
/// boundary stays in one place when another database is added.
public struct AppDatabase: Sendable {
    /// The underlying GRDB connection (a pool on disk).
    public let writer: any DatabaseWriter

    /// Opens a database and applies any migrations it has not seen.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the SQLite file at `path`.
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true
        )
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // WAL survives a killed process; NORMAL keeps commits cheap while still durable across
            // process crashes (only an OS crash can lose the last commits).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try AppDatabase(pool)
    }

    /// Whether the database answers a trivial query.
    public func isHealthy() async -> Bool {
        (try? await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
