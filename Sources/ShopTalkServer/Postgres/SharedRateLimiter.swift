import Foundation
import PostgresNIO

/// A rate limit every instance shares: hits per key in fixed windows, counted in one row per window by an
/// atomic upsert. A fixed window lets through at most twice the limit across a window boundary (the end
/// of one window and the start of the next), the bound the README gives for the shared limits.
public struct SharedRateLimiter: Sendable {
    let database: PostgresAppDatabase
    public let limit: Int
    public let window: TimeInterval

    public init(database: PostgresAppDatabase, limit: Int, window: TimeInterval) {
        self.database = database
        self.limit = limit
        self.window = max(1, window)
    }

    /// Counts a hit for `key` at `now` and says whether it is within the limit.
    public func allow(_ key: String, now: Date = Date()) async throws -> Bool {
        let seconds = now.timeIntervalSince1970
        guard seconds.isFinite else { return false }
        let start = Date(timeIntervalSince1970: (seconds / window).rounded(.down) * window)
        let rows = try await database.rows("""
            INSERT INTO rate_windows (key, window_start, hits) VALUES (\(key), \(start), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits
            """)
        let hits = try rows.first?.decode(Int.self) ?? 0
        return hits <= limit
    }

    /// Forgets windows that ended before `now - window`.
    public func prune(now: Date = Date()) async throws {
        try await database.rows("DELETE FROM rate_windows WHERE window_start < \(now.addingTimeInterval(-2 * window))")
    }
}
