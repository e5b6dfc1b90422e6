import Foundation
import ShopTalkCore
import Testing

/// When each order action is allowed, and what it plans to do.
@Suite("Order action rules")
struct OrderActionPolicyTests {
    static let placed = Date(timeIntervalSince1970: 1_800_000_000)

    static func order(_ status: Order.Status, events: [Order.Event] = []) -> Order {
        Order(number: "ORD-1", customerExternalID: nil, email: "a@example.com", status: status, placedAt: placed,
              items: [Order.Item(productID: 7, name: "Blue mug", quantity: 2, unitPrice: Money(cents: 1200)),
                      Order.Item(productID: nil, name: "Gift card", quantity: 1, unitPrice: Money(cents: 2500))],
              events: [Order.Event(status: .pending, at: placed)] + events, country: "France")
    }

    @Test func aCancellationRestocksTrackedLinesUntilTheOrderShips() throws {
        let policy = OrderActionPolicy()
        let plan = try policy.plan(.cancel, for: Self.order(.paid), now: Self.placed.addingTimeInterval(86_400))
        #expect(plan.status == .cancelled && plan.restock == [.init(productID: 7, quantity: 2)])
        let shipped = Self.order(.shipped, events: [Order.Event(status: .shipped, at: Self.placed.addingTimeInterval(3_600))])
        #expect(throws: OrderActionRefusal.self) { try policy.plan(.cancel, for: shipped, now: Self.placed) }
        do {
            _ = try policy.plan(.cancel, for: shipped, now: Self.placed)
        } catch let refusal as OrderActionRefusal {
            #expect(refusal.reason.contains("shipped on 2027-01-15") && refusal.reason.contains("start a return once it arrives"), "\(refusal.reason)")
        }
        #expect(throws: OrderActionRefusal.self) { try policy.plan(.cancel, for: Self.order(.cancelled), now: Self.placed) }
    }

    @Test func theAddressWindowHoldsForShoppersAndNotForTheShop() throws {
        let policy = OrderActionPolicy(addressWindow: 2 * 3_600)
        let order = Self.order(.paid)
        #expect(try policy.plan(.changeAddress("1 Main St, Town"), for: order, now: Self.placed.addingTimeInterval(7_000)).address == "1 Main St, Town")
        #expect(throws: OrderActionRefusal.self) { try policy.plan(.changeAddress("1 Main St, Town"), for: order, now: Self.placed.addingTimeInterval(7_300)) }
        #expect(try OrderActionPolicy.shop.plan(.changeAddress("1 Main St, Town"), for: order, now: Self.placed.addingTimeInterval(86_400 * 3)).note.hasSuffix("by the shop"))
        #expect(throws: OrderActionRefusal.self) { try OrderActionPolicy.shop.plan(.changeAddress("x"), for: Self.order(.shipped), now: Self.placed) }
    }

    @Test func aReturnCountsFromDeliveryAndNeverTakesBackMoreThanWasBought() throws {
        let policy = OrderActionPolicy(returnWindow: 30 * 86_400)
        let delivered = Self.order(.delivered, events: [Order.Event(status: .delivered, at: Self.placed.addingTimeInterval(10 * 86_400))])
        let mug = ReturnLine(productID: 7, name: "Blue mug", quantity: 1)
        let day39 = Self.placed.addingTimeInterval(39 * 86_400)
        #expect(try policy.plan(.startReturn(lines: [mug], reason: "chipped"), for: delivered, returned: ["Blue mug": 1], now: day39).returnLines == [mug])
        #expect(throws: OrderActionRefusal.self) {
            try policy.plan(.startReturn(lines: [mug], reason: "chipped"), for: delivered, returned: ["Blue mug": 2], now: day39)
        }
        #expect(throws: OrderActionRefusal.self) {
            try policy.plan(.startReturn(lines: [ReturnLine(productID: nil, name: "Teapot", quantity: 1)], reason: "x"), for: delivered, now: day39)
        }
        #expect(throws: OrderActionRefusal.self) {
            try policy.plan(.startReturn(lines: [mug], reason: "x"), for: delivered, now: Self.placed.addingTimeInterval(41 * 86_400))
        }
        #expect(throws: OrderActionRefusal.self) { try policy.plan(.startReturn(lines: [mug], reason: "x"), for: Self.order(.shipped), now: day39) }
    }
}
