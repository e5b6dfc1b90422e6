import Foundation

/// A discount as a reply shows it: the `discounts` items of a reply frame. When the code was checked
/// against something, `saving`, `total` and `finalPrice` say what it does, and `valid`/`reason` whether
/// it applies.
public struct DiscountCard: Sendable, Hashable, Codable {
    // Declared in key order: the synthesised encoding then writes its members in the order replies carry
    // them (sorted keys), and the frame writer never has to reorder them (issue 14's profile).
    public var amountOff: Double?
    public var brand: String?
    public var category: String?
    public var code: String
    public var currency: String
    public var description: String
    public var expiresAt: String?
    public var finalPrice: Double?
    public var kind: String
    public var maxDiscount: Double?
    public var minSpend: Double?
    public var percentOff: Int?
    public var reason: String?
    public var saving: Double?
    public var total: Double?
    public var valid: Bool?

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
