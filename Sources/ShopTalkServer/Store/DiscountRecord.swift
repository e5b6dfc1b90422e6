import Foundation
import GRDB
import ShopTalkCore

/// A row of `discounts`.
struct DiscountRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "discounts"

    var id: Int64?
    var storeId: Int64
    var code: String
    var description: String
    var kind: String
    var percentOff: Int?
    var amountOffCents: Int?
    var maxDiscountCents: Int?
    var minSpendCents: Int?
    var category: String?
    var brand: String?
    var usageLimit: Int?
    var usedCount: Int
    var startsAt: Date?
    var endsAt: Date?
    var isActive: Bool

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(storeId: Int64, discount: Discount) {
        self.id = nil
        self.storeId = storeId
        self.code = discount.code
        self.description = discount.description
        self.kind = discount.kind.rawValue
        self.percentOff = discount.percentOff
        self.amountOffCents = discount.amountOff?.cents
        self.maxDiscountCents = discount.maxDiscount?.cents
        self.minSpendCents = discount.minSpend?.cents
        self.category = discount.category
        self.brand = discount.brand
        self.usageLimit = discount.usageLimit
        self.usedCount = discount.usedCount
        self.startsAt = discount.startsAt
        self.endsAt = discount.endsAt
        self.isActive = discount.isActive
    }

    var discount: Discount? {
        guard let kind = Discount.Kind(rawValue: kind) else { return nil }
        return Discount(
            id: id ?? 0, code: code, description: description, kind: kind, percentOff: percentOff,
            amountOff: amountOffCents.map(Money.init(cents:)), maxDiscount: maxDiscountCents.map(Money.init(cents:)),
            minSpend: minSpendCents.map(Money.init(cents:)), category: category, brand: brand,
            usageLimit: usageLimit, usedCount: usedCount, startsAt: startsAt, endsAt: endsAt, isActive: isActive
        )
    }
}

extension DiscountRecord {
    /// Every discount row of a store, in id order.
    static func all(_ db: Database, storeID: Int64) throws -> [DiscountRecord] {
        try fetchAll(db.cachedStatement(sql: "SELECT * FROM discounts WHERE storeId = ? ORDER BY id"), arguments: [storeID])
    }
}
