import Foundation

/// Decides whether a discount code applies to a basket, and what it saves.
///
/// Checking never consumes a code: redeeming is the order store's job, which increments usage atomically.
public struct DiscountEvaluator: Sendable {
    /// One product line of the basket a code is checked against.
    public struct Line: Sendable, Hashable {
        public var category: String
        public var brand: String
        public var unitPrice: Money
        public var quantity: Int

        public init(category: String, brand: String, unitPrice: Money, quantity: Int) {
            self.category = category
            self.brand = brand
            self.unitPrice = unitPrice
            self.quantity = quantity
        }
    }

    /// Why a code does not apply; each case carries the numbers the explanation needs.
    public enum Failure: Sendable, Hashable {
        case inactive
        case notStarted(startsAt: Date)
        case expired(endedAt: Date)
        case usageLimitReached(limit: Int)
        case belowMinimumSpend(minimum: Money, total: Money)
        case wrongCategory(required: String)
        case wrongBrand(required: String)
        case needsTwoEligibleItems
    }

    /// The outcome of a check.
    public enum Outcome: Sendable, Hashable {
        case applies(saving: Money, total: Money, newTotal: Money)
        case fails(Failure)
    }

    public init() {}

    /// Checks `discount` at `date` against basket `lines`.
    public func check(_ discount: Discount, lines: [Line], at date: Date) -> Outcome {
        if let failure = availabilityFailure(discount, at: date) { return .fails(failure) }
        let total = lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.quantity }
        let eligible = lines.filter { line in
            (discount.category.map { $0.sameIgnoringCase(line.category) } ?? true)
                && (discount.brand.map { $0.sameIgnoringCase(line.brand) } ?? true)
        }
        if eligible.isEmpty {
            if let category = discount.category { return .fails(.wrongCategory(required: category)) }
            if let brand = discount.brand { return .fails(.wrongBrand(required: brand)) }
        }
        let eligibleTotal = eligible.reduce(Money.zero) { $0 + $1.unitPrice * $1.quantity }
        let restricted = discount.category != nil || discount.brand != nil
        if let minimum = discount.minSpend {
            let spent = restricted ? eligibleTotal : total
            if spent < minimum { return .fails(.belowMinimumSpend(minimum: minimum, total: spent)) }
        }
        let saving: Money
        switch discount.kind {
        case .percentage:
            let raw = Money(cents: Int((Double(eligibleTotal.cents) * Double(discount.percentOff ?? 0) / 100).rounded()))
            saving = discount.maxDiscount.map { min($0, raw) } ?? raw
        case .fixedAmount:
            saving = min(discount.amountOff ?? .zero, eligibleTotal)
        case .buyOneGetOne:
            let units = eligible.flatMap { Array(repeating: $0.unitPrice, count: max(0, $0.quantity)) }
                .sorted(by: >)
            guard units.count >= 2 else { return .fails(.needsTwoEligibleItems) }
            saving = stride(from: 1, to: units.count, by: 2).reduce(Money.zero) { $0 + units[$1] }
        }
        return .applies(saving: saving, total: total, newTotal: total - saving)
    }

    /// Checks `discount` against a plain amount, as in "SAVE20 for a $120 order".
    public func check(_ discount: Discount, amount: Money, at date: Date) -> Outcome {
        let line = Line(
            category: discount.category ?? "", brand: discount.brand ?? "", unitPrice: amount, quantity: 1
        )
        return check(discount, lines: [line], at: date)
    }

    /// Whether the code can be used at all at `date`, whatever the basket.
    public func availabilityFailure(_ discount: Discount, at date: Date) -> Failure? {
        if !discount.isActive { return .inactive }
        if let startsAt = discount.startsAt, date < startsAt { return .notStarted(startsAt: startsAt) }
        if let endsAt = discount.endsAt, date > endsAt { return .expired(endedAt: endsAt) }
        if let limit = discount.usageLimit, discount.usedCount >= limit { return .usageLimitReached(limit: limit) }
        return nil
    }
}
