import Foundation

/// Explains, with the numbers, why a discount code does or does not apply.
public enum DiscountPhrases {
    static func day(_ date: Date) -> String {
        ShopClock.english(date, "d MMM yyyy")
    }

    public static func explain(_ failure: DiscountEvaluator.Failure, code: String, currency: String) -> String {
        switch failure {
        case .inactive:
            return "\(code) is no longer active."
        case .notStarted(let startsAt):
            return "\(code) starts on \(day(startsAt)), so it can't be used yet."
        case .expired(let endedAt):
            return "\(code) expired on \(day(endedAt))."
        case .usageLimitReached(let limit):
            return "\(code) has been used up: it was limited to \(limit) uses."
        case .belowMinimumSpend(let minimum, let total):
            return "\(code) needs a \(minimum.formatted(currency: currency)) minimum; your total is \(total.formatted(currency: currency))."
        case .wrongCategory(let category):
            return "\(code) only applies to \(CatalogPhrases.categoryNoun(category)), and there are none in your basket."
        case .wrongBrand(let brand):
            return "\(code) only applies to \(brand) products."
        case .needsTwoEligibleItems:
            return "\(code) is buy one, get one free: add a second eligible item and the cheaper one is free."
        }
    }

    public static func applies(code: String, saving: Money, total: Money, newTotal: Money, currency: String) -> String {
        "\(code) takes \(saving.formatted(currency: currency)) off: you pay \(newTotal.formatted(currency: currency)) instead of \(total.formatted(currency: currency))."
    }

    /// "20% off (up to $100), on orders of $100 or more, Sony only, until 30 Dec 2026".
    public static func rule(_ discount: Discount, currency: String) -> String {
        var parts: [String] = []
        switch discount.kind {
        case .percentage:
            var text = "\(discount.percentOff ?? 0)% off"
            if let cap = discount.maxDiscount { text += " (up to \(cap.formatted(currency: currency)))" }
            parts.append(text)
        case .fixedAmount:
            parts.append("\((discount.amountOff ?? .zero).formatted(currency: currency)) off")
        case .buyOneGetOne:
            parts.append("buy one, get one free")
        }
        if let category = discount.category { parts.append("on \(CatalogPhrases.categoryNoun(category))") }
        if let brand = discount.brand { parts.append("on \(brand)") }
        if let minimum = discount.minSpend { parts.append("when you spend \(minimum.formatted(currency: currency))") }
        if let endsAt = discount.endsAt { parts.append("until \(day(endsAt))") }
        return parts.joined(separator: " ")
    }
}
