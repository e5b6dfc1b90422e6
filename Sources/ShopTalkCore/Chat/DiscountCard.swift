import Foundation

/// A discount as a reply shows it: the `discounts` items of a reply frame. When the code was checked
/// against something, `saving`, `total` and `finalPrice` say what it does, and `valid`/`reason` whether
/// it applies.
public struct DiscountCard: Sendable, Hashable, Codable {
    public var code: String
    public var description: String
    public var kind: String
    public var percentOff: Int?
    public var amountOff: Double?
    public var maxDiscount: Double?
    public var minSpend: Double?
    public var category: String?
    public var brand: String?
    public var expiresAt: String?
    public var currency: String
    public var valid: Bool?
    public var reason: String?
    public var saving: Double?
    public var total: Double?
    public var finalPrice: Double?

    public init(discount: Discount, currency: String) {
        code = discount.code
        description = discount.description
        kind = discount.kind.rawValue
        percentOff = discount.percentOff
        amountOff = discount.amountOff?.major
        maxDiscount = discount.maxDiscount?.major
        minSpend = discount.minSpend?.major
        category = discount.category
        brand = discount.brand
        expiresAt = discount.endsAt.map(ShopClock.dayString)
        self.currency = currency
    }
}
