import Foundation
import Logging
import PostgresNIO
import ShopTalkCore

/// Alerts, deliveries and preferences in PostgreSQL, shared by every instance. An alert is announced as
/// `alert.recorded` through the outbox in the transaction that files it, so that owners connected to any
/// instance see it live (`AlertHub.relay`). Instances claim a delivery with a conditional update, so each
/// is sent by one of them; the digest is queued under its preferences row's lock, so once a day.
struct PostgresAlertRows: AlertRows {
    let database: PostgresAppDatabase
    let outbox: EventOutbox?
    static let recordedEvent = "alert.recorded"
    /// A claimed delivery older than this is taken to belong to an instance that died mid-send.
    static let abandonedAfter: TimeInterval = 600

    init(database: PostgresAppDatabase, outbox: EventOutbox? = nil) {
        self.database = database
        self.outbox = outbox
    }

    static let migration = PostgresMigration(name: "pg9-alerts", statements: [
        """
        CREATE TABLE alert_log (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            kind text NOT NULL,
            subject text NOT NULL,
            message text NOT NULL,
            created_at timestamptz NOT NULL,
            resolved_at timestamptz
        )
        """,
        "CREATE INDEX alert_log_store_created ON alert_log (store_id, created_at)",
        "CREATE INDEX alert_log_store_subject ON alert_log (store_id, kind, subject)",
        """
        CREATE TABLE alert_deliveries (
            id bigserial PRIMARY KEY,
            store_id bigint NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
            alert_id bigint REFERENCES alert_log(id) ON DELETE CASCADE,
            channel text NOT NULL,
            status text NOT NULL,
            attempts bigint NOT NULL DEFAULT 0,
            detail text NOT NULL DEFAULT '',
            subject text NOT NULL,
            body text NOT NULL,
            created_at timestamptz NOT NULL,
            claimed_at timestamptz,
            sent_at timestamptz
        )
        """,
        "CREATE INDEX alert_deliveries_pending ON alert_deliveries (status, store_id)",
        "CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id)",
        """
        CREATE TABLE alert_preferences (
            store_id bigint PRIMARY KEY REFERENCES stores(id) ON DELETE CASCADE,
            enabled boolean NOT NULL DEFAULT true,
            low_stock_threshold bigint,
            email text,
            webhook_url text,
            webhook_secret text,
            quiet_start bigint,
            quiet_end bigint,
            digest_hour bigint NOT NULL DEFAULT 9,
            last_digest_day text
        )
        """,
    ])

    func record(kind: String, subject: String, message: String, at: Date, storeID: Int64,
                announce: @Sendable (Int64) -> String) async throws -> Int64 {
        let logger = database.logger
        return try await database.transaction { connection in
            guard let id = try await connection.rows("""
                INSERT INTO alert_log (store_id, kind, subject, message, created_at) VALUES (\(storeID), \(kind), \(subject), \(message), \(at)) RETURNING id
                """, logger: logger).first?.decode(Int64.self) else { throw ChatError(.internal, "The alert was not stored.") }
            try await queue(alertID: id, kind: kind, message: message, at: at, storeID: storeID, on: connection)
            if let outbox { try await outbox.append(kind: Self.recordedEvent, storeID: storeID, payload: announce(id), on: connection) }
            return id
        }
    }

    private func queue(alertID: Int64?, kind: String, message: String, at: Date, storeID: Int64, on connection: PostgresConnection) async throws {
        let logger = database.logger
        let preferences = try await Self.preferences(storeID: storeID, on: connection, logger: logger)
        let store = try await connection.rows("SELECT slug, name FROM stores WHERE id = \(storeID)", logger: logger).first?.decode((String, String).self)
        let queued = AlertMessages.deliveries(alertID: alertID, kind: kind, message: message, at: at, slug: store?.0 ?? "",
                                              name: store?.1 ?? "", preferences: preferences)
        for delivery in queued {
            try await connection.rows("""
                INSERT INTO alert_deliveries (store_id, alert_id, channel, status, subject, body, created_at)
                VALUES (\(storeID), \(alertID), \(delivery.channel), 'pending', \(delivery.subject), \(delivery.body), \(at))
                """, logger: logger)
        }
    }

