import Foundation

/// An amount of money in minor units (cents, pence), so sums are exact.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    /// The largest amount ShopTalk handles, in major units (a billion): far above any real price or
    /// order, and small enough that sums of many amounts stay exact in cents.
    public static let maxMajor: Double = 1_000_000_000

    /// Rounds a decimal amount in major units to the nearest minor unit, clamped to ±`maxMajor` (NaN
    /// is zero), so that no amount can trap. Amounts from outside go through `init?(checkedMajor:)`.
    public init(major: Double) {
        let clamped = major.isNaN ? 0 : Swift.min(Money.maxMajor, Swift.max(-Money.maxMajor, major))
        self.cents = Int(rounding: clamped * 100) ?? 0
    }

    /// An amount from outside (a message, a JSON field): nil when it is not finite or beyond ±`maxMajor`.
    public init?(checkedMajor major: Double) {
        guard major.isFinite, abs(major) <= Money.maxMajor, let cents = Int(rounding: major * 100) else { return nil }
        self.cents = cents
    }

    public static let zero = Money(cents: 0)

    /// The amount in major units, for JSON and display.
    public var major: Double { Double(cents) / 100 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    // Saturating, so that no sum or product of amounts can trap; real amounts are bounded by `maxMajor`
    // and quantities by their fields, far below where saturation would start.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: saturate(lhs.cents.addingReportingOverflow(rhs.cents), sign: rhs.cents)) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: saturate(lhs.cents.subtractingReportingOverflow(rhs.cents), sign: -rhs.cents)) }
    public static func * (lhs: Money, rhs: Int) -> Money {
        Money(cents: saturate(lhs.cents.multipliedReportingOverflow(by: rhs), sign: (lhs.cents < 0) == (rhs < 0) ? 1 : -1))
    }

    private static func saturate(_ result: (partialValue: Int, overflow: Bool), sign: Int) -> Int {
        guard result.overflow else { return result.partialValue }
        return sign >= 0 ? Int.max : Int.min
    }

    /// "$49" for whole amounts, "$49.99" otherwise.
    public func formatted(currency: String) -> String {
        let symbol = Money.symbol(for: currency)
        let sign = cents < 0 ? "-" : ""
        let absolute = cents.magnitude
        if absolute % 100 == 0 {
            return "\(sign)\(symbol)\(Money.grouped(String(absolute / 100)))"
        }
        return formattedWithCents(currency: currency)
    }

    /// "$49.00", "$1,234.50": always with cents, so amounts line up in sentences and tables.
    public func formattedWithCents(currency: String) -> String {
        let absolute = cents.magnitude
        return (cents < 0 ? "-" : "") + Money.symbol(for: currency) + Money.grouped(String(absolute / 100)) + "." + String(format: "%02d", Int(absolute % 100))
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
