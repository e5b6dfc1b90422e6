import Foundation
import Logging
import ShopTalkCore

/// Where every owner alert goes: it is written to the store's alert history, pushed live to signed-in
/// owners, and queued for email and the signed webhook as the store's preferences say. Deliveries are
/// sent at once unless quiet hours hold them, and retried by `AlertDeliveryService`; a failed send is
/// recorded with its reason, never lost. The rows live in SQLite or PostgreSQL (`AlertRows`).
final class AlertCenter: AlertBook, Sendable {
    let rows: any AlertRows
    let hub: AlertHub
    let clock: ShopClock
    let mailer: SMTPMailer?
    let webhooks: WebhookSender
    let logger: Logger
    static let maxAttempts = 5

    init(rows: any AlertRows, hub: AlertHub, clock: ShopClock, mailer: SMTPMailer?, webhooks: WebhookSender = WebhookSender(), logger: Logger) {
        self.rows = rows
        self.hub = hub
        self.clock = clock
        self.mailer = mailer
        self.webhooks = webhooks
        self.logger = logger
    }

    convenience init(database: AppDatabase, hub: AlertHub, clock: ShopClock, mailer: SMTPMailer?, webhooks: WebhookSender = WebhookSender(), logger: Logger) {
        self.init(rows: SQLiteAlertRows(database: database), hub: hub, clock: clock, mailer: mailer, webhooks: webhooks, logger: logger)
    }

    /// Records an alert about `subject` (a product id, a ticket reference), pushes it live and queues
    /// its deliveries. The live push happens even when the database cannot be written.
    func record(kind: String, subject: String, message: String, data: some Encodable & Sendable, storeID: Int64) async {
        let at = clock.now()
        let frame: @Sendable (Int64?) -> String = { id in
            FrameCoder.encodeToString(AlertFrame(kind: kind, message: message, at: at, data: data, alertId: id))
        }
        var alertID: Int64?
        do {
            alertID = try await rows.record(kind: kind, subject: subject, message: message, at: at, storeID: storeID, announce: { frame($0) })
        } catch {
            logger.error("Could not record an alert", metadata: ["store.id": "\(storeID)", "alert.kind": "\(kind)", "error": "\(error)"])
        }
        hub.publish(frame(alertID), storeID: storeID)
        // Sent beside the request, which does not wait for a mail relay or a webhook.
        if alertID != nil { Task { await self.deliverPending(storeID: storeID) } }
    }

    /// Sends the pending deliveries of one store (or of all), unless its quiet hours hold them now.
    func deliverPending(storeID: Int64? = nil, now: Date? = nil) async {
        let now = now ?? clock.now()
        let due: [AlertDelivery]
        do {
            due = try await rows.claimPending(storeID: storeID, now: now, limit: 200)
        } catch {
            logger.error("Could not read pending alert deliveries", metadata: ["error": "\(error)"])
            return
        }
        for delivery in due {
            var failure: String?
            do {
                switch delivery.channel {
                case "email":
                    guard let mailer else { throw ChatError(.invalid, "email is not configured on this server (--smtp-host)") }
                    guard let address = delivery.preferences.email else { throw ChatError(.invalid, "no email address is set") }
                    try await mailer.send(to: address, subject: delivery.subject, body: delivery.body)
                default:
                    guard let url = delivery.preferences.webhookURL, let secret = delivery.preferences.webhookSecret else {
                        throw ChatError(.invalid, "no webhook is set")
                    }
                    try await webhooks.send(delivery.body, to: url, secret: secret, event: delivery.subject)
                }
            } catch {
                failure = (error as? ChatError)?.message ?? "\(error)"
            }
            let attempt = delivery.attempts + 1
            let status = failure == nil ? "sent" : (attempt >= Self.maxAttempts ? "failed" : "pending")
            if let failure {
                logger.warning("An alert delivery failed", metadata: ["channel": "\(delivery.channel)", "attempt": "\(attempt)", "error": "\(failure)"])
            }
            do {
                try await rows.finish(deliveryID: delivery.id, status: status, detail: failure ?? "", sentAt: failure == nil ? now : nil)
            } catch {
                logger.error("Could not record an alert delivery", metadata: ["delivery.id": "\(delivery.id)", "error": "\(error)"])
            }
        }
    }

    /// Queues each store's daily digest once its digest hour has come (and its quiet hours, if any, are
    /// over), then sends what is pending. The service calls this every half minute; tests call it with
    /// the time they want.
    func runOnce(now: Date) async {
        do {
            try await rows.queueDueDigests(now: now)
        } catch {
            logger.error("Could not prepare the daily digests", metadata: ["error": "\(error)"])
        }
        await deliverPending(now: now)
    }

    /// Deliveries a crash left half-sent go back to pending at start-up.
    func recoverInterruptedDeliveries() async throws {
        try await rows.recoverInterruptedDeliveries(now: clock.now())
    }

    // MARK: History

    func alerts(storeID: Int64, openOnly: Bool, limit: Int) async throws -> [AlertEntry] {
        try await rows.alerts(storeID: storeID, openOnly: openOnly, limit: limit)
    }

    func resolve(alertID: Int64, storeID: Int64, at: Date) async throws -> Bool {
        try await rows.resolve(alertID: alertID, storeID: storeID, at: at)
    }
}