    func claimPending(storeID: Int64?, now: Date, limit: Int) async throws -> [AlertDelivery] {
        let limit = max(1, limit)
        let pending: [PostgresRow]
        if let storeID {
            pending = try await database.rows("""
                SELECT id, store_id, channel, subject, body, attempts FROM alert_deliveries
                WHERE status = 'pending' AND store_id = \(storeID) ORDER BY id LIMIT \(limit)
                """)
        } else {
            pending = try await database.rows("""
                SELECT id, store_id, channel, subject, body, attempts FROM alert_deliveries WHERE status = 'pending' ORDER BY id LIMIT \(limit)
                """)
        }
        var preferencesByStore: [Int64: AlertPreferences] = [:]
        var claimed: [AlertDelivery] = []
        for row in pending {
            let (id, store, channel, subject, body, attempts) = try row.decode((Int64, Int64, String, String, String, Int).self)
            let preferences: AlertPreferences
            if let known = preferencesByStore[store] { preferences = known } else { preferences = try await self.preferences(storeID: store) }
            preferencesByStore[store] = preferences
            guard !preferences.isQuiet(at: now) else { continue }
            // Another instance may have claimed it since the read: only one update succeeds.
            let won = try await database.rows("""
                UPDATE alert_deliveries SET status = 'sending', claimed_at = \(now) WHERE id = \(id) AND status = 'pending' RETURNING id
                """)
            if !won.isEmpty {
                claimed.append(AlertDelivery(id: id, preferences: preferences, channel: channel, subject: subject, body: body, attempts: attempts))
            }
        }
        return claimed
    }

    func finish(deliveryID: Int64, status: String, detail: String, sentAt: Date?) async throws {
        try await database.rows("""
            UPDATE alert_deliveries SET status = \(status), attempts = attempts + 1, detail = \(detail), sent_at = \(sentAt) WHERE id = \(deliveryID)
            """)
    }

    func queueDueDigests(now: Date) async throws {
        let logger = database.logger
        let since = now.addingTimeInterval(-86_400)
        try await database.transaction { connection in
            // The rows stay locked until commit: an instance racing this one waits, then sees today's digest done.
            let stores = try await connection.rows("""
                SELECT store_id FROM alert_preferences WHERE enabled AND (email IS NOT NULL OR webhook_url IS NOT NULL) ORDER BY store_id FOR UPDATE
                """, logger: logger).map { try $0.decode(Int64.self) }
            for storeID in stores {
                var preferences = try await Self.preferences(storeID: storeID, on: connection, logger: logger)
                guard AlertMessages.digestDue(preferences, now: now) else { continue }
                let low = try await connection.rows("""
                    SELECT message FROM alert_log WHERE store_id = \(storeID) AND kind = 'low_stock' AND resolved_at IS NULL ORDER BY created_at, id
                    """, logger: logger).map { try $0.decode(String.self) }
                let counts = try await connection.rows("""
                    SELECT count(*) FILTER (WHERE created_at >= \(since)), count(*) FILTER (WHERE kind = 'ticket' AND resolved_at IS NULL)
                    FROM alert_log WHERE store_id = \(storeID)
                    """, logger: logger).first?.decode((Int, Int).self) ?? (0, 0)
                let day = ShopClock.dayString(now)
                let text = AlertMessages.digest(day: day, lowStock: low, recent: counts.0, openTickets: counts.1)
                try await queue(alertID: nil, kind: "digest", message: text, at: now, storeID: storeID, on: connection)
                preferences.lastDigestDay = day
                try await Self.save(preferences, storeID: storeID, on: connection, logger: logger)
            }
        }
    }

    func recoverInterruptedDeliveries(now: Date) async throws {
        // Other instances may be sending right now: only claims older than any send could take go back.
        let before = now.addingTimeInterval(-Self.abandonedAfter)
        try await database.rows("UPDATE alert_deliveries SET status = 'pending' WHERE status = 'sending' AND claimed_at < \(before)")
    }

