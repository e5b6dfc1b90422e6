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
