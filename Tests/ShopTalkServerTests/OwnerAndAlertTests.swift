import Foundation
import GRDB
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("Owner sign-in, alerts and conversation polish")
struct OwnerAndAlertTests {
    @Test func anOwnerSignsInWithAFrameAndOtherStoresTokensAreRefused() async throws {
        let database = try await TestDatabase.demoStore()
        try await database.seedStore("other")
        let token = try await database.ownerToken(name: "t")
        let other = try await database.ownerToken(store: "other", name: "t")
        let revoked = try await database.ownerToken(name: "old")
        _ = try await database.revokeToken(id: try #require(Int64(revoked.split(separator: "_")[1])))
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                for bad in [other, revoked, "st_1_guess", token + "x"] {
                    try await outbound.send(["type": "auth", "token": bad])
                    #expect(try await frames.next().string("code") == "unauthorized")
                }
                try await outbound.say("what were my total sales this month?", id: "q1")
                #expect(try await frames.next().string("text")?.contains("can't share") == true)
                try await outbound.send(["type": "auth", "token": token])
                let ok = try await frames.next()
                #expect(ok.string("type") == "auth_ok")
                #expect(ok.string("role") == "owner")
                #expect(ok.string("store") == "demo")
            }
        }
    }

    @Test func aNewTicketIsPushedToTheStoresConnectedOwners() async throws {
        let database = try await TestDatabase.demoStore()
        let token = try await database.ownerToken(name: "t")
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.send(["type": "auth", "token": token])
                #expect(try await frames.next().string("type") == "auth_ok")
                // A shopper complains on another connection.
                try await chat(client) { shopper in
                    let reply = try await shopper.say("the headphones I got are broken, really poor quality")
                    #expect(reply.intentName == "complaint")
                }
                let alert = try await frames.next()
                #expect(alert.string("type") == "alert")
                #expect(alert.string("kind") == "ticket")
                #expect(alert["data"]?["reference"]?.stringValue?.hasPrefix("TCK-") == true)
            }
        }
    }

    @Test func yesShowsWhatARelaxedSearchFound() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let none = try await chat.say("dell laptops under $300")
                #expect(none.string("text")?.hasPrefix("No Dell laptops under $300.") == true)
                #expect(none.string("text")?.contains("want to see") == true)
                let yes = try await chat.say("yes please")
                #expect(yes.intentName == "find_products")
                #expect(!yes.products.isEmpty)
                #expect(yes.products.allSatisfy { $0["brand"] == .string("Dell") && $0["category"] == .string("laptops") })
            }
        }
    }

    @Test func everyReplyCarriesTwoToFourSuggestions() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                for message in ["hi", "show me tvs", "the second one", "where is my order", "ORD-20260101-0001", "thanks",
                                "what's the weather", "any deals?", "bye"] {
                    let reply = try await chat.say(message)
                    guard case .array(let suggestions)? = reply["suggestions"] else {
                        Issue.record("no suggestions for \(message)")
                        continue
                    }
                    #expect((2...4).contains(suggestions.count), "\(message): \(suggestions)")
                }
            }
        }
    }
}
