import Foundation
import GRDB
import Logging
import ShopTalkCore

/// Where every owner alert goes: it is written to the store's alert history, pushed live to signed-in
/// owners, and queued for email and the signed webhook as the store's preferences say. Deliveries are
/// sent at once unless quiet hours hold them, and retried by `AlertDeliveryService`; a failed send is
/// recorded with its reason, never lost.
final class AlertCenter: AlertBook, Sendable {
    let database: AppDatabase
    let hub: AlertHub
    let clock: ShopClock
    let mailer: SMTPMailer?
    let webhooks: WebhookSender
    let logger: Logger
    static let maxAttempts = 5

    init(database: AppDatabase, hub: AlertHub, clock: ShopClock, mailer: SMTPMailer?, webhooks: WebhookSender = WebhookSender(), logger: Logger) {
        self.database = database
        self.hub = hub
        self.clock = clock
        self.mailer = mailer
        self.webhooks = webhooks
        self.logger = logger
    }

    /// Records an alert about `subject` (a product id, a ticket reference), pushes it live and queues
    /// its deliveries. The live push happens even when the database cannot be written.
    func record(kind: String, subject: String, message: String, data: some Encodable & Sendable, storeID: Int64) async {
        let at = clock.now()
        var alertID: Int64?
        do {
            alertID = try await database.writer.write { db -> Int64 in
                try db.execute(sql: "INSERT INTO alert_log (storeId, kind, subject, message, createdAt) VALUES (?, ?, ?, ?, ?)",
                               arguments: [storeID, kind, subject, message, at])
                let id = db.lastInsertedRowID
                try Self.queue(alertID: id, kind: kind, message: message, at: at, storeID: storeID, db: db)
                return id
            }
        } catch {
            logger.error("Could not record an alert", metadata: ["store.id": "\(storeID)", "alert.kind": "\(kind)", "error": "\(error)"])
        }
        hub.publish(FrameCoder.encodeToString(AlertFrame(kind: kind, message: message, at: at, data: data, alertId: alertID)), storeID: storeID)
        // Sent beside the request, which does not wait for a mail relay or a webhook.
        if alertID != nil { Task { await self.deliverPending(storeID: storeID) } }
    }

    /// Queues an email and a webhook call for an alert, as far as the preferences ask for them.
    static func queue(alertID: Int64?, kind: String, message: String, at: Date, storeID: Int64, db: Database) throws {
        let preferences = try AlertPreferences.fetch(storeID: storeID, db: db)
        guard preferences.enabled else { return }
        let store = try Row.fetchOne(db, sql: "SELECT slug, name FROM stores WHERE id = ?", arguments: [storeID])
        let slug: String = store?["slug"] ?? ""
        let name: String = store?["name"] ?? slug
        let subject = kind == "digest" ? "[\(name)] Daily digest" : "[\(name)] \(message.prefix(120))"
        if preferences.email != nil {
            try db.execute(sql: """
                INSERT INTO alert_deliveries (storeId, alertId, channel, status, subject, body, createdAt) VALUES (?, ?, 'email', 'pending', ?, ?, ?)
                """, arguments: [storeID, alertID, subject, message + "\n\n-- ShopTalk alerts for \(name). Change them in the owner console or at /api/stores/\(slug)/alerts/preferences.\n", at])
        }
        if preferences.webhookURL != nil {
            let payload: [String: JSONValue] = [
                "event": .string(kind == "digest" ? "digest" : "alert"), "store": .string(slug), "kind": .string(kind), "message": .string(message),
                "at": .string(ShopClock.iso8601(at)), "alertId": alertID.map { .number(Double($0)) } ?? .null,
            ]
            try db.execute(sql: """
                INSERT INTO alert_deliveries (storeId, alertId, channel, status, subject, body, createdAt) VALUES (?, ?, 'webhook', 'pending', ?, ?, ?)
                """, arguments: [storeID, alertID, kind, FrameCoder.encodeToString(payload), at])
        }
    }

    /// Sends the pending deliveries of one store (or of all), unless its quiet hours hold them now.
    func deliverPending(storeID: Int64? = nil, now: Date? = nil) async {
        let now = now ?? clock.now()
        let due: [(Int64, AlertPreferences, String, String, String, Int)]
        do {
            due = try await database.writer.write { db in
                var sql = "SELECT id, storeId, channel, subject, body, attempts FROM alert_deliveries WHERE status = 'pending'"
                var arguments: StatementArguments = []
                if let storeID { sql += " AND storeId = ?"; arguments += [storeID] }
                // Each store's preferences are read once: they decide the quiet hours and where to send.
                var preferencesByStore: [Int64: AlertPreferences] = [:]
                var claimed: [(Int64, AlertPreferences, String, String, String, Int)] = []
                for row in try Row.fetchAll(db, sql: sql + " ORDER BY id LIMIT 200", arguments: arguments) {
                    let store: Int64 = row["storeId"]
                    let preferences = try preferencesByStore[store] ?? AlertPreferences.fetch(storeID: store, db: db)
                    preferencesByStore[store] = preferences
                    guard !preferences.isQuiet(at: now) else { continue }
                    try db.execute(sql: "UPDATE alert_deliveries SET status = 'sending' WHERE id = ? AND status = 'pending'", arguments: [row["id"] as Int64])
                    if db.changesCount == 1 { claimed.append((row["id"], preferences, row["channel"], row["subject"], row["body"], row["attempts"])) }
                }
                return claimed
            }
        } catch {
            logger.error("Could not read pending alert deliveries", metadata: ["error": "\(error)"])
            return
        }
        for (id, preferences, channel, subject, body, attempts) in due {
            var failure: String?
            do {
                switch channel {
                case "email":
                    guard let mailer else { throw ChatError(.invalid, "email is not configured on this server (--smtp-host)") }
                    guard let address = preferences.email else { throw ChatError(.invalid, "no email address is set") }
                    try await mailer.send(to: address, subject: subject, body: body)
                default:
                    guard let url = preferences.webhookURL, let secret = preferences.webhookSecret else { throw ChatError(.invalid, "no webhook is set") }
                    try await webhooks.send(body, to: url, secret: secret, event: subject)
                }
            } catch {
                failure = (error as? ChatError)?.message ?? "\(error)"
            }
            let status = failure == nil ? "sent" : (attempts + 1 >= Self.maxAttempts ? "failed" : "pending")
            if let failure { logger.warning("An alert delivery failed", metadata: ["channel": "\(channel)", "attempt": "\(attempts + 1)", "error": "\(failure)"]) }
            let detail = failure ?? ""
            let sentAt: Date? = failure == nil ? now : nil
            _ = try? await database.writer.write { db in
                try db.execute(sql: "UPDATE alert_deliveries SET status = ?, attempts = attempts + 1, detail = ?, sentAt = ? WHERE id = ?",
                               arguments: [status, detail, sentAt, id])
            }
        }
    }

    // MARK: History

    func alerts(storeID: Int64, openOnly: Bool, limit: Int) async throws -> [AlertEntry] {
        try await database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, kind, message, createdAt, resolvedAt FROM alert_log WHERE storeId = ? \(openOnly ? "AND resolvedAt IS NULL" : "")
                ORDER BY createdAt DESC, id DESC LIMIT ?
                """, arguments: [storeID, max(1, min(limit, 500))])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let deliveries = try Row.fetchAll(db, sql: "SELECT channel, status, detail FROM alert_deliveries WHERE alertId = ? ORDER BY id", arguments: [id])
                    .map { "\($0["channel"] as String) \($0["status"] as String)" + (($0["detail"] as String).isEmpty ? "" : ": \($0["detail"] as String)") }
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
}
