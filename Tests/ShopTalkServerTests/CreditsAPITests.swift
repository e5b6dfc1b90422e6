import Foundation
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("AI credits for owners: chat, REST and purchases")
struct CreditsAPITests {
    @Test func ownersAskAboutTheirCreditsInChat() async throws {
        let database = try await TestDatabase.demoStore()
        let storeID = try await database.storeID()
        try await database.withLedger { ledger in
            try await ledger.grant(storeID: storeID, millicredits: 10_000, requestID: "g", expiresAt: nil)
            try await ledger.reserve(storeID: storeID, requestID: "c1", feature: .fallbackChat)
            try await ledger.settle(storeID: storeID, requestID: "c1", usage: AIUsage(model: "m", promptTokens: 5, completionTokens: 5, providerCostMicros: 2, latencyMs: 9))
        }
        let token = try await database.ownerToken()
        try await withLiveServer(testConfiguration(database, today: ShopClock.dayString(Date()))) { client in
            try await ownerChat(client, store: "demo", token: token) { owner in
                let left = try await owner.say("how many AI credits do I have left?")
                #expect(left.string("text") == "You have 9.8 AI credits left.")
                #expect(left.resultValue == 9.8)
                let cost = try await owner.say("what did AI cost me this month?")
                #expect(cost.string("text")?.contains("AI cost you 0.2 credits") == true)
                #expect(cost.string("text")?.contains("fallback chat: 0.2 credits over 1 calls") == true)
            }
            // Customers asking the same get no figures.
            try await chat(client) { shopper in
                let reply = try await shopper.say("how many AI credits do I have left?")
                #expect(reply.string("text")?.contains("9.8") == false)
            }
        }
    }

    @Test func purchasesAddCreditsOnlyOnceAndOnlyWhenCompleted() async throws {
        let database = try await TestDatabase.demoStore()
        try await database.seedStore("other")
        let token = try await database.ownerToken()
        let other = try await database.ownerToken(store: "other")
        try await withLiveServer(testConfiguration(database)) { client in
            #expect(try await call(client, .get, "/api/stores/demo/credits").0 == .unauthorized)
            #expect(try await call(client, .get, "/api/stores/demo/credits", token: other).0 == .forbidden)
            let purchase = #"{"amountPaid":20,"credits":100,"bonus":10,"paymentReference":"pay_123"}"#
            let (created, pending) = try await call(client, .post, "/api/stores/demo/credits/purchases", token: token, body: purchase)
            #expect(created == .created && pending["status"] == .string("pending") && pending["balance"] == .number(0))
            #expect(try await call(client, .post, "/api/stores/demo/credits/purchases", token: token, body: purchase).0 == .conflict)
            let (done, completed) = try await call(client, .patch, "/api/stores/demo/credits/purchases/pay_123", token: token, body: #"{"status":"completed"}"#)
            #expect(done == .ok && completed["balance"] == .number(110))
            let (_, again) = try await call(client, .patch, "/api/stores/demo/credits/purchases/pay_123", token: token, body: #"{"status":"completed"}"#)
            #expect(again["balance"] == .number(110))
            #expect(try await call(client, .patch, "/api/stores/demo/credits/purchases/pay_123", token: token, body: #"{"status":"failed"}"#).0 == .unprocessableContent)
            _ = try await call(client, .post, "/api/stores/demo/credits/purchases", token: token, body: #"{"amountPaid":5,"credits":25,"paymentReference":"pay_bad"}"#)
            let (_, failed) = try await call(client, .patch, "/api/stores/demo/credits/purchases/pay_bad", token: token, body: #"{"status":"failed"}"#)
            #expect(failed["status"] == .string("failed") && failed["balance"] == .number(110))
            let (_, summary) = try await call(client, .get, "/api/stores/demo/credits", token: token)
            #expect(summary["balance"] == .number(110))
            let (status, usage) = try await call(client, .get, "/api/stores/demo/credits/usage?days=30", token: token)
            #expect(status == .ok && usage["from"] != nil)
            let (invalid, problems) = try await call(client, .post, "/api/stores/demo/credits/purchases", token: token, body: #"{"amountPaid":-1}"#)
            #expect(invalid == .unprocessableContent)
            #expect(problems["error"]?["fields"]?["paymentReference"] != nil && problems["error"]?["fields"]?["credits"] != nil)
        }
    }
}