    func alerts(storeID: Int64, openOnly: Bool, limit: Int) async throws -> [AlertEntry] {
        let limit = max(1, min(limit, 500))
        let rows = try await database.rows(openOnly
            ? "SELECT id, kind, message, created_at, resolved_at FROM alert_log WHERE store_id = \(storeID) AND resolved_at IS NULL ORDER BY created_at DESC, id DESC LIMIT \(limit)"
            : "SELECT id, kind, message, created_at, resolved_at FROM alert_log WHERE store_id = \(storeID) ORDER BY created_at DESC, id DESC LIMIT \(limit)")
        var entries = try rows.map { row in
            let (id, kind, message, created, resolved) = try row.decode((Int64, String, String, Date, Date?).self)
            return AlertEntry(id: id, kind: kind, message: message, createdAt: created, resolvedAt: resolved)
        }
        let ids = entries.map(\.id)
        guard !ids.isEmpty else { return entries }
        var deliveries: [Int64: [String]] = [:]
        for row in try await database.rows("SELECT alert_id, channel, status, detail FROM alert_deliveries WHERE alert_id = ANY(\(ids)) ORDER BY id") {
            let (alert, channel, status, detail) = try row.decode((Int64, String, String, String).self)
            deliveries[alert, default: []].append(AlertMessages.describe(channel: channel, status: status, detail: detail))
        }
        for index in entries.indices { entries[index].deliveries = deliveries[entries[index].id] ?? [] }
        return entries
    }

    func resolve(alertID: Int64, storeID: Int64, at: Date) async throws -> Bool {
        try await !database.rows("""
            UPDATE alert_log SET resolved_at = \(at) WHERE id = \(alertID) AND store_id = \(storeID) AND resolved_at IS NULL RETURNING id
            """).isEmpty
    }

    func preferences(storeID: Int64) async throws -> AlertPreferences {
        let logger = database.logger
        return try await database.transaction { connection in try await Self.preferences(storeID: storeID, on: connection, logger: logger) }
    }

    func save(_ preferences: AlertPreferences, storeID: Int64) async throws {
        let logger = database.logger
        try await database.transaction { connection in try await Self.save(preferences, storeID: storeID, on: connection, logger: logger) }
    }

    static func preferences(storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws -> AlertPreferences {
        guard let row = try await connection.rows("""
            SELECT enabled, low_stock_threshold, email, webhook_url, webhook_secret, quiet_start, quiet_end, digest_hour, last_digest_day
            FROM alert_preferences WHERE store_id = \(storeID)
            """, logger: logger).first else { return AlertPreferences() }
        let (enabled, threshold, email, url, secret, quietStart, quietEnd, digestHour, lastDigest) =
            try row.decode((Bool, Int?, String?, String?, String?, Int?, Int?, Int, String?).self)
        return AlertPreferences(enabled: enabled, lowStockThreshold: threshold, email: email, webhookURL: url, webhookSecret: secret,
                                quietStart: quietStart, quietEnd: quietEnd, digestHour: digestHour, lastDigestDay: lastDigest)
    }

    static func save(_ preferences: AlertPreferences, storeID: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        let p = preferences
        try await connection.rows("""
            INSERT INTO alert_preferences (store_id, enabled, low_stock_threshold, email, webhook_url, webhook_secret, quiet_start, quiet_end, digest_hour, last_digest_day)
            VALUES (\(storeID), \(p.enabled), \(p.lowStockThreshold), \(p.email), \(p.webhookURL), \(p.webhookSecret), \(p.quietStart), \(p.quietEnd),
                    \(p.digestHour), \(p.lastDigestDay))
            ON CONFLICT (store_id) DO UPDATE SET enabled = EXCLUDED.enabled, low_stock_threshold = EXCLUDED.low_stock_threshold,
                email = EXCLUDED.email, webhook_url = EXCLUDED.webhook_url, webhook_secret = EXCLUDED.webhook_secret,
                quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, digest_hour = EXCLUDED.digest_hour,
                last_digest_day = EXCLUDED.last_digest_day
            """, logger: logger)
    }
}

extension AlertHub {
    /// Pushes an alert another instance recorded to this instance's owners. The instance that recorded it
    /// pushed it itself, so its own events are skipped.
    func relay(_ event: OutboxEvent, localInstance: String) {
        guard event.kind == PostgresAlertRows.recordedEvent, event.origin != localInstance, let storeID = event.storeID else { return }
        publish(event.payload, storeID: storeID)
    }
}
