import Foundation
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

extension JSONValue {
    /// The rows of an answer's `result` table.
    var rows: [[JSONValue]] {
        guard case .array(let rows)? = self["result"]?["rows"] else { return [] }
        return rows.compactMap { if case .array(let row) = $0 { return row } else { return nil } }
    }
}

/// Owner insights over REST on the demo store: the routes, their checks, and an order that earns a
/// high risk score from refused codes, a big basket and many of one item.
@Suite("Owner insights over REST")
struct InsightsAPITests {
    @Test func insightsAnswerOverRestWithTheirPlanAndRefuseWhatTheyCannotRead() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "t")
        try await withLiveServer(testConfiguration(database)) { client in
            for name in ["forecast", "product-classes", "reorder", "report", "customer-mix", "weekdays", "repeat-rate"] {
                let (status, body) = try await call(client, .get, "/api/stores/demo/insights/\(name)", token: token)
                #expect(status == .ok && body["insight"] == .string(name))
                #expect(body["result"]?["plan"]?["text"]?.stringValue?.isEmpty == false, "\(name)")
            }
            let (_, forecast) = try await call(client, .get, "/api/stores/demo/insights/forecast?horizon=3&by=month", token: token)
            #expect(forecast.rows.count == 3)
            #expect(forecast["text"]?.stringValue?.contains("Back-tested") == true)
            #expect(try await call(client, .get, "/api/stores/demo/insights/forecast?horizon=99", token: token).0 == .unprocessableContent)
            #expect(try await call(client, .get, "/api/stores/demo/insights/report?from=2026-02-30", token: token).0 == .unprocessableContent)
            #expect(try await call(client, .get, "/api/stores/demo/insights/everything", token: token).0 == .notFound)
            #expect(try await call(client, .get, "/api/stores/demo/insights/report").0 == .unauthorized)
            #expect(try await call(client, .put, "/api/stores/demo/settings/inventory", token: token, body: #"{"serviceLevel":2}"#).0 == .unprocessableContent)
            let (saved, settings) = try await call(client, .put, "/api/stores/demo/settings/inventory", token: token, body: #"{"leadTimeDays":21}"#)
            #expect(saved == .ok && settings["leadTimeDays"] == .number(21) && settings["orderCost"] == .number(50))
            let (_, reorder) = try await call(client, .get, "/api/stores/demo/insights/reorder", token: token)
            #expect(reorder["text"]?.stringValue?.contains("lead time 21 days") == true)
        }
    }

    @Test func anOrderAfterRefusedCodesWithABigBasketIsFlaggedWithItsReasons() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "t")
        let expensive = try await database.integers(sqlite: "SELECT id FROM products WHERE stock >= 12 ORDER BY priceCents DESC LIMIT 1",
                                                    postgres: "SELECT id FROM products WHERE stock >= 12 ORDER BY price_cents DESC LIMIT 1")
        let productID = try #require(expensive.first)
        let items = #"[{"productId":\#(productID),"quantity":10}]"#
        try await withLiveServer(testConfiguration(database)) { client in
            for code in ["FREESTUFF", "WELCOME99", "TAKEITALL"] {
                let body = #"{"email":"new.buyer@example.org","code":"\#(code)","country":"Brazil","items":\#(items)}"#
                #expect(try await call(client, .post, "/api/stores/demo/orders", token: token, body: body).0 == .unprocessableContent)
            }
            let (placed, order) = try await call(client, .post, "/api/stores/demo/orders", token: token,
                                                 body: #"{"email":"new.buyer@example.org","country":"Brazil","items":\#(items)}"#)
            #expect(placed == .created)
            let number = try #require(order["number"]?.stringValue)
            let (_, risky) = try await call(client, .get, "/api/stores/demo/insights/risky-orders", token: token)
            let row = try #require(risky.rows.first)
            #expect(row[0] == .string(number))
            // 20 first order + 35 basket over 6× the usual + 10 for 10 of one item + 15 for three refused codes.
            #expect(row[1] == .number(80))
            #expect(row[4].stringValue?.contains("3 refused discount codes") == true)
            #expect(risky["text"]?.stringValue?.contains("look risky") == true)
        }
    }
}
