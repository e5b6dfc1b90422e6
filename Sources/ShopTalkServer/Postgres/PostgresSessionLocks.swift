import Foundation
import Logging
import PostgresNIO

/// Per-session ordering across instances: a turn runs while its instance holds the session's advisory
/// lock, so two connections of one session on two instances take turns. PostgreSQL grants waiting lock
/// requests in the order they came, so turns run in the order they reached the database. The lock belongs
/// to the holder's connection: an instance that dies drops its connection and with it the lock, so a
/// crashed holder never leaves a session stuck; a holder that hangs makes the others give up after
/// `wait` with `SessionBusy`, never wait forever.
public struct PostgresSessionLocks: Sendable {
    let database: PostgresAppDatabase
    let wait: Duration

    public init(database: PostgresAppDatabase, wait: Duration = .seconds(15)) {
        self.database = database
        self.wait = wait
    }

    /// Runs `body` holding the lock of session `key`.
    public func withLock<T: Sendable>(session key: String, _ body: @Sendable () async throws -> T) async throws -> T {
        let logger = database.logger
        let milliseconds = wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000
        let lockKey = "session:\(key)"
        return try await database.client.withConnection { connection in
            do {
                try await connection.rows("SELECT set_config('lock_timeout', \(String(milliseconds)), false)", logger: logger)
                try await connection.rows("SELECT pg_advisory_lock(hashtextextended(\(lockKey), 0))", logger: logger)
                try await connection.rows("SELECT set_config('lock_timeout', '0', false)", logger: logger)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55P03" {
                _ = try? await connection.rows("SELECT set_config('lock_timeout', '0', false)", logger: logger)
                throw SessionBusy(session: key)
            }
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            // A connection the server dropped took the lock with it; a query on it would never return.
            if connection.isClosed { return try result.get() }
            do {
                try await connection.rows("SELECT pg_advisory_unlock(hashtextextended(\(lockKey), 0))", logger: logger)
            } catch {
                // A connection that could not unlock is closed, which releases the lock with it.
                logger.warning("session_lock.unlock_failed", metadata: ["error": "\(String(reflecting: error))"])
                try? await connection.close()
            }
            return try result.get()
        }
    }
}

/// Another instance held the session's lock for longer than the wait.
public struct SessionBusy: Error, CustomStringConvertible {
    public let session: String
    public var description: String { "The conversation is busy on another server; try again." }
}

extension PostgresSessionLocks: SessionCoordination {
    func exclusive<T: Sendable>(session key: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await withLock(session: key, body)
    }
}
