import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Discount rules")
struct DiscountEvaluatorTests {
    let now = ShopClock.parseDay("2026-03-15")!
    let evaluator = DiscountEvaluator()

    func line(_ category: String, _ brand: String, _ dollars: Double, _ quantity: Int = 1) -> DiscountEvaluator.Line {
        .init(category: category, brand: brand, unitPrice: Money(major: dollars), quantity: quantity)
    }

    @Test func aPercentageIsCappedAtItsMaximum() {
        let code = Discount(id: 1, code: "SAVE20", description: "", kind: .percentage, percentOff: 20, maxDiscount: Money(major: 100))
        #expect(evaluator.check(code, lines: [line("tvs", "LG", 300)], at: now) == .applies(saving: Money(major: 60), total: Money(major: 300), newTotal: Money(major: 240)))
        #expect(evaluator.check(code, lines: [line("tvs", "LG", 1000)], at: now) == .applies(saving: Money(major: 100), total: Money(major: 1000), newTotal: Money(major: 900)))
    }

    @Test func belowTheMinimumSpendSaysByHowMuch() {
        let code = Discount(id: 1, code: "SAVE20", description: "", kind: .percentage, percentOff: 20, minSpend: Money(major: 100))
        #expect(evaluator.check(code, amount: Money(major: 64), at: now) == .fails(.belowMinimumSpend(minimum: Money(major: 100), total: Money(major: 64))))
    }

    @Test func aFixedAmountNeverExceedsTheEligibleTotal() {
        let code = Discount(id: 1, code: "TAKE10", description: "", kind: .fixedAmount, amountOff: Money(major: 10))
        #expect(evaluator.check(code, amount: Money(major: 6), at: now) == .applies(saving: Money(major: 6), total: Money(major: 6), newTotal: .zero))
    }

    @Test func buyOneGetOneFreesTheCheaperOfEachPair() {
        let code = Discount(id: 1, code: "TEES", description: "", kind: .buyOneGetOne, category: "clothing")
        let basket = [line("clothing", "Nike", 30, 2), line("clothing", "Puma", 20), line("shoes", "Nike", 100)]
        #expect(evaluator.check(code, lines: basket, at: now) == .applies(saving: Money(major: 30), total: Money(major: 180), newTotal: Money(major: 150)))
        #expect(evaluator.check(code, lines: [line("clothing", "Nike", 30)], at: now) == .fails(.needsTwoEligibleItems))
    }

    @Test func categoryAndBrandRestrictionsAreExplained() {
        let shoes = Discount(id: 1, code: "RUN25", description: "", kind: .fixedAmount, amountOff: Money(major: 25), category: "shoes")
        #expect(evaluator.check(shoes, lines: [line("tvs", "LG", 500)], at: now) == .fails(.wrongCategory(required: "shoes")))
        let sony = Discount(id: 2, code: "SONY15", description: "", kind: .percentage, percentOff: 15, brand: "Sony")
        #expect(evaluator.check(sony, lines: [line("tvs", "LG", 500)], at: now) == .fails(.wrongBrand(required: "Sony")))
        #expect(evaluator.check(sony, lines: [line("tvs", "sony", 100), line("tvs", "LG", 500)], at: now) == .applies(saving: Money(major: 15), total: Money(major: 600), newTotal: Money(major: 585)))
    }

    @Test func datesActivityAndUsageLimitsComeFirst() {
        let day: (Int) -> Date = { ShopClock.calendar.date(byAdding: .day, value: $0, to: self.now)! }
        let base = Discount(id: 1, code: "X", description: "", kind: .percentage, percentOff: 10)
        var expired = base; expired.endsAt = day(-1)
        var future = base; future.startsAt = day(3)
        var inactive = base; inactive.isActive = false
        var usedUp = base; usedUp.usageLimit = 5; usedUp.usedCount = 5
        #expect(evaluator.check(expired, amount: Money(major: 50), at: now) == .fails(.expired(endedAt: day(-1))))
        #expect(evaluator.check(future, amount: Money(major: 50), at: now) == .fails(.notStarted(startsAt: day(3))))
        #expect(evaluator.check(inactive, amount: Money(major: 50), at: now) == .fails(.inactive))
        #expect(evaluator.check(usedUp, amount: Money(major: 50), at: now) == .fails(.usageLimitReached(limit: 5)))
    }
}
