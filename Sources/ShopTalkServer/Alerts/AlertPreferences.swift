import Foundation
import GRDB
import ShopTalkCore

/// What an owner chose for alerts outside the live feed: on or off, a low-stock threshold that
/// overrides each product's own, an email address, a webhook with its signing secret, quiet hours
/// (UTC, start inclusive, end exclusive; holding deliveries until they end) and the hour of the daily
/// digest (UTC, default 09:00).
struct AlertPreferences: Sendable, Equatable {
    var enabled = true
    var lowStockThreshold: Int?
    var email: String?
    var webhookURL: String?
    var webhookSecret: String?
    var quietStart: Int?
    var quietEnd: Int?
    var digestHour = 9
    var lastDigestDay: String?

    static func fetch(storeID: Int64, db: Database) throws -> AlertPreferences {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM alert_preferences WHERE storeId = ?", arguments: [storeID]) else { return AlertPreferences() }
        return AlertPreferences(
            enabled: row["enabled"], lowStockThreshold: row["lowStockThreshold"], email: row["email"], webhookURL: row["webhookURL"],
            webhookSecret: row["webhookSecret"], quietStart: row["quietStart"], quietEnd: row["quietEnd"], digestHour: row["digestHour"],
            lastDigestDay: row["lastDigestDay"]
        )
    }

    func save(storeID: Int64, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO alert_preferences (storeId, enabled, lowStockThreshold, email, webhookURL, webhookSecret, quietStart, quietEnd, digestHour, lastDigestDay)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (storeId) DO UPDATE SET enabled = excluded.enabled, lowStockThreshold = excluded.lowStockThreshold, email = excluded.email,
                webhookURL = excluded.webhookURL, webhookSecret = excluded.webhookSecret, quietStart = excluded.quietStart,
                quietEnd = excluded.quietEnd, digestHour = excluded.digestHour, lastDigestDay = excluded.lastDigestDay
            """, arguments: [storeID, enabled, lowStockThreshold, email, webhookURL, webhookSecret, quietStart, quietEnd, digestHour, lastDigestDay])
    }

    /// Whether `date` falls in the quiet hours ("22 to 7" wraps past midnight).
    func isQuiet(at date: Date) -> Bool {
        guard let start = quietStart, let end = quietEnd, start != end else { return false }
        let hour = ShopClock.calendar.component(.hour, from: date)
        return start < end ? (start..<end).contains(hour) : hour >= start || hour < end
    }

    /// The preferences as the REST API shows them: the webhook secret is never echoed.
    struct View: Encodable {
        let enabled: Bool
        let lowStockThreshold: Int?
        let email: String?
        let webhookUrl: String?
        let webhookSecretSet: Bool
        let quietHours: [String: Int]?
        let digestHour: Int
        let emailAvailable: Bool
    }

    func view(emailAvailable: Bool) -> View {
        View(enabled: enabled, lowStockThreshold: lowStockThreshold, email: email, webhookUrl: webhookURL, webhookSecretSet: webhookSecret != nil,
             quietHours: quietStart.flatMap { start in quietEnd.map { ["start": start, "end": $0] } }, digestHour: digestHour, emailAvailable: emailAvailable)
    }
}

extension AlertCenter {
    /// Queues each store's daily digest once its digest hour has come (and its quiet hours, if any, are
    /// over): the products still low (a reminder, however old their alert) and the alerts of the last
    /// 24 hours. Then sends what is pending. The service calls this every half minute; tests call it
    /// with the time they want.
    func runOnce(now: Date) async {
        let today = ShopClock.dayString(now)
        let hour = ShopClock.calendar.component(.hour, from: now)
        do {
            try await database.writer.write { db in
                for storeID in try Int64.fetchAll(db, sql: "SELECT storeId FROM alert_preferences WHERE enabled = 1 AND (email IS NOT NULL OR webhookURL IS NOT NULL)") {
                    var preferences = try AlertPreferences.fetch(storeID: storeID, db: db)
                    guard hour >= preferences.digestHour, preferences.lastDigestDay != today, !preferences.isQuiet(at: now) else { continue }
                    let low = try String.fetchAll(db, sql: """
                        SELECT message FROM alert_log WHERE storeId = ? AND kind = 'low_stock' AND resolvedAt IS NULL ORDER BY createdAt
                        """, arguments: [storeID])
                    let recent = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_log WHERE storeId = ? AND createdAt >= ?",
                                                  arguments: [storeID, now.addingTimeInterval(-86_400)]) ?? 0
                    let openTickets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert_log WHERE storeId = ? AND kind = 'ticket' AND resolvedAt IS NULL",
                                                       arguments: [storeID]) ?? 0
                    var lines = ["Daily digest for \(today)."]
                    lines.append(low.isEmpty ? "Nothing is low on stock." : "Still low on stock (\(low.count)):\n" + low.map { "- \($0)" }.joined(separator: "\n"))
                    lines.append("\(recent) alert\(recent == 1 ? "" : "s") in the last 24 hours; \(openTickets) open ticket\(openTickets == 1 ? "" : "s").")
                    try Self.queue(alertID: nil, kind: "digest", message: lines.joined(separator: "\n"), at: now, storeID: storeID, db: db)
                    preferences.lastDigestDay = today
                    try preferences.save(storeID: storeID, db: db)
                }
            }
        } catch {
            logger.error("Could not prepare the daily digests", metadata: ["error": "\(error)"])
        }
        await deliverPending(now: now)
    }

    /// Deliveries a crash left half-sent go back to pending at start-up.
    func recoverInterruptedDeliveries() async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE alert_deliveries SET status = 'pending' WHERE status = 'sending'")
        }
    }
}
