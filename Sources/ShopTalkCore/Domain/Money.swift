import Foundation

/// An amount of money in minor units (cents, pence), so sums are exact.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    /// Rounds a decimal amount in major units to the nearest minor unit.
    public init(major: Double) {
        self.cents = Int((major * 100).rounded())
    }

    public static let zero = Money(cents: 0)

    /// The amount in major units, for JSON and display.
    public var major: Double { Double(cents) / 100 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(cents: lhs.cents * rhs) }

    /// "$49" for whole amounts, "$49.99" otherwise.
    public func formatted(currency: String) -> String {
        let symbol = Money.symbol(for: currency)
        let sign = cents < 0 ? "-" : ""
        let absolute = abs(cents)
        if absolute % 100 == 0 {
            return "\(sign)\(symbol)\(Money.grouped(String(absolute / 100)))"
        }
        return formattedWithCents(currency: currency)
    }

    /// "$49.00", "$1,234.50": always with cents, so amounts line up in sentences and tables.
    public func formattedWithCents(currency: String) -> String {
        let absolute = abs(cents)
        return (cents < 0 ? "-" : "") + Money.symbol(for: currency) + Money.grouped(String(absolute / 100)) + "." + String(format: "%02d", absolute % 100)
    }

    /// The usual symbol of a currency code, or the code and a space.
    public static func symbol(for currency: String) -> String {
        switch currency.uppercased() {
        case "USD": return "$"
        case "GBP": return "£"
        case "EUR": return "€"
        default: return currency.uppercased() + " "
        }
    }

    /// Digits grouped in threes: "1234567" → "1,234,567" (amounts and counts alike).
    public static func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
