import Foundation
import Logging
import PostgresNIO

/// Something one instance did that the others must hear of: an owner alert, a changed product, a
/// revoked token. The payload is the event's own JSON; `seq` orders all events of the database.
public struct OutboxEvent: Sendable, Equatable {
    public let seq: Int64
    public let kind: String
    public let storeID: Int64?
    public let payload: String
    /// The instance that published it.
    public let origin: String
}

/// The events table every instance appends to and follows. An event is a row, and the row is the carrier:
/// `NOTIFY` only wakes followers (its payload is capped at 8,000 bytes, and a lost one costs a poll
/// interval, not an event). Publishers append under one advisory lock held until commit, so sequence
/// numbers become visible in order and a follower reading `seq > last` never passes one still in flight.
public struct EventOutbox: Sendable {
    let database: PostgresAppDatabase
    /// This instance's name in `origin` and in the followers' cursors.
    public let instanceID: String
    /// The channel followers LISTEN on.
    static let channel = "shoptalk_events"
    static let appendLock: Int64 = 0x5348_4F50_4556_54

    public init(database: PostgresAppDatabase, instanceID: String) {
        self.database = database
        self.instanceID = instanceID
    }

    /// Appends an event and wakes the followers once it is committed; returns its sequence number.
    @discardableResult
    public func publish(kind: String, storeID: Int64?, payload: String) async throws -> Int64 {
        try await database.transaction { connection in
            try await append(kind: kind, storeID: storeID, payload: payload, on: connection)
        }
    }

    /// Appends an event inside the caller's transaction on `connection`: it is published if and only if
    /// that transaction commits, with the change it announces.
    @discardableResult
    func append(kind: String, storeID: Int64?, payload: String, on connection: PostgresConnection) async throws -> Int64 {
        let logger = database.logger
        try await connection.rows("SELECT pg_advisory_xact_lock(\(Self.appendLock))", logger: logger)
        let rows = try await connection.rows("""
            INSERT INTO events (kind, store_id, payload, origin) VALUES (\(kind), \(storeID), \(payload), \(instanceID)) RETURNING seq
            """, logger: logger)
        let seq = try rows.first?.decode(Int64.self) ?? 0
        // Delivered at commit, and only then.
        try await connection.rows("SELECT pg_notify(\(Self.channel), \(String(seq)))", logger: logger)
        return seq
    }

    /// Up to `limit` events after `seq`, in order.
    public func events(after seq: Int64, limit: Int) async throws -> [OutboxEvent] {
        let rows = try await database.rows("""
            SELECT seq, kind, store_id, payload, origin FROM events WHERE seq > \(seq) ORDER BY seq LIMIT \(max(1, limit))
            """)
        return try rows.map { row in
            let (seq, kind, store, payload, origin) = try row.decode((Int64, String, Int64?, String, String).self)
            return OutboxEvent(seq: seq, kind: kind, storeID: store, payload: payload, origin: origin)
        }
    }

    /// The newest sequence number (0 when there are no events).
    public func head() async throws -> Int64 {
        let rows = try await database.rows("SELECT COALESCE(max(seq), 0)::bigint FROM events")
        return try rows.first?.decode(Int64.self) ?? 0
    }

    /// Where this instance stopped following, if it followed before.
    func cursor() async throws -> Int64? {
        let rows = try await database.rows("SELECT seq FROM event_cursors WHERE instance = \(instanceID)")
        return try rows.first?.decode(Int64.self)
    }

    func saveCursor(_ seq: Int64) async throws {
        try await database.rows("""
            INSERT INTO event_cursors (instance, seq) VALUES (\(instanceID), \(seq))
            ON CONFLICT (instance) DO UPDATE SET seq = GREATEST(event_cursors.seq, EXCLUDED.seq), updated_at = now()
            """)
    }

    /// Deletes events every cursor has passed and that are older than `age` (the outbox is not an archive).
    public func prune(olderThan age: TimeInterval) async throws -> Int {
        let cutoff = Date().addingTimeInterval(-age)
        return try await database.rows("""
            DELETE FROM events WHERE created_at < \(cutoff) AND seq <= (SELECT COALESCE(min(seq), 0) FROM event_cursors) RETURNING seq
            """).count
    }
}
