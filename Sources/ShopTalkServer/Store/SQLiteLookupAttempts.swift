import Foundation
import GRDB
import ShopTalkCore

/// Failed order lookups and lockouts in the `lookup_guard` table, so that restarting the server does not
/// reset an attacker's count. Rows whose failures and lockout have both expired are deleted on load.
struct SQLiteLookupAttempts: LookupAttemptStore {
    let database: AppDatabase
    /// Failures older than this no longer count (the guard's window).
    let window: TimeInterval
    let clock: ShopClock

    func loadAttempts() async throws -> [String: LookupAttempts] {
        let now = clock.now()
        let window = window
        return try await database.writer.write { db in
            var attempts: [String: LookupAttempts] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, failures, lockedUntil FROM lookup_guard") {
                let key: String = row["key"]
                let text: String = row["failures"]
                let failures = ((try? JSONDecoder().decode([Date].self, from: Data(text.utf8))) ?? []).filter { now.timeIntervalSince($0) < window }
                let lockedUntil: Date? = row["lockedUntil"]
                if failures.isEmpty && (lockedUntil ?? .distantPast) <= now {
                    try db.execute(sql: "DELETE FROM lookup_guard WHERE key = ?", arguments: [key])
                } else {
                    attempts[key] = LookupAttempts(failures: failures, lockedUntil: lockedUntil)
                }
            }
            return attempts
        }
    }

    func saveAttempts(_ attempts: LookupAttempts, key: String) async throws {
        let failures = String(decoding: try JSONEncoder().encode(attempts.failures), as: UTF8.self)
        try await database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO lookup_guard (key, failures, lockedUntil) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, lockedUntil = excluded.lockedUntil",
                arguments: [key, failures, attempts.lockedUntil]
            )
        }
    }
}
