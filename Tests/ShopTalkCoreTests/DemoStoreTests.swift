import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Demo store")
struct DemoStoreTests {
    static let today = ShopClock.parseDay("2026-03-15")!
    static let demo = DemoStore.generate(today: today)

    @Test func itHasARealisticCatalog() {
        let products = Self.demo.products
        #expect(products.count >= 300)
        let categories = Set(products.map(\.category))
        #expect(categories.count >= 8)
        for category in ["phones", "laptops", "headphones", "tvs", "shoes", "clothing", "home & kitchen", "accessories"] {
            #expect(categories.contains(category))
        }
        let brands = Set(products.map(\.brand))
        for brand in ["Samsung", "Apple", "Sony", "LG", "Dell", "HP", "Lenovo", "Nike", "Adidas", "Puma"] {
            #expect(brands.contains(brand))
        }
        #expect(Set(products.map(\.sku)).count == products.count)
        #expect(products.contains { $0.originalPrice != nil })
        #expect(products.allSatisfy { ($0.originalPrice ?? $0.price) >= $0.price && $0.cost != nil && $0.price.cents > 0 })
        #expect(products.contains { $0.stockState == .out })
        #expect(products.contains { $0.stockState == .low })
        #expect(products.filter { $0.category == "clothing" }.allSatisfy { $0.sizes.contains("M") })
        #expect(products.filter { $0.category == "shoes" }.allSatisfy { $0.sizes.contains("10") })
        #expect(products.filter { $0.category == "tvs" }.allSatisfy { $0.sizes.first?.hasSuffix("inch") == true })
        #expect(products.allSatisfy { !$0.colors.isEmpty && !$0.description.isEmpty })
    }

    @Test func itHasDiscountsOfEveryKindAndEveryFailure() {
        let discounts = Self.demo.discounts
        #expect(discounts.count >= 10)
        #expect(discounts.contains { $0.kind == .percentage && $0.maxDiscount != nil })
        #expect(discounts.contains { $0.kind == .fixedAmount })
        #expect(discounts.contains { $0.kind == .buyOneGetOne })
        #expect(discounts.contains { $0.minSpend != nil })
        #expect(discounts.contains { $0.category != nil })
        #expect(discounts.contains { $0.brand != nil })
        #expect(discounts.contains { ($0.endsAt ?? .distantFuture) < Self.today })
        #expect(discounts.contains { ($0.startsAt ?? .distantPast) > Self.today })
        #expect(discounts.contains { !$0.isActive })
        let usedUp = discounts.filter { $0.usageLimit != nil && $0.usedCount >= $0.usageLimit! }
        #expect(usedUp.count == 1)
    }

    @Test func itHasCustomersAndEighteenMonthsOfOrders() throws {
        let demo = Self.demo
        #expect(demo.customers.count >= 200)
        #expect(Set(demo.customers.map(\.email)).count == demo.customers.count)
        #expect(demo.orders.count >= 2000)
        let oldest = try #require(demo.orders.map(\.placedAt).min())
        let months = ShopClock.calendar.dateComponents([.month], from: oldest, to: Self.today).month ?? 0
        #expect(months >= 17)
        #expect(Set(demo.orders.map(\.number)).count == demo.orders.count)
        let pattern = /^ORD-\d{8}-\d{4}$/
        #expect(demo.orders.allSatisfy { $0.number.wholeMatch(of: pattern) != nil })
        let statuses = Set(demo.orders.map(\.status))
        #expect(statuses == Set(Order.Status.allCases))
        for order in demo.orders where [.shipped, .delivered, .returned].contains(order.status) {
            #expect(order.shipment != nil)
        }
        #expect(demo.orders.allSatisfy { $0.events.first?.status == .pending && $0.events.last?.status == $0.status })
        #expect(demo.orders.allSatisfy { !$0.items.isEmpty && $0.total.cents > 0 })
    }

    @Test func redemptionsAgreeWithTheOrdersThatUsedEachCode() {
        let demo = Self.demo
        for discount in demo.discounts {
            let uses = demo.orders.filter { $0.discountCode == discount.code }.count
            #expect(discount.usedCount == uses, "\(discount.code)")
        }
    }

    @Test func theSameSeedAndDateGiveTheSameStore() {
        let again = DemoStore.generate(today: Self.today)
        #expect(again.products == Self.demo.products)
        #expect(again.orders == Self.demo.orders)
        let other = DemoStore.generate(today: Self.today, seed: 7)
        #expect(other.orders != Self.demo.orders)
    }

    @Test func ordersAreDatedRelativeToTheClock() throws {
        let later = DemoStore.generate(today: ShopClock.parseDay("2027-01-10")!)
        let newest = try #require(later.orders.map(\.placedAt).max())
        #expect(ShopClock.dayString(newest) == "2027-01-10")
    }
}
