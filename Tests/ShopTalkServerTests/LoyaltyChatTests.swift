import Foundation
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Loyalty points over a live socket and REST on the demo store (seeded for 2026-03-15, a Sunday).
@Suite("Loyalty points in the chat and over REST")
struct LoyaltyChatTests {
    @Test func aShopperSeesAndRedeemsTheirPointsAndTheOwnerSeesTheTotals() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken()
        let email = "marco.hernandez@example.org"
        // What his delivered orders earn at 1 point per dollar, worked out here from the orders themselves.
        let expected = try await database.integers(
            sqlite: "SELECT totalCents FROM orders WHERE lower(email) = ? AND status = 'delivered'",
            postgres: "SELECT total_cents FROM orders WHERE lower(email) = \(email) AND status = 'delivered'", arguments: [email]
        ).reduce(0) { $0 + $1 / 100 }
        try #require(expected >= 100)
        // The background bonus round would pay the week on its own after one alert interval (30 s by
        // default), which a busy machine can reach before the POST below; this test runs the week by hand.
        try await withLiveServer(testConfiguration(database) { $0.alertInterval = 3_600 }) { client in
            let settings = "/api/stores/demo/loyalty/settings"
            #expect(try await call(client, .put, settings, body: #"{"minimumRedemption":100}"#).0 == .unauthorized)
            #expect(try await call(client, .put, settings, token: token, body: #"{"bonusHour":30}"#).0 == .unprocessableContent)
            #expect(try await call(client, .put, settings, token: token, body: #"{"bonusHours":3}"#).0 == .unprocessableContent)
            let (saved, body) = try await call(client, .put, settings, token: token, body: #"{"minimumRedemption":100}"#)
            #expect(saved == .ok && body["minimumRedemption"] == .number(100) && body["pointsPerUnit"] == .number(1))

            let made = Shared<String>("")
            try await chat(client) { chat in
                let asked = try await chat.say("how many points do I have?")
                #expect(asked.intentName == "loyalty")
                #expect(asked.string("text")?.contains("email address on your orders and one of your order numbers") == true, "\(asked.string("text") ?? "")")
                let wrong = try await chat.say("\(email) ORD-20260315-0005")
                #expect(wrong.string("text")?.contains("couldn't find an order") == true, "\(wrong.string("text") ?? "")")
                _ = try await chat.say("what's my points balance?")
                let balance = try await chat.say("it's \(email), order ORD-20260311-0003")
                #expect(balance.string("text")?.hasPrefix("You have \(expected) points") == true, "\(balance.string("text") ?? "")")
                let confirm = try await chat.say("redeem 100 points")
                #expect(confirm.string("text") == "Turn 100 of your \(expected) points into a one-time code for $1.00 off? Yes or no?", "\(confirm.string("text") ?? "")")
                let done = try await chat.say("yes")
                let text = done.string("text") ?? ""
                #expect(text.hasPrefix("Your code is PTS-") && text.contains("You have \(expected - 100) points left"), "\(text)")
                let code = String(text.dropFirst("Your code is ".count).prefix(12))
                made.withLock { $0 = code }
                let check = try await chat.say("check code \(code)")
                #expect(check.string("text")?.contains("don't recognise") == false, "\(check.string("text") ?? "")")
            }
            // Another shopper never sees the code among the deals.
            try await chat(client) { chat in
                let deals = try await chat.say("what deals do you have?")
                #expect(deals.string("text")?.contains("PTS-") == false, "\(deals.string("text") ?? "")")
                let points = try await chat.say("who are your top point earners?")
                #expect(points.string("text")?.contains(email) == false, "a shopper never sees other customers")
            }
            // The owner's view, in the chat and over REST.
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.send(["type": "auth", "token": token])
                #expect(try await frames.next().string("type") == "auth_ok")
                try await outbound.say("who are my top point earners?", id: "o1")
                let top = try await frames.next()
                #expect(top.string("text")?.hasPrefix("Your top point holders: 1. ") == true, "\(top.string("text") ?? "")")
                try await outbound.say("how many points are outstanding?", id: "o2")
                let outstanding = try await frames.next()
                #expect(outstanding.string("text")?.contains("points are outstanding, held by") == true, "\(outstanding.string("text") ?? "")")
            }
            let (_, history) = try await call(client, .get, "/api/stores/demo/loyalty/customers/\(email)", token: token)
            #expect(history["balance"] == .number(Double(expected - 100)))
            #expect(history["history"]?[0]?["kind"] == .string("redeem") && history["history"]?[0]?["note"] == .string(made.withLock { $0 }))
            // The weekly bonus for the week that ended on Monday 09:00, run twice, pays once.
            let (_, first) = try await call(client, .post, "/api/stores/demo/loyalty/bonus", token: token)
            let (_, second) = try await call(client, .post, "/api/stores/demo/loyalty/bonus", token: token)
            #expect(first["paid"] == .number(10) && second["paid"] == .number(0), "\(first) \(second)")
            #expect(first["week"] == .string("2026-03-02"))
            let bonuses = try await database.integers(
                sqlite: "SELECT COUNT(*) FROM points_ledger WHERE kind = 'bonus' AND reference LIKE 'bonus:2026-03-02:%'",
                postgres: "SELECT COUNT(*)::bigint FROM points_ledger WHERE kind = 'bonus' AND reference LIKE 'bonus:2026-03-02:%'")
            #expect(bonuses == [10])
            let (_, top) = try await call(client, .get, "/api/stores/demo/loyalty/top?limit=3", token: token)
            guard case .array(let holders)? = top["holders"] else { Issue.record("no holders"); return }
            #expect(holders.count == 3)
            #expect(try await call(client, .get, "/api/stores/demo/loyalty/top?limit=0", token: token).0 == .unprocessableContent)
            #expect(try await call(client, .get, "/api/stores/demo/loyalty/outstanding").0 == .unauthorized)
        }
    }
}
