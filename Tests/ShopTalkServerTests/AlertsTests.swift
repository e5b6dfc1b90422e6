import Foundation
import GRDB
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// A local HTTP server standing in for an owner's webhook: records each call's body and headers.
actor WebhookReceiver {
    struct Call: Sendable {
        let body: Data
        let signature: String?
        let event: String?
    }

    private(set) var calls: [Call] = []
    var status: HTTPResponse.Status = .ok

    func record(_ call: Call) -> HTTPResponse.Status {
        calls.append(call)
        return status
    }

    func answer(_ status: HTTPResponse.Status) { self.status = status }

    /// Waits until at least `count` calls arrived (at most 15 s).
    func waitFor(_ count: Int) async -> [Call] {
        for _ in 0..<300 where calls.count < count { try? await Task.sleep(for: .milliseconds(50)) }
        return calls
    }

    func serve<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let status = await self.record(Call(body: Data(buffer: bytes), signature: request.headers[values: HTTPField.Name("X-ShopTalk-Signature")!].first,
                                                event: request.headers[values: HTTPField.Name("X-ShopTalk-Event")!].first))
            return Response(status: status)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: testLogger)
        return try await app.test(.live) { client in try await body(client.port!) }
    }
}

@Suite("Owner alerts: history, preferences, webhook, digest")
struct AlertsTests {
    static let secret = "a-webhook-secret-of-32-characters"

