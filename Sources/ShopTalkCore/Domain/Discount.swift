import Foundation

/// A discount code and the rules that decide whether it applies.
public struct Discount: Sendable, Hashable, Codable {
    /// How the saving is computed.
    public enum Kind: String, Sendable, Codable {
        /// `percentOff` of the eligible amount, capped at `maxDiscount` when set.
        case percentage
        /// A fixed `amountOff`.
        case fixedAmount = "fixed_amount"
        /// Every second eligible unit is free.
        case buyOneGetOne = "bogo"
    }

    public var id: Int64
    public var code: String
    public var description: String
    public var kind: Kind
    public var percentOff: Int?
    public var amountOff: Money?
    public var maxDiscount: Money?
    public var minSpend: Money?
    public var category: String?
    public var brand: String?
    public var usageLimit: Int?
    public var usedCount: Int
    public var startsAt: Date?
    public var endsAt: Date?
    public var isActive: Bool

    public init(
        id: Int64, code: String, description: String, kind: Kind, percentOff: Int? = nil, amountOff: Money? = nil,
        maxDiscount: Money? = nil, minSpend: Money? = nil, category: String? = nil, brand: String? = nil,
        usageLimit: Int? = nil, usedCount: Int = 0, startsAt: Date? = nil, endsAt: Date? = nil, isActive: Bool = true
    ) {
        self.id = id
        self.code = code
        self.description = description
        self.kind = kind
        self.percentOff = percentOff
        self.amountOff = amountOff
        self.maxDiscount = maxDiscount
        self.minSpend = minSpend
        self.category = category
        self.brand = brand
        self.usageLimit = usageLimit
        self.usedCount = usedCount
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.isActive = isActive
    }

    /// Whether the code can be used at `date`, ignoring basket rules.
    public func isRedeemable(at date: Date) -> Bool {
        guard isActive else { return false }
        if let startsAt, date < startsAt { return false }
        if let endsAt, date > endsAt { return false }
        if let usageLimit, usedCount >= usageLimit { return false }
        return true
    }
}
