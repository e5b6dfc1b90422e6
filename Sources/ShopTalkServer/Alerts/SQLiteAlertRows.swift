import Foundation
import GRDB
import ShopTalkCore

/// Alerts, deliveries and preferences in SQLite. One process owns the file, so claiming a delivery is
/// a status change inside SQLite's one write transaction at a time.
struct SQLiteAlertRows: AlertRows {
    let database: AppDatabase

    func record(kind: String, subject: String, message: String, at: Date, storeID: Int64,
                announce: @Sendable (Int64) -> String) async throws -> Int64 {
        try await database.writer.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO alert_log (storeId, kind, subject, message, createdAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [storeID, kind, subject, message, at])
            let id = db.lastInsertedRowID
            try Self.queue(alertID: id, kind: kind, message: message, at: at, storeID: storeID, db: db)
            return id
        }
    }

    static func queue(alertID: Int64?, kind: String, message: String, at: Date, storeID: Int64, db: Database) throws {
        let preferences = try AlertPreferences.fetch(storeID: storeID, db: db)
        let store = try Row.fetchOne(db, sql: "SELECT slug, name FROM stores WHERE id = ?", arguments: [storeID])
        let slug: String = store?["slug"] ?? ""
        let queued = AlertMessages.deliveries(alertID: alertID, kind: kind, message: message, at: at, slug: slug,
                                              name: store?["name"] ?? slug, preferences: preferences)
        for delivery in queued {
            try db.execute(sql: """
                INSERT INTO alert_deliveries (storeId, alertId, channel, status, subject, body, createdAt) VALUES (?, ?, ?, 'pending', ?, ?, ?)
                """, arguments: [storeID, alertID, delivery.channel, delivery.subject, delivery.body, at])
        }
    }

    func claimPending(storeID: Int64?, now: Date, limit: Int) async throws -> [AlertDelivery] {
        try await database.writer.write { db in
            var sql = "SELECT id, storeId, channel, subject, body, attempts FROM alert_deliveries WHERE status = 'pending'"
            var arguments: StatementArguments = []
            if let storeID { sql += " AND storeId = ?"; arguments += [storeID] }
            // Each store's preferences are read once: they decide the quiet hours and where to send.
            var preferencesByStore: [Int64: AlertPreferences] = [:]
            var claimed: [AlertDelivery] = []
            for row in try Row.fetchAll(db, sql: sql + " ORDER BY id LIMIT ?", arguments: arguments + [max(1, limit)]) {
                let store: Int64 = row["storeId"]
                let preferences = try preferencesByStore[store] ?? AlertPreferences.fetch(storeID: store, db: db)
                preferencesByStore[store] = preferences
                guard !preferences.isQuiet(at: now) else { continue }
                try db.execute(sql: "UPDATE alert_deliveries SET status = 'sending' WHERE id = ? AND status = 'pending'", arguments: [row["id"] as Int64])
                if db.changesCount == 1 {
                    claimed.append(AlertDelivery(id: row["id"], preferences: preferences, channel: row["channel"], subject: row["subject"],
                                                 body: row["body"], attempts: row["attempts"]))
                }
            }
            return claimed
        }
    }

    func finish(deliveryID: Int64, status: String, detail: String, sentAt: Date?) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE alert_deliveries SET status = ?, attempts = attempts + 1, detail = ?, sentAt = ? WHERE id = ?",
                           arguments: [status, detail, sentAt, deliveryID])
        }
    }

    func queueDueDigests(now: Date) async throws {
        try await database.writer.write { db in
            for storeID in try Int64.fetchAll(db, sql: "SELECT storeId FROM alert_preferences WHERE enabled = 1 AND (email IS NOT NULL OR webhookURL IS NOT NULL)") {
                var preferences = try AlertPreferences.fetch(storeID: storeID, db: db)
                guard AlertMessages.digestDue(preferences, now: now) else { continue }
                let low = try String.fetchAll(db, sql: """
                    SELECT message FROM alert_log WHERE storeId = ? AND kind = 'low_stock' AND resolvedAt IS NULL ORDER BY createdAt
                    """, arguments: [storeID])
                let recent = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_log WHERE storeId = ? AND createdAt >= ?",
                                              arguments: [storeID, now.addingTimeInterval(-86_400)]) ?? 0
                let openTickets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_log WHERE storeId = ? AND kind = 'ticket' AND resolvedAt IS NULL",
                                                   arguments: [storeID]) ?? 0
                let day = ShopClock.dayString(now)
                let text = AlertMessages.digest(day: day, lowStock: low, recent: recent, openTickets: openTickets)
                try Self.queue(alertID: nil, kind: "digest", message: text, at: now, storeID: storeID, db: db)
                preferences.lastDigestDay = day
                try preferences.save(storeID: storeID, db: db)
            }
        }
    }

    func recoverInterruptedDeliveries(now: Date) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE alert_deliveries SET status = 'pending' WHERE status = 'sending'")
        }
    }

    func alerts(storeID: Int64, openOnly: Bool, limit: Int) async throws -> [AlertEntry] {
        try await database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, kind, message, createdAt, resolvedAt FROM alert_log WHERE storeId = ? \(openOnly ? "AND resolvedAt IS NULL" : "")
                ORDER BY createdAt DESC, id DESC LIMIT ?
                """, arguments: [storeID, max(1, min(limit, 500))])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let deliveries = try Row.fetchAll(db, sql: "SELECT channel, status, detail FROM alert_deliveries WHERE alertId = ? ORDER BY id", arguments: [id])
                    .map { AlertMessages.describe(channel: $0["channel"], status: $0["status"], detail: $0["detail"]) }
                return AlertEntry(id: id, kind: row["kind"], message: row["message"], createdAt: row["createdAt"], resolvedAt: row["resolvedAt"], deliveries: deliveries)
            }
        }
    }

    func resolve(alertID: Int64, storeID: Int64, at: Date) async throws -> Bool {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE alert_log SET resolvedAt = ? WHERE id = ? AND storeId = ? AND resolvedAt IS NULL", arguments: [at, alertID, storeID])
            return db.changesCount == 1
        }
    }

    func preferences(storeID: Int64) async throws -> AlertPreferences {
        try await database.writer.read { db in try AlertPreferences.fetch(storeID: storeID, db: db) }
    }

    func save(_ preferences: AlertPreferences, storeID: Int64) async throws {
        try await database.writer.write { db in try preferences.save(storeID: storeID, db: db) }
    }
}