    @Test func preferencesAreCheckedAndTheSecretIsNeverShown() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "t")
        try await withLiveServer(testConfiguration(database)) { client in
            let (status, refused) = try await call(client, .put, "/api/stores/demo/alerts/preferences", token: token,
                                                   body: #"{"email":"owner@shop.example","webhookUrl":"ftp://x","quietHours":{"start":25,"end":3},"digestHour":30}"#)
            #expect(status == .unprocessableContent)
            // This server has no SMTP relay, so an email address is refused with the reason.
            #expect(refused["error"]?["fields"]?["email"]?.stringValue?.contains("--smtp") == true)
            #expect(refused["error"]?["fields"]?["webhookUrl"] != nil)
            #expect(refused["error"]?["fields"]?["quietHours.start"] != nil)
            #expect(refused["error"]?["fields"]?["digestHour"] != nil)
            #expect(try await call(client, .put, "/api/stores/demo/alerts/preferences", token: token, body: #"{"webhookUrl":"https://hooks.example/x"}"#).0 == .unprocessableContent)
            let (saved, view) = try await call(client, .put, "/api/stores/demo/alerts/preferences", token: token,
                                               body: #"{"webhookUrl":"https://hooks.example/x","webhookSecret":"\#(Self.secret)","quietHours":{"start":22,"end":7}}"#)
            #expect(saved == .ok)
            #expect(view["webhookSecretSet"] == .bool(true) && view["webhookSecret"] == nil)
            #expect(view["quietHours"]?["start"] == .number(22) && view["digestHour"] == .number(9))
            #expect(try await call(client, .get, "/api/stores/demo/alerts/preferences").0 == .unauthorized)
        }
    }

    @Test func aLowStockAlertIsKeptSignedSentAndResolvedInChat() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "t")
        let picked = try await database.integers(sqlite: "SELECT id FROM products WHERE stock >= 5 ORDER BY id LIMIT 1",
                                                 postgres: "SELECT id FROM products WHERE stock >= 5 ORDER BY id LIMIT 1")
        let productID = try #require(picked.first)
        let named = try await database.strings(sqlite: "SELECT name FROM products WHERE id = ?", postgres: "SELECT name FROM products WHERE id = \(productID)",
                                               arguments: [productID])
        let name = try #require(named.first)
        let receiver = WebhookReceiver()
        try await receiver.serve { port in
            try await withLiveServer(testConfiguration(database)) { client in
                // Every product counts as low below 1,000,000: the next order alerts.
                let preferences = #"{"lowStockThreshold":1000000,"webhookUrl":"http://127.0.0.1:\#(port)/hook","webhookSecret":"\#(Self.secret)"}"#
                #expect(try await call(client, .put, "/api/stores/demo/alerts/preferences", token: token, body: preferences).0 == .ok)
                let order = #"{"email":"a@b.example","items":[{"productId":\#(productID),"quantity":1}]}"#
                #expect(try await call(client, .post, "/api/stores/demo/orders", token: token, body: order).0 == .created)
                let calls = await receiver.waitFor(1)
                let call = try #require(calls.first)
                #expect(call.event == "alert")
                #expect(call.signature == WebhookSender.signature(call.body, secret: Self.secret))
                let payload = try JSONDecoder().decode(JSONValue.self, from: call.body)
                #expect(payload["kind"] == .string("low_stock") && payload["message"]?.stringValue?.contains(name) == true)
                // The history has it, with how it was sent.
                var history = JSONValue.null
                for _ in 0..<100 {
                    history = try await ShopTalkServerTests.call(client, .get, "/api/stores/demo/alerts?status=open", token: token).1
                    if history["alerts"]?[0]?["deliveries"] == .array([.string("webhook sent")]) { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(history["alerts"]?[0]?["deliveries"] == .array([.string("webhook sent")]))
                let id = try #require(history["alerts"]?[0]?["id"]?.numberValue)
                // The owner resolves it in chat by a word of its message.
                let word = try #require(name.split(separator: " ").map(String.init).first { $0.count >= 4 })
                try await ownerChat(client, store: "demo", token: token) { chat in
                    // Nothing spent on AI, with a zero balance: said, not an empty table.
                    let cost = try await chat.say("what did AI cost me this month?")
                    #expect(cost.string("text")?.contains("AI cost you nothing") == true)
                    #expect(cost.string("text")?.contains("off until you add credits") == true)
                    let open = try await chat.say("any alerts?")
                    #expect(open.string("text")?.contains(name) == true)
                    let done = try await chat.say("mark the \(word) alert done")
                    #expect(done.string("text")?.hasPrefix("Done: alert \(Int(id))") == true, "\(done.string("text") ?? "")")
                }
                let (_, after) = try await ShopTalkServerTests.call(client, .get, "/api/stores/demo/alerts?status=open", token: token)
                #expect(after["alerts"] == .array([]))
                #expect(try await ShopTalkServerTests.call(client, .post, "/api/stores/demo/alerts/\(Int(id))/resolve", token: token).0 == .notFound)
            }
        }
    }

    @Test func quietHoursHoldDeliveriesAndTheDigestComesOnceADayAtItsHour() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let store = try #require(try await pool.store(slug: "demo"))
        let receiver = WebhookReceiver()
        try await receiver.serve { port in
            let center = AlertCenter(database: pool, hub: AlertHub(), clock: ShopClock.system, mailer: nil, logger: testLogger)
            let day = try #require(ShopClock.parseDay("2026-03-15"))
            try await pool.writer.write { db in
                var preferences = AlertPreferences()
                preferences.webhookURL = "http://127.0.0.1:\(port)/hook"
                preferences.webhookSecret = Self.secret
                preferences.quietStart = 22
                preferences.quietEnd = 7
                preferences.digestHour = 8
                try preferences.save(storeID: store.id, db: db)
                try db.execute(sql: "INSERT INTO alert_log (storeId, kind, subject, message, createdAt) VALUES (?, 'low_stock', '1', 'Mug is low on stock: 2 left (threshold 5).', ?)",
                               arguments: [store.id, day])
            }
            // 23:00 is quiet and before the digest hour anyway; 07:30 is past the quiet hours but before 08:00.
            await center.runOnce(now: day.addingTimeInterval(23 * 3600))
            await center.runOnce(now: day.addingTimeInterval(31.5 * 3600))
            #expect(await receiver.waitFor(1).isEmpty)
            // 08:00 the next day: one digest with the product still low, and not a second one at 09:00.
            await center.runOnce(now: day.addingTimeInterval(32 * 3600))
            await center.runOnce(now: day.addingTimeInterval(33 * 3600))
            let calls = await receiver.waitFor(2)
            #expect(calls.count == 1)
            #expect(calls.first?.event == "digest")
            let digest = try JSONDecoder().decode(JSONValue.self, from: try #require(calls.first?.body))
            #expect(digest["message"]?.stringValue?.contains("Still low on stock (1):\n- Mug is low on stock") == true)
            // An alert recorded in quiet hours waits; it goes out once they are over.
            try await pool.writer.write { db in
                var preferences = try AlertPreferences.fetch(storeID: store.id, db: db)
                preferences.digestHour = 23
                try preferences.save(storeID: store.id, db: db)
                try SQLiteAlertRows.queue(alertID: nil, kind: "low_stock", message: "Kettle is out of stock.", at: day, storeID: store.id, db: db)
            }
            await center.runOnce(now: day.addingTimeInterval(46 * 3600))  // 22:00: quiet
            #expect(await receiver.waitFor(2).count == 1)
            await center.runOnce(now: day.addingTimeInterval(56 * 3600))  // 08:00 two days on: sent, and no digest before 23:00
            let all = await receiver.waitFor(2)
            #expect(all.count == 2)
            #expect(all.last.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0.body) }?["message"] == .string("Kettle is out of stock."))
        }
    }
}
