import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The owner's order actions over REST: what the chat does, for the shop, outside the shopper's time
/// windows but never against the status rules, and once per `Idempotency-Key`.
@Suite("Order actions over REST")
struct OrderActionAPITests {
    static func key(_ value: String) -> HTTPFields {
        var fields = HTTPFields()
        if let name = HTTPField.Name("Idempotency-Key") { fields[name] = value }
        return fields
    }

    @Test func theOwnerCancelsOnceChangesAnAddressAndStartsAReturn() async throws {
        let database = try await TestDatabase.demoStore()
        try await database.seedStore("other")
        let token = try await database.ownerToken()
        let otherToken = try await database.ownerToken(store: "other")
        let before = try await Self.pixelStock(database)
        try await withLiveServer(testConfiguration(database)) { client in
            let cancel = "/api/stores/demo/orders/ORD-20260315-0006/cancel"
            #expect(try await call(client, .post, cancel).0 == .unauthorized)
            #expect(try await call(client, .post, cancel, token: otherToken).0 == .forbidden)
            let (created, first) = try await call(client, .post, cancel, token: token, headers: Self.key("k-1"))
            #expect(created == .created)
            #expect(first["order"]?["status"] == .string("cancelled") && first["repeated"] == .bool(false))
            // The same request again is answered, and does nothing.
            let (again, second) = try await call(client, .post, cancel, token: token, headers: Self.key("k-1"))
            #expect(again == .ok && second["repeated"] == .bool(true))
            // Another request to cancel it is refused with the reason.
            let (refused, reason) = try await call(client, .post, cancel, token: token, headers: Self.key("k-2"))
            #expect(refused == .conflict && reason["error"]?["message"]?.stringValue?.contains("already cancelled") == true, "\(reason)")
            // The key names one action: used for another, it is a conflict, not a silent replay.
            let (reused, _) = try await call(client, .post, "/api/stores/demo/orders/ORD-20260315-0004/cancel", token: token, headers: Self.key("k-1"))
            #expect(reused == .conflict)

            let (shipped, why) = try await call(client, .post, "/api/stores/demo/orders/ORD-20260314-0004/cancel", token: token)
            #expect(shipped == .conflict && why["error"]?["message"]?.stringValue?.contains("shipped") == true, "\(why)")
            // The shop may change an address hours after ordering, not once it shipped.
            let address = #"{"address":"4 Rue des Lilas, 75011 Paris"}"#
            let (moved, card) = try await call(client, .post, "/api/stores/demo/orders/ORD-20260314-0002/address", token: token, body: address)
            #expect(moved == .created && card["order"]?["deliveryAddress"] == .string("4 Rue des Lilas, 75011 Paris"), "\(card)")
            #expect(try await call(client, .post, "/api/stores/demo/orders/ORD-20260314-0004/address", token: token, body: address).0 == .conflict)
            #expect(try await call(client, .post, "/api/stores/demo/orders/ORD-20260314-0002/address", token: token, body: #"{"address":"x"}"#).0 == .unprocessableContent)

            let returns = "/api/stores/demo/orders/ORD-20260309-0004/returns"
            let one = #"{"items":[{"name":"Apple iPhone SE 128GB Smartphone","quantity":1}],"reason":"changed my mind"}"#
            let (started, body) = try await call(client, .post, returns, token: token, body: one, headers: Self.key("r-1"))
            #expect(started == .created && body["returnNumber"]?.stringValue?.hasPrefix("RET-") == true, "\(body)")
            #expect(try await call(client, .post, returns, token: token, body: one, headers: Self.key("r-2")).0 == .conflict, "the line is already in a return")
            #expect(try await call(client, .post, returns, token: token, body: #"{"items":[{"name":"A kettle"}],"reason":"x"}"#).0 == .unprocessableContent)
            #expect(try await call(client, .post, returns, token: token, body: #"{"items":"all","reason":"x"}"#).0 == .unprocessableContent)
            #expect(try await call(client, .post, returns, token: token, body: "{not json").0 == .badRequest)
            #expect(try await call(client, .post, returns, token: token, body: one, headers: Self.key(String(repeating: "k", count: 101))).0 == .unprocessableContent)
            let (listed, list) = try await call(client, .get, returns, token: token)
            #expect(listed == .ok && list["returns"]?[0]?["number"] == body["returnNumber"])
            #expect(list["returns"]?[0]?["lines"]?[0]?["quantity"] == .number(1))
            #expect(try await call(client, .get, returns, token: otherToken).0 == .forbidden)
            #expect(try await call(client, .post, "/api/stores/demo/orders/ORD-29990101-0001/cancel", token: token).0 == .notFound)
            // The other store's order of the same number is its own: cancelling it leaves the demo store's alone.
            #expect(try await call(client, .post, "/api/stores/other/orders/ORD-20260315-0006/cancel", token: otherToken).0 == .created)
        }
        let after = try await Self.pixelStock(database)
        #expect(after == before + 1, "the demo order's unit went back once")
    }

    /// The demo store's stock of the phone that order ORD-20260315-0006 holds, on either backend.
    static func pixelStock(_ database: TestDatabase) async throws -> Int {
        let rows = try await database.integers(
            sqlite: "SELECT p.stock FROM products p JOIN stores s ON s.id = p.storeId WHERE s.slug = 'demo' AND p.name = 'Google Pixel 8 512GB Smartphone'",
            postgres: "SELECT p.stock FROM products p JOIN stores s ON s.id = p.store_id WHERE s.slug = 'demo' AND p.name = 'Google Pixel 8 512GB Smartphone'")
        return try #require(rows.first)
    }
}
