import Foundation
import ShopTalkCore

/// An email or webhook sending of an alert, claimed by one sender (status "sending") until it finishes.
struct AlertDelivery: Sendable {
    let id: Int64
    let preferences: AlertPreferences
    let channel: String
    let subject: String
    let body: String
    let attempts: Int
}

/// Where alerts, their deliveries and each store's alert preferences are kept. `AlertCenter` decides what
/// to send and when; SQLite (`SQLiteAlertRows`) and PostgreSQL (`PostgresAlertRows`) keep the rows.
protocol AlertRows: Sendable {
    /// Files an alert in the store's history and queues its deliveries as the preferences ask, in one
    /// transaction; returns its id. `announce` makes the live frame from that id, for backends that tell
    /// other instances (PostgreSQL's outbox), in the same transaction.
    func record(kind: String, subject: String, message: String, at: Date, storeID: Int64,
                announce: @Sendable (Int64) -> String) async throws -> Int64
    /// Claims up to `limit` pending deliveries (of one store or of all) whose store is not in quiet hours.
    func claimPending(storeID: Int64?, now: Date, limit: Int) async throws -> [AlertDelivery]
    /// Records how a claimed delivery went.
    func finish(deliveryID: Int64, status: String, detail: String, sentAt: Date?) async throws
    /// Queues the daily digest of each store whose digest hour has come and that has none today.
    func queueDueDigests(now: Date) async throws
    /// Puts deliveries a crash left claimed back to pending.
    func recoverInterruptedDeliveries(now: Date) async throws
    func alerts(storeID: Int64, openOnly: Bool, limit: Int) async throws -> [AlertEntry]
    func resolve(alertID: Int64, storeID: Int64, at: Date) async throws -> Bool
    func preferences(storeID: Int64) async throws -> AlertPreferences
    func save(_ preferences: AlertPreferences, storeID: Int64) async throws
}

/// What both backends queue: the deliveries an alert gets and the digest's text.
enum AlertMessages {
    struct Queued: Equatable {
        let channel: String
        let subject: String
        let body: String
    }

    /// The email and webhook deliveries `preferences` ask for (none when alerts are off).
    static func deliveries(alertID: Int64?, kind: String, message: String, at: Date, slug: String, name: String,
                           preferences: AlertPreferences) -> [Queued] {
        guard preferences.enabled else { return [] }
        var queued: [Queued] = []
        let subject = kind == "digest" ? "[\(name)] Daily digest" : "[\(name)] \(message.prefix(120))"
        if preferences.email != nil {
            let footer = "\n\n-- ShopTalk alerts for \(name). Change them in the owner console or at /api/stores/\(slug)/alerts/preferences.\n"
            queued.append(Queued(channel: "email", subject: subject, body: message + footer))
        }
        if preferences.webhookURL != nil {
            let payload: [String: JSONValue] = [
                "event": .string(kind == "digest" ? "digest" : "alert"), "store": .string(slug), "kind": .string(kind), "message": .string(message),
                "at": .string(ShopClock.iso8601(at)), "alertId": alertID.map { .number(Double($0)) } ?? .null,
            ]
            queued.append(Queued(channel: "webhook", subject: kind, body: FrameCoder.encodeToString(payload)))
        }
        return queued
    }

    /// Whether the store's digest is due at `now`: its hour has come, none went today, quiet hours are over.
    static func digestDue(_ preferences: AlertPreferences, now: Date) -> Bool {
        let hour = ShopClock.calendar.component(.hour, from: now)
        return hour >= preferences.digestHour && preferences.lastDigestDay != ShopClock.dayString(now) && !preferences.isQuiet(at: now)
    }

    /// The digest: the products still low (a reminder, however old their alert) and the alerts of the last day.
    static func digest(day: String, lowStock: [String], recent: Int, openTickets: Int) -> String {
        var lines = ["Daily digest for \(day)."]
        lines.append(lowStock.isEmpty ? "Nothing is low on stock." : "Still low on stock (\(lowStock.count)):\n" + lowStock.map { "- \($0)" }.joined(separator: "\n"))
        lines.append("\(recent) alert\(recent == 1 ? "" : "s") in the last 24 hours; \(openTickets) open ticket\(openTickets == 1 ? "" : "s").")
        return lines.joined(separator: "\n")
    }

    /// How one delivery of an alert reads in its history: "email sent", "webhook failed: …".
    static func describe(channel: String, status: String, detail: String) -> String {
        "\(channel) \(status)" + (detail.isEmpty ? "" : ": \(detail)")
    }
}
