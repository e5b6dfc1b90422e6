import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Alert history, deliveries and preferences on each backend, written by one instance and read or sent by
/// another. Nothing is sent here: the tests drive `AlertRows` itself (AlertsTests sends for real).
@Suite("Alert storage")
struct AlertStorageTests {
    static func with(_ backend: StorageBackend, _ body: @escaping @Sendable (_ stores: [Int64], _ one: any AlertRows, _ two: any AlertRows) async throws -> Void) async throws {
        try await backend.withTwoStores { stores, one, two in
            func rows(_ instance: InstanceDatabase) -> any AlertRows {
                instance.part(sqlite: { SQLiteAlertRows(database: $0) }, postgres: { PostgresAlertRows(database: $0) })
            }
            try await body(stores, rows(one), rows(two))
        }
    }

    static let noon = Date(timeIntervalSince1970: 1_800_014_400)  // 2027-01-15 12:00 UTC
    static let webhook = AlertPreferences(webhookURL: "https://hooks.example.net/shop", webhookSecret: "a-secret-of-sixteen+")

    @Test(arguments: StorageBackend.reachable) func anAlertIsFiledQueuedClaimedOnceAndResolved(backend: StorageBackend) async throws {
        try await Self.with(backend) { stores, one, two in
            try await one.save(Self.webhook, storeID: stores[0])
            #expect(try await two.preferences(storeID: stores[0]) == Self.webhook)
            #expect(try await two.preferences(storeID: stores[1]) == AlertPreferences())
            let id = try await one.record(kind: "ticket", subject: "TCK-1001", message: "New ticket TCK-1001", at: Self.noon, storeID: stores[0]) { "frame \($0)" }
            // One instance claims the webhook call; the other finds nothing left to send.
            let claimed = try await two.claimPending(storeID: nil, now: Self.noon, limit: 10)
            #expect(claimed.map(\.channel) == ["webhook"] && claimed.first?.subject == "ticket")
            #expect(claimed.first?.body.contains("\"store\":\"north\"") == true)
            #expect(try await one.claimPending(storeID: nil, now: Self.noon, limit: 10).isEmpty)
            // A failed try goes back to pending with its reason and is claimed again, counting the attempt.
            try await two.finish(deliveryID: try #require(claimed.first).id, status: "pending", detail: "HTTP 503", sentAt: nil)
            #expect(try await one.claimPending(storeID: stores[0], now: Self.noon, limit: 10).first?.attempts == 1)
            let history = try await one.alerts(storeID: stores[0], openOnly: true, limit: 10)
            #expect(history.map(\.id) == [id] && history.first?.deliveries == ["webhook sending: HTTP 503"])
            #expect(try await two.alerts(storeID: stores[1], openOnly: false, limit: 10).isEmpty)
            // Only its own store can resolve it, once.
            #expect(try await two.resolve(alertID: id, storeID: stores[1], at: Self.noon) == false)
            #expect(try await two.resolve(alertID: id, storeID: stores[0], at: Self.noon))
            #expect(try await one.resolve(alertID: id, storeID: stores[0], at: Self.noon) == false)
            #expect(try await one.alerts(storeID: stores[0], openOnly: true, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StorageBackend.reachable) func quietHoursHoldDeliveriesAndACrashedSendIsRetried(backend: StorageBackend) async throws {
        try await Self.with(backend) { stores, one, two in
            var quiet = Self.webhook
            (quiet.quietStart, quiet.quietEnd) = (11, 14)
            try await one.save(quiet, storeID: stores[0])
            _ = try await one.record(kind: "low_stock", subject: "7", message: "Kettle is low", at: Self.noon, storeID: stores[0]) { _ in "" }
            #expect(try await two.claimPending(storeID: nil, now: Self.noon, limit: 10).isEmpty)
            let later = Self.noon + 3 * 3600
            #expect(try await two.claimPending(storeID: nil, now: later, limit: 10).count == 1)
            // The instance sending it died: an hour on, the claim is given back and sent again.
            try await one.recoverInterruptedDeliveries(now: later + 3600)
            #expect(try await one.claimPending(storeID: nil, now: later + 3600, limit: 10).count == 1)
        }
    }

    @Test(arguments: StorageBackend.reachable) func theDigestIsQueuedOnceADayFromEitherInstance(backend: StorageBackend) async throws {
        try await Self.with(backend) { stores, one, two in
            var daily = Self.webhook
            daily.digestHour = 9
            try await one.save(daily, storeID: stores[0])
            _ = try await one.record(kind: "low_stock", subject: "7", message: "Kettle is low", at: Self.noon - 7200, storeID: stores[0]) { _ in "" }
            _ = try await one.claimPending(storeID: nil, now: Self.noon, limit: 10)
            try await one.queueDueDigests(now: Self.noon - 4 * 3600)  // 08:00: not yet
            #expect(try await two.claimPending(storeID: nil, now: Self.noon, limit: 10).isEmpty)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for rows in [one, two, one, two] { group.addTask { try await rows.queueDueDigests(now: Self.noon) } }
                try await group.waitForAll()
            }
            let digests = try await two.claimPending(storeID: nil, now: Self.noon, limit: 10)
            #expect(digests.count == 1)
            let body = try #require(digests.first?.body)
            #expect(body.contains("\"event\":\"digest\"") && body.contains("Kettle is low") && body.contains("0 open tickets"))
            #expect(try await two.preferences(storeID: stores[0]).lastDigestDay == "2027-01-15")
        }
    }
}
