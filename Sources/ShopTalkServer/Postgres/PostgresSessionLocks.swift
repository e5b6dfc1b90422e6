import Foundation
import Logging
import PostgresNIO

/// Per-session ordering across instances: a turn runs while its instance holds the session's advisory
/// lock, so two connections of one session on two instances take turns. PostgreSQL grants waiting lock
/// requests in the order they came, so turns run in the order they reached the database. The lock belongs
/// to the holder's connection: an instance that dies drops its connection and with it the lock, so a
/// crashed holder never leaves a session stuck; a holder that hangs makes the others give up after
/// `wait` with `SessionBusy`, never wait forever.
///
/// Taking the lock is one round trip: `shoptalk_session_lock` sets the wait for its own statement only,
/// waits for the lock, and returns what the last turn stored if it is newer than the caller's. Releasing
/// it is a second.
public struct PostgresSessionLocks: Sendable {
    let database: PostgresAppDatabase
    let wait: Duration

    public init(database: PostgresAppDatabase, wait: Duration = .seconds(15)) {
        self.database = database
        self.wait = wait
    }

    static let migration = PostgresMigration(name: "pg17-session-lock", statements: [
        // SET LOCAL (set_config's `true`) lasts until the end of the statement's own transaction, so the
        // connection's lock_timeout is never left changed, whether the lock is granted or the wait ends.
        """
        CREATE FUNCTION shoptalk_session_lock(lock_key text, wait_ms bigint, session text, store bigint, known_seq bigint)
        RETURNS TABLE (stored_state text, stored_seq bigint) LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM set_config('lock_timeout', wait_ms::text, true);
            PERFORM pg_advisory_lock(hashtextextended(lock_key, 0));
            RETURN QUERY SELECT s.state, s.last_seq FROM sessions s
                WHERE s.id = session AND s.store_id = store AND s.last_seq > known_seq;
        END
        $$
        """,
    ])

    /// Runs `body` holding the lock of session `key`.
    public func withLock<T: Sendable>(session key: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await withLock(session: key, storeID: nil, after: 0) { _ in try await body() }
    }

    /// Runs `body` holding the lock of session `key`, handing it the session's stored state when the last
    /// turn stored (on any instance) is past `seq`.
    func withLock<T: Sendable>(
        session key: String, storeID: Int64?, after seq: Int, _ body: @Sendable (StoredProgress?) async throws -> T
    ) async throws -> T {
        let logger = database.logger
        let (seconds, attoseconds) = wait.components
        let milliseconds = max(1, seconds.multipliedReportingOverflow(by: 1000).partialValue + attoseconds / 1_000_000_000_000_000)
        let lockKey = "session:\(key)"
        return try await database.client.withConnection { connection in
            let stored: StoredProgress?
            do {
                let rows = try await connection.rows("""
                    SELECT stored_state, stored_seq FROM shoptalk_session_lock(\(lockKey), \(milliseconds), \(key), \(storeID), \(seq))
                    """, logger: logger)
                stored = try rows.first.map { row in
                    let (state, lastSeq) = try row.decode((String, Int).self)
                    return StoredProgress(state: state, lastSeq: lastSeq)
                }
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55P03" {
                throw SessionBusy(session: key)
            } catch {
                // A session-level lock outlives a failed statement: only closing the connection surely ends it.
                try? await connection.close()
                throw error
            }
            let result: Result<T, any Error>
            do { result = .success(try await body(stored)) } catch { result = .failure(error) }
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
    func exclusive<T: Sendable>(
        session key: String, storeID: Int64, after seq: Int, _ body: @Sendable (StoredProgress?) async throws -> T
    ) async throws -> T {
        try await withLock(session: key, storeID: storeID, after: seq, body)
    }
}
