import Foundation
import GRDB
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// The dialogue failures new shoppers met in the widget, each replayed over a live socket.
@Suite("Shopper dialogue")
struct ShopperDialogueTests {
    @Test func aNewProductRequestDropsTheFiltersItContradicts() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("laptops under $800 in silver")
                let phones = try await chat.say("show me a cheap samsung phone")
                #expect(!phones.products.isEmpty)
                #expect(phones.products.allSatisfy { $0["category"] == .string("phones") && $0["brand"] == .string("Samsung") }, "\(phones.string("text") ?? "") \(phones.products.map { $0["name"] })")
                #expect(phones.string("text")?.contains("silver") == false)
                #expect(phones.string("text")?.contains("$800") == false)

                _ = try await chat.say("show me samsung tvs")
                let telly = try await chat.say("do you sell a 55 inch telly?")
                #expect(telly.products.contains { $0["brand"] != .string("Samsung") }, "the brand stuck: \(telly.string("text") ?? "")")

                _ = try await chat.say("pink shoes")
                let ultraboost = try await chat.say("do you have adidas ultraboost?")
                #expect(!ultraboost.products.isEmpty)
                #expect(ultraboost.products.allSatisfy { $0["name"]?.stringValue?.contains("Ultraboost") == true }, "\(ultraboost.products.map { $0["name"] })")
            }
        }
    }

    @Test func aShopperCanLetGoOfAFilter() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let black = try await chat.say("black headphones")
                #expect(black.string("text")?.contains("black") == true)
                let any = try await chat.say("ok forget the colour")
                #expect(any.intentName == "find_products")
                #expect(any.string("text")?.contains("black") == false, "\(any.string("text") ?? "")")
                #expect(any.products.allSatisfy { $0["category"] == .string("headphones") }, "\(any.string("text") ?? "")")
                _ = try await chat.say("sony headphones under $100")
                let brandless = try await chat.say("never mind the brand")
                #expect(brandless.string("text")?.contains("Sony") == false, "\(brandless.string("text") ?? "")")
                #expect(brandless.string("text")?.contains("$100") == true)
            }
        }
    }

    @Test func pronounsAndLeftoverWordsNeverBecomeSearchText() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("show me headphones")
                let black = try await chat.say("he'd want them in black")
                let text = black.string("text") ?? ""
                #expect(!text.contains("he'd") && !text.contains("matching"), "\(text)")
                #expect(!black.products.isEmpty)
                #expect(!text.contains("1 black headphones"))
            }
        }
    }

    @Test func detailsOfACardNameThatProductEvenWhenTwoShareABrand() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let list = try await chat.say("sony headphones")
                try #require(list.products.count >= 2)
                for card in list.products.prefix(3) {
                    let name = try #require(card["name"]?.stringValue)
                    let details = try await chat.say("tell me about the \(name)")
                    #expect(details.products.first?["name"]?.stringValue == name, "asked for \(name), got \(details.products.map { $0["name"] })")
                }
                // A brand every shown product shares points at no single one of them.
                let best = try await chat.say("which one has the best reviews?")
                let top = list.products.max { ($0["rating"]?.numberValue ?? 0) < ($1["rating"]?.numberValue ?? 0) }
                #expect(best.productIDs.first == top?["id"]?.numberValue, "\(best.string("text") ?? "")")
            }
        }
    }

    @Test func aComplaintAfterAnOrderLookupCarriesThatOrder() async throws {
        let database = try await TestDatabase.demoStore()
        let (number, email) = try await database.order(status: "delivered")
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let status = try await chat.say("where is order \(number)? my email is \(email)")
                #expect(status["order"] != nil)
                _ = try await chat.say("thanks")
                let complaint = try await chat.say("the blender arrived broken and I'm really annoyed")
                #expect(complaint.intentName == "complaint")
                #expect(complaint["ticket"]?["orderNumber"] == .string(number))
            }
        }
    }

    @Test func aCodeOnACardSaysWhenItCannotApplyYet() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let cheap = try await chat.say("cheapest headphones under $40")
                let cards = cheap.products.filter { ($0["price"]?.numberValue ?? 999) < 100 }
                try #require(!cards.isEmpty)
                for card in cards {
                    guard case .array(let codes)? = card["discounts"] else { continue }
                    for code in codes.compactMap(\.stringValue) where code == "SAVE20" {
                        #expect(card["discountNotes"]?[code]?.stringValue?.contains("$100") == true, "\(card)")
                    }
                }
            }
        }
    }

    @Test func theNewIntentsAnswerUsefully() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let gift = try await chat.say("I'm looking for a birthday gift for my dad, he loves music")
                #expect(gift.intentName == "gift_ideas")
                #expect(!gift.products.isEmpty)
                #expect(gift.products.allSatisfy { ["headphones", "accessories", "tablets"].contains($0["category"]?.stringValue ?? "") }, "\(gift.products.map { $0["name"] })")
                let child = try await chat.say("gift ideas for a 10 year old")
                #expect(child.intentName == "gift_ideas")
                #expect(child.string("text")?.contains("age 10") == true)

                let person = try await chat.say("can I talk to a real person?")
                #expect(person.intentName == "human_handoff")
                #expect(person["ticket"]?["category"] == .string("handoff"))

                let policy = try await chat.say("do you ship to canada and can I pay with paypal?")
                #expect(policy.intentName == "store_policy")
                #expect(policy.string("text")?.contains("Canada") == true && policy.string("text")?.contains("PayPal") == true)

                // A refund request starts a return, which asks which order and proof that it is the shopper's
                // (OrderActionChatTests follows it to the return number).
                let refund = try await chat.say("i want my money back")
                #expect(refund.intentName == "order_action")
                #expect(refund.string("text")?.contains("order number") == true)
                let opened = try await chat.say("ORD-20260102-0042")
                #expect(opened.intentName == "order_action")
                #expect(opened.string("text")?.contains("email address you used for order ORD-20260102-0042") == true, "\(opened.string("text") ?? "")")
            }
        }
    }

    @Test func severalQuestionsInOneTurnAreEachAnswered() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("show me sony headphones")
                let both = try await chat.say("what's the price and sizes of the black jacket?")
                let text = both.string("text") ?? ""
                #expect(both.products.first?["category"] == .string("clothing"), "\(text)")
                #expect(text.contains("$") && text.contains("Sizes"), "\(text)")
            }
        }
    }
}
