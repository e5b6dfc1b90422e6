import Foundation
import PostgresNIO
import ShopTalkCore

/// Failed order lookups and lockouts in PostgreSQL, shared by every instance: a check reads the lockouts
/// of the session and the address, and a failure is counted under the key's row lock, so an address
/// spreading its guesses over several instances is locked out after the same number as on one.
struct PostgresLookupAttempts: SharedLookupAttemptStore {
    let database: PostgresAppDatabase

    static let migration = PostgresMigration(name: "pg7-lookup-guard", statements: [
        // Failure times as seconds since 1970, newest last.
        """
        CREATE TABLE lookup_guard (
            key text PRIMARY KEY,
            failures double precision[] NOT NULL DEFAULT '{}',
            locked_until timestamptz
        )
        """,
        "CREATE INDEX lookup_guard_locked ON lookup_guard (locked_until)",
    ])

    func lockedUntil(keys: [String], now: Date) async throws -> Date? {
        guard !keys.isEmpty else { return nil }
        return try await database.rows("""
            SELECT max(locked_until) FROM lookup_guard WHERE key = ANY(\(keys)) AND locked_until > \(now)
            """).first?.decode(Date?.self)
    }

    func recordFailure(key: String, now: Date, rule: LookupAttempts.Rule) async throws -> LookupAttempts {
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.rows("INSERT INTO lookup_guard (key) VALUES (\(key)) ON CONFLICT (key) DO NOTHING", logger: logger)
            let row = try await connection.rows("SELECT failures, locked_until FROM lookup_guard WHERE key = \(key) FOR UPDATE", logger: logger).first
            let (seconds, lockedUntil) = try row?.decode(([Double], Date?).self) ?? ([], nil)
            let before = LookupAttempts(failures: seconds.map(Date.init(timeIntervalSince1970:)), lockedUntil: lockedUntil)
            let after = before.recording(failureAt: now, rule: rule)
            try await connection.rows("""
                UPDATE lookup_guard SET failures = \(after.failures.map(\.timeIntervalSince1970)), locked_until = \(after.lockedUntil) WHERE key = \(key)
                """, logger: logger)
            return after
        }
    }

    func loadAttempts() async throws -> [String: LookupAttempts] {
        var attempts: [String: LookupAttempts] = [:]
        for row in try await database.rows("SELECT key, failures, locked_until FROM lookup_guard") {
            let (key, seconds, lockedUntil) = try row.decode((String, [Double], Date?).self)
            attempts[key] = LookupAttempts(failures: seconds.map(Date.init(timeIntervalSince1970:)), lockedUntil: lockedUntil)
        }
        return attempts
    }

    func saveAttempts(_ attempts: LookupAttempts, key: String) async throws {
        try await database.rows("""
            INSERT INTO lookup_guard (key, failures, locked_until) VALUES (\(key), \(attempts.failures.map(\.timeIntervalSince1970)), \(attempts.lockedUntil))
            ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until
            """)
    }
}
