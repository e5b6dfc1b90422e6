import Foundation
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The live handoff across two instances on one PostgreSQL database: the shopper's connection is on one,
/// the staff member's on the other, and their words cross through the outbox at once.
@Suite("PostgreSQL handoffs", .enabled(if: TestPostgres.available, "needs SHOPTALK_TEST_POSTGRES (Scripts/ci/postgres.sh)"))
struct PostgresHandoffTests {
    @Test func aShopperOnOneInstanceChatsWithAPersonOnTheOther() async throws {
        try await TestPostgres.withDatabase(deadline: 400) { database in
            try await PostgresServerTests.withTwoServers(database) { a, b in
                let tokens = OwnerTokens(database: database)
                let owner = try await tokens.create(storeSlug: "demo", name: "owner", now: .now)
                let staff = try await tokens.create(storeSlug: "demo", name: "Sam", role: "staff", now: .now)
                #expect(try await call(b, .put, "/api/stores/demo/handoffs/settings", token: owner, body: HandoffChatTests.alwaysOpen).0 == .ok)
                try await withPeers(a, ["/chat?store=demo"]) { shoppers in
                    try await withPeers(b, ["/chat?store=demo"]) { desks in
                        let (shopper, desk) = (shoppers[0], desks[0])
                        _ = try await shopper.next("welcome")
                        _ = try await desk.next("welcome")
                        desk.send(["type": .string("auth"), "token": .string(staff)])
                        #expect(try await desk.next("auth_ok").string("role") == "staff")
                        shopper.say("I want to speak to a human", id: "x1")
                        let asked = try await shopper.next("reply")
                        #expect(asked["handoff"]?["status"] == .string("queued"), "\(asked)")
                        let started = ContinuousClock.now
                        let queued = try await desk.next("handoff_queue", within: 5)
                        #expect(ContinuousClock.now - started < .seconds(3))
                        let id = try #require(queued["handoff"]?["id"]?.numberValue)
                        let path = "/api/stores/demo/handoffs/\(Int(id))/claim"

                        // The owner on a and the staff member on b claim at once: one wins.
                        async let first = call(a, .post, path, token: owner)
                        async let second = call(b, .post, path, token: staff)
                        let statuses = [try await first.0, try await second.0]
                        #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 1, "\(statuses)")
                        let live = try await shopper.next("handoff", within: 5)
                        #expect(live.string("status") == "live")

                        desk.send(["type": .string("handoff_say"), "handoff": .number(id), "id": .string("k1"), "text": .string("Hello from b")])
                        let said = try await desk.next("handoff_ok")
                        #expect(said["message"]?["text"] == .string("Hello from b"))
                        #expect(try await shopper.next("agent_message", within: 5).string("text") == "Hello from b")
                        shopper.say("thanks, it's order ORD-20260315-0005", id: "x2")
                        #expect(try await shopper.next("reply").string("text") == "")
                        let heard = try await desk.next("handoff_message", within: 5) { $0.string("sender") == "shopper" }
                        #expect(heard.string("text") == "thanks, it's order ORD-20260315-0005")
                    }
                }
            }
        }
    }
}
