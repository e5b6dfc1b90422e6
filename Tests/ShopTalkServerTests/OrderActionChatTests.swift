import Foundation
import GRDB
import HummingbirdTesting
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Cancelling, changing the address and starting a return in the chat, over a live socket on the demo
/// store (seeded for 2026-03-15): each after the order number and email, and a yes.
@Suite("Order actions in the chat")
struct OrderActionChatTests {
    /// The demo store's stock of each product named, -1 for one it does not have.
    static func stock(_ database: TestDatabase, _ names: [String]) async throws -> [Int] {
        var stock: [Int] = []
        for name in names {
            let found = try await database.integers(
                sqlite: "SELECT p.stock FROM products p JOIN stores s ON s.id = p.storeId WHERE s.slug = 'demo' AND p.name = ?",
                postgres: "SELECT p.stock FROM products p JOIN stores s ON s.id = p.store_id WHERE s.slug = 'demo' AND p.name = \(name)",
                arguments: [name])
            stock.append(found.first ?? -1)
        }
        return stock
    }

    @Test func aShopperCancelsAnUnshippedOrderOnceAndTheOwnerHearsOfIt() async throws {
        let database = try await TestDatabase.demoStore()
        let items = ["OnePlus Nord 3 128GB Smartphone", "Apple iPad 10th Gen 256GB Tablet"]
        let before = try await Self.stock(database, items)
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let asked = try await chat.say("I want to cancel my order")
                #expect(asked.intentName == "order_action")
                #expect(asked.string("text")?.contains("order number") == true, "\(asked.string("text") ?? "")")
                let email = try await chat.say("it's ORD-20260315-0005")
                #expect(email.string("text")?.contains("email") == true, "\(email.string("text") ?? "")")
                let confirm = try await chat.say("daniel.jackson@example.com")
                let question = confirm.string("text") ?? ""
                #expect(question.hasPrefix("Cancel order ORD-20260315-0005, 2 items, $"), "\(question)")
                #expect(question.contains("Yes or no"))
                let done = try await chat.say("yes please")
                #expect(done.string("text")?.hasPrefix("Done: order ORD-20260315-0005 is cancelled.") == true, "\(done.string("text") ?? "")")
                #expect(done["order"]?["status"] == .string("cancelled"))
                guard case .array(let timeline)? = done["order"]?["timeline"] else { Issue.record("no timeline"); return }
                // In the timeline (which orders by time: the test clock keeps the real time of day, which may be
                // earlier than the seeded order's).
                #expect(timeline.contains { $0["note"] == .string("Cancelled at the customer's request") }, "\(timeline)")
                // A second yes (a retried frame) has nothing left to confirm.
                let again = try await chat.say("yes please")
                #expect(again.string("text")?.contains("is cancelled") != true, "\(again.string("text") ?? "")")
            }
        }
        let after = try await Self.stock(database, items)
        #expect(after == before.map { $0 + 1 }, "each line's stock went back once")
        let actions = try await database.integers(sqlite: "SELECT COUNT(*) FROM order_actions", postgres: "SELECT count(*) FROM order_actions")
        let alerts = try await database.strings(sqlite: "SELECT message FROM alert_log WHERE kind = 'order_action'",
                                                postgres: "SELECT message FROM alert_log WHERE kind = 'order_action'")
        let undone = try await database.integers(sqlite: "SELECT COUNT(*) FROM sales_lines WHERE invoice = 'CORD-20260315-0005'",
                                                 postgres: "SELECT count(*) FROM sales_lines WHERE invoice = 'CORD-20260315-0005'").first
        #expect(actions == [1])
        #expect(alerts.count == 1 && alerts[0].contains("ORD-20260315-0005") && alerts[0].contains("cancelled by the customer"), "\(alerts)")
        #expect(undone == 2, "the sale is undone in the sales data")
    }

    @Test func aShippedOrderIsRefusedWithTheReasonAndAWrongEmailFindsNothing() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("please cancel order ORD-20260314-0004")
                let wrong = try await chat.say("someone.else@example.com")
                #expect(wrong.string("text")?.contains("couldn't find an order ORD-20260314-0004 with that email") == true, "\(wrong.string("text") ?? "")")
                _ = try await chat.say("cancel order ORD-20260314-0004")
                let refused = try await chat.say("mei.anderson@mail.example.com")
                let text = refused.string("text") ?? ""
                #expect(text.contains("shipped on 2026-03-") && text.contains("start a return once it arrives"), "\(text)")
                #expect(refused["order"]?["status"] == .string("shipped"))
                // Having looked it up, the shopper need not prove it again; the answer is the same.
                let address = try await chat.say("can I change the delivery address of that order?")
                #expect(address.string("text")?.contains("can't be changed") == true, "\(address.string("text") ?? "")")
            }
        }
    }

    @Test func aReturnGetsANumberAndTheSameItemCannotGoBackTwice() async throws {
        let database = try await TestDatabase.demoStore()
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                let start = try await chat.say("I'd like to return something from order ORD-20260311-0003")
                #expect(start.intentName == "order_action")
                let which = try await chat.say("marco.hernandez@example.org")
                #expect(which.string("text")?.contains("Which items") == true, "\(which.string("text") ?? "")")
                let why = try await chat.say("the shoes")
                #expect(why.string("text")?.contains("reason") == true, "\(why.string("text") ?? "")")
                let confirm = try await chat.say("they're too small")
                let question = confirm.string("text") ?? ""
                #expect(question.contains("1× Puma Velocity Nitro 2 Running Men's Shoes") && question.contains("doesn't fit"), "\(question)")
                let done = try await chat.say("yes")
                let text = done.string("text") ?? ""
                #expect(text.hasPrefix("Your return number is RET-1001"), "\(text)")
                #expect(done["order"]?["status"] == .string("delivered"))
                let twice = try await chat.say("I want to return the shoes from order ORD-20260311-0003")
                #expect(twice.string("text")?.contains("already in a return") == true, "\(twice.string("text") ?? "")")
                // A question about returns is answered from the policy, not taken as a request.
                let how = try await chat.say("how do returns work?")
                #expect(how.intentName != "order_action", "\(how.string("text") ?? "")")
            }
        }
    }

    @Test func aShopperChangesTheAddressOfAnOrderPlacedMinutesAgo() async throws {
        let database = try await TestDatabase.seeded()
        let pool = try database.open()
        let clock = ShopClock(today: try #require(ShopClock.parseDay("2026-03-15")))
        let number = try await pool.writer.write { db -> String in
            let product = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM products ORDER BY id LIMIT 1"))
            let order = Order(number: "ORD-20260315-0900", customerExternalID: nil, email: "ann@example.com", status: .paid,
                              placedAt: clock.now().addingTimeInterval(-600), items: [Order.Item(productID: product, name: "Test item", quantity: 1, unitPrice: Money(cents: 1999))],
                              events: [Order.Event(status: .paid, at: clock.now().addingTimeInterval(-600))], country: "United Kingdom")
            let demo = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM stores WHERE slug = 'demo'"))
            try DemoSeeder.insert(order, storeID: demo, customerID: nil, productIDs: [product: product], db: db)
            return order.number
        }
        try await withLiveServer(testConfiguration(database)) { client in
            try await chat(client) { chat in
                _ = try await chat.say("I need to change the delivery address on \(number), my email is ann@example.com")
                let short = try await chat.say("London")
                #expect(short.string("text")?.contains("doesn't look like a full address") == true, "\(short.string("text") ?? "")")
                let confirm = try await chat.say("12 Harbour Street, Leith, Edinburgh EH6 6LP")
                #expect(confirm.string("text")?.contains("\"12 Harbour Street, Leith, Edinburgh EH6 6LP\"") == true, "\(confirm.string("text") ?? "")")
                let done = try await chat.say("yes")
                #expect(done.string("text")?.contains("will be delivered to 12 Harbour Street") == true, "\(done.string("text") ?? "")")
                #expect(done["order"]?["deliveryAddress"] == .string("12 Harbour Street, Leith, Edinburgh EH6 6LP"))
            }
        }
    }
}
