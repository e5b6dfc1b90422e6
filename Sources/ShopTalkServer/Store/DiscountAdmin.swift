import Foundation
import GRDB
import ShopTalkCore

/// Discount administration through REST: list with usage, create, update and delete.
struct DiscountAdmin: Sendable {
    let database: AppDatabase
    let catalog: SQLiteCatalog

    /// A discount as the REST API shows it, with its usage.
    struct DiscountJSON: Codable {
        var code: String
        var description: String
        var kind: String
        var percentOff: Int?
        var amountOff: Double?
        var maxDiscount: Double?
        var minSpend: Double?
        var category: String?
        var brand: String?
        var usageLimit: Int?
        var usedCount: Int
        var startsAt: String?
        var endsAt: String?
        var isActive: Bool

        init(_ discount: Discount) {
            code = discount.code
            description = discount.description
            kind = discount.kind.rawValue
            percentOff = discount.percentOff
            amountOff = discount.amountOff?.major
            maxDiscount = discount.maxDiscount?.major
            minSpend = discount.minSpend?.major
            category = discount.category
            brand = discount.brand
            usageLimit = discount.usageLimit
            usedCount = discount.usedCount
            startsAt = discount.startsAt.map(ShopClock.dayString)
            endsAt = discount.endsAt.map(ShopClock.dayString)
            isActive = discount.isActive
        }
    }

    static func apply(_ body: [String: JSONValue], to discount: inout Discount, creating: Bool) throws {
        var fields = FieldReader(body)
        if let code = fields.string("code", required: creating, maxLength: 40) {
            if code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) { discount.code = code.uppercased() } else { fields.fail("code", "may use letters, digits, - and _ only") }
        }
        if let description = fields.string("description", maxLength: 500) { discount.description = description }
        if let kind = fields.string("kind", required: creating) {
            if let parsed = Discount.Kind(rawValue: kind) { discount.kind = parsed } else { fields.fail("kind", "must be percentage, fixed_amount or bogo") }
        }
        if let percent = fields.int("percentOff", range: 1...100) { discount.percentOff = percent }
        if fields.has("amountOff") { discount.amountOff = fields.money("amountOff", positive: true) }
        if fields.has("maxDiscount") { discount.maxDiscount = fields.money("maxDiscount", positive: true) }
        if fields.has("minSpend") { discount.minSpend = fields.money("minSpend") }
        if fields.has("category") { discount.category = fields.string("category", maxLength: 100)?.lowercased() }
        if fields.has("brand") { discount.brand = fields.string("brand", maxLength: 100) }
        if fields.has("usageLimit") { discount.usageLimit = fields.int("usageLimit", range: 1...100_000_000) }
        if fields.has("startsAt") { discount.startsAt = fields.day("startsAt") }
        if fields.has("endsAt") { discount.endsAt = fields.day("endsAt").map { $0.addingTimeInterval(86_399) } }
        if let active = fields.bool("isActive") { discount.isActive = active }
        if discount.kind == .percentage && discount.percentOff == nil { fields.fail("percentOff", "is required for a percentage discount") }
        if discount.kind == .fixedAmount && discount.amountOff == nil { fields.fail("amountOff", "is required for a fixed_amount discount") }
        if let starts = discount.startsAt, let ends = discount.endsAt, ends < starts { fields.fail("endsAt", "must not be before startsAt") }
        if let limit = discount.usageLimit, limit < discount.usedCount { fields.fail("usageLimit", "is below the \(discount.usedCount) uses already made") }
        try fields.finish()
    }

    func list(storeID: Int64) async throws -> [Discount] {
        try await SQLiteDiscounts(database: database).discounts(storeID: storeID)
    }

    func create(_ body: [String: JSONValue], storeID: Int64) async throws -> Discount {
        var discount = Discount(id: 0, code: "", description: "", kind: .percentage)
        try Self.apply(body, to: &discount, creating: true)
        let record = DiscountRecord(storeId: storeID, discount: discount)
        try await database.writer.write { db in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM discounts WHERE storeId = ? AND code = ? COLLATE NOCASE", arguments: [storeID, record.code]) ?? 0 > 0 {
                throw ChatError(.conflict, "The code \(record.code) already exists.")
            }
            var inserted = record
            try inserted.insert(db)
        }
        await catalog.catalogChanged(storeID: storeID)
        return try await self.discount(code: discount.code, storeID: storeID)
    }

    func update(code: String, _ body: [String: JSONValue], storeID: Int64) async throws -> Discount {
        var discount = try await self.discount(code: code, storeID: storeID)
        let id = discount.id
        try Self.apply(body, to: &discount, creating: false)
        var record = DiscountRecord(storeId: storeID, discount: discount)
        record.id = id
        let updated = record
        try await database.writer.write { db in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM discounts WHERE storeId = ? AND code = ? COLLATE NOCASE AND id <> ?", arguments: [storeID, updated.code, id]) ?? 0 > 0 {
                throw ChatError(.conflict, "The code \(updated.code) already exists.")
            }
            // usedCount is never written from a request: only orders change it.
            try db.execute(sql: """
                UPDATE discounts SET code = ?, description = ?, kind = ?, percentOff = ?, amountOffCents = ?, maxDiscountCents = ?,
                    minSpendCents = ?, category = ?, brand = ?, usageLimit = ?, startsAt = ?, endsAt = ?, isActive = ?
                WHERE id = ? AND storeId = ?
                """, arguments: [updated.code, updated.description, updated.kind, updated.percentOff, updated.amountOffCents,
                                 updated.maxDiscountCents, updated.minSpendCents, updated.category, updated.brand, updated.usageLimit,
                                 updated.startsAt, updated.endsAt, updated.isActive, id, storeID])
        }
        await catalog.catalogChanged(storeID: storeID)
        return try await self.discount(code: updated.code, storeID: storeID)
    }

    func delete(code: String, storeID: Int64) async throws {
        let deleted = try await database.writer.write { db -> Bool in
            try db.execute(sql: "DELETE FROM discounts WHERE storeId = ? AND code = ? COLLATE NOCASE", arguments: [storeID, code])
            return db.changesCount > 0
        }
        guard deleted else { throw ChatError(.notFound, "There is no discount code \(code.prefix(40)).") }
        await catalog.catalogChanged(storeID: storeID)
    }
}
