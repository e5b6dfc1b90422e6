import Foundation
import GRDB
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

@Suite("Shopper handlers over a live socket")
struct ShopperHandlerTests {
    @Test func theWholeShoppingConversation() async throws {
        let database = try await TestDatabase.demoStore()
        let (number, email) = try await database.order(status: "delivered", last: true)
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                #expect(try await chat.say("hi").intentName == "greeting")
                let shoes = try await chat.say("I need running shoes under $100")
                #expect(shoes.intentName == "find_products")
                #expect(!shoes.products.isEmpty && shoes.products.allSatisfy { $0["category"] == .string("shoes") && ($0["price"]?.numberValue ?? 999) <= 100 })
                let nike = try await chat.say("only Nike")
                #expect(!nike.products.isEmpty && nike.products.allSatisfy { $0["brand"] == .string("Nike") })
                let sized = try await chat.say("size 10")
                #expect(!sized.products.isEmpty && sized.products.allSatisfy { "\($0["sizes"] ?? .null)".contains("\"10\"") })
                let deals = try await chat.say("is there a discount?")
                #expect(deals.intentName == "find_discounts")
                guard case .array(let offered)? = deals["discounts"], let code = offered.first?["code"]?.stringValue else {
                    Issue.record("no discounts offered")
                    return
                }
                let applied = try await chat.say("apply \(code) to the first one")
                #expect(applied.intentName == "apply_discount")
                guard case .array(let checked)? = applied["discounts"] else {
                    Issue.record("no discount result")
                    return
                }
                #expect(checked.first?["code"] == .string(code))
                #expect(checked.first?["valid"] != nil)
                let ask = try await chat.say("where's my order")
                #expect(ask.intentName == "order_status")
                _ = try await chat.say(number)
                let status = try await chat.say(email)
                #expect(status["order"]?["number"] == .string(number))
                #expect(status["order"]?["status"] == .string("delivered"))
            }
        }
    }

    @Test(arguments: [
        ("check code SAVE20 for a $64 order", "SAVE20 needs a $100 minimum; your total is $64."),
        ("does FLASH50 work for $200", "FLASH50 has been used up"),
        ("SUMMER30 for a $200 order", "SUMMER30 expired on"),
        ("BLACKFRIDAY for $300", "BLACKFRIDAY starts on"),
        ("apply OLDCODE to a $50 order", "OLDCODE is no longer active."),
        ("apply code NOSUCHCODE", "I don't recognise the code NOSUCHCODE"),
        ("check code SAVE20 for a $120 order", "SAVE20 takes $24 off: you pay $96 instead of $120."),
        ("TAKE10 for $40", "TAKE10 needs a $50 minimum; your total is $40."),
    ])
    func everyCodeOutcomeIsExplainedWithTheNumbers(message: String, expected: String) async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let reply = try await chat.say(message)
                #expect(reply.intentName == "apply_discount")
                #expect(reply.string("text")?.contains(expected) == true, "\(reply.string("text") ?? "")")
            }
        }
    }

    @Test func codesRestrictedToACategoryOrBrandSayWhich() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("show me LG tvs")
                let wrongBrand = try await chat.say("can i use SONY15 on the first one")
                #expect(wrongBrand.string("text")?.contains("SONY15 only applies to Sony products") == true)
                let wrongCategory = try await chat.say("does RUN25 work on the first one")
                #expect(wrongCategory.string("text")?.contains("RUN25 only applies to shoes") == true)
            }
        }
    }

    @Test func checkingACodeNeverUsesItUp() async throws {
        let database = try await TestDatabase.demoStore()
        func used() async throws -> [Int] {
            try await database.integers(sqlite: "SELECT usedCount FROM discounts WHERE code = 'SAVE20'", postgres: "SELECT used_count FROM discounts WHERE code = 'SAVE20'")
        }
        let before = try await used()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                for _ in 0..<3 { _ = try await chat.say("check code SAVE20 for a $300 order") }
            }
        }
        let after = try await used()
        #expect(before.count == 1 && before == after)
    }

    @Test func productCardsCarryTheDiscountsThatApply() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let sony = try await chat.say("sony headphones")
                for product in sony.products {
                    #expect("\(product["discounts"] ?? .null)".contains("SONY15"))
                    #expect("\(product["discounts"] ?? .null)".contains("HEADPHONES20"))
                    #expect(!"\(product["discounts"] ?? .null)".contains("RUN25"))
                }
                let price = try await chat.say("how much is the first one")
                #expect(price.string("text")?.contains("Codes that can apply") == true)
            }
        }
    }

    @Test func afterFiveFailedLookupsOrderLookupsAreRefused() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                for attempt in 0..<5 {
                    try await outbound.say("status of ORD-20260101-\(String(format: "%04d", attempt + 1)) for thief@example.com", id: "a\(attempt)")
                    #expect(try await frames.next().string("type") == "reply")
                }
                try await outbound.say("status of ORD-20260101-0099 for thief@example.com", id: "blocked")
                let refused = try await frames.next()
                #expect(refused.string("code") == "rate_limited")
                #expect(refused.string("replyTo") == "blocked")
            }
            // A new session from the same address is refused too.
            try await client.ws("/chat?store=demo") { inbound, outbound, _ in
                var frames = FrameReader(inbound)
                _ = try await frames.next()
                try await outbound.say("status of ORD-20260101-0100 for thief@example.com", id: "again")
                #expect(try await frames.next().string("code") == "rate_limited")
                try await outbound.say("show me tvs", id: "other")
                #expect(try await frames.next().string("type") == "reply")
            }
        }
    }

    @Test func aComplaintBecomesATicketWithAReference() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let reply = try await chat.say("my tv arrived with a cracked screen, order ORD-20260301-0002")
                #expect(reply.intentName == "complaint")
                let reference = try #require(reply["ticket"]?["reference"]?.stringValue)
                #expect(reference.hasPrefix("TCK-"))
                #expect(reply["ticket"]?["category"] == .string("damaged"))
                #expect(reply["ticket"]?["orderNumber"] == .string("ORD-20260301-0002"))
                #expect(reply.string("text")?.contains(reference) == true)
            }
        }
        let stored = try await database.strings(sqlite: "SELECT category FROM tickets", postgres: "SELECT category FROM tickets")
        #expect(stored == ["damaged"])
    }

    @Test func recommendationsSayWhy() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let together = try await chat.say("what goes with the galaxy s24")
                #expect(together.intentName == "product_recommendation")
                #expect(!together.products.isEmpty)
                #expect(together.products.allSatisfy { ($0["reason"]?.stringValue ?? "").count > 5 })
                #expect(together.string("text")?.contains("Galaxy S24") == true)
                let similar = try await chat.say("something similar to the sony wh-1000xm5")
                #expect(similar.products.allSatisfy { $0["category"] == .string("headphones") })
                #expect(similar.products.first?["reason"]?.stringValue?.contains("similar to") == true)
                let better = try await chat.say("is there a better model")
                #expect(better.products.first?["reason"]?.stringValue?.contains("step up") == true)
            }
        }
    }
}
