import Foundation
import GRDB
import ShopTalkCore

extension SalesFilter {
    /// Only the filter's period, category and brand: the scope of the product classes.
    var periodAndKind: SalesFilter {
        var period = SalesFilter()
        period.from = from
        period.to = to
        period.category = category
        period.brand = brand
        return period
    }
}

/// The facts behind product classes, reorder quantities and order risk, read with bound statements.
extension SQLiteAnalytics {
    public func productPerformance(filter: SalesFilter, storeID: Int64) async throws -> [ProductPerformance] {
        let period = filter.periodAndKind
        let (rows, arguments) = Self.productRows(period, storeID: storeID, forceJoin: true)
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.productId AS id, MAX(p.name) AS name, SUM(r.revenueMilli) / 1000.0 AS revenue, SUM(r.units) AS units,
                    (SUM(r.costedRevenueMilli) - SUM(r.costMilli)) * 1.0 / NULLIF(SUM(r.costedRevenueMilli), 0) AS margin,
                    MAX(CASE WHEN p.stockTracked = 1 THEN p.stock END) AS stock, MAX(p.costCents) / 100.0 AS unitCost,
                    SUM(r.revenueMilli) / 1000.0 / NULLIF(SUM(r.units), 0) AS unitPrice
                FROM \(rows) AND r.productId <> 0 AND p.name IS NOT NULL GROUP BY r.productId HAVING SUM(r.units) > 0
                ORDER BY revenue DESC, name
                """, arguments: arguments).map { row in
                ProductPerformance(id: row["id"], name: row["name"], revenue: row["revenue"] ?? 0, units: row["units"] ?? 0, margin: row["margin"],
                                   stock: row["stock"], unitCost: row["unitCost"], unitPrice: row["unitPrice"])
            }
        }
    }

    public func dailyUnits(productIDs: [Int64], from: String, to: String, storeID: Int64) async throws -> [Int64: [String: Double]] {
        let ids = Array(productIDs.prefix(200))
        guard !ids.isEmpty else { return [:] }
        return try await database.writer.read { db in
            var units: [Int64: [String: Double]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT productId, day, units FROM sales_day_product WHERE storeId = ? AND day >= ? AND day <= ?
                AND productId IN (\(Self.marks(ids.count)))
                """, arguments: StatementArguments([storeID, from, to] as [any DatabaseValueConvertible]) + StatementArguments(ids))
            for row in rows {
                units[row["productId"] as Int64, default: [:]][row["day"] as String] = row["units"] as Double
            }
            return units
        }
    }

    public func inventorySettings(storeID: Int64) async throws -> InventorySettings {
        try await database.writer.read { db in
            var settings = InventorySettings()
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM inventory_settings WHERE storeId = ?", arguments: [storeID]) {
                settings.leadTimeDays = row["leadTimeDays"]
                settings.orderCost = row["orderCost"]
                settings.holdingRate = row["holdingRate"]
                settings.serviceLevel = row["serviceLevel"]
            }
            return settings
        }
    }

    /// Stores an owner's reorder settings (already checked by the caller).
    public func saveInventorySettings(_ settings: InventorySettings, storeID: Int64) async throws {
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO inventory_settings (storeId, leadTimeDays, orderCost, holdingRate, serviceLevel) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (storeId) DO UPDATE SET leadTimeDays = excluded.leadTimeDays, orderCost = excluded.orderCost,
                    holdingRate = excluded.holdingRate, serviceLevel = excluded.serviceLevel
                """, arguments: [storeID, settings.leadTimeDays, settings.orderCost, settings.holdingRate, settings.serviceLevel])
        }
    }

    public func recentOrders(since: Date, storeID: Int64) async throws -> [OrderRiskFacts] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.number, o.placedAt, o.email, o.totalCents, o.country, c.country AS customerCountry,
                    (SELECT COUNT(*) FROM orders p WHERE p.storeId = o.storeId AND p.email = o.email AND p.placedAt < o.placedAt) AS previous,
                    (SELECT COUNT(*) FROM orders p WHERE p.storeId = o.storeId AND p.email = o.email AND p.placedAt < o.placedAt
                        AND p.placedAt >= datetime(o.placedAt, '-1 day')) AS inDay,
                    (SELECT COUNT(*) FROM code_attempts a WHERE a.storeId = o.storeId AND a.email = o.email AND a.at <= o.placedAt
                        AND a.at >= datetime(o.placedAt, '-1 day')) AS failedCodes,
                    (SELECT COALESCE(SUM(quantity), 0) FROM order_items i WHERE i.orderId = o.id) AS items,
                    (SELECT COALESCE(MAX(quantity), 0) FROM order_items i WHERE i.orderId = o.id) AS largest
                FROM orders o LEFT JOIN customers c ON c.id = o.customerId
                WHERE o.storeId = ? AND o.placedAt >= ? AND o.status <> 'cancelled' ORDER BY o.placedAt DESC, o.number LIMIT 2000
                """, arguments: [storeID, since]).map { row in
                OrderRiskFacts(number: row["number"], placedAt: row["placedAt"], email: row["email"], total: Double(row["totalCents"] as Int) / 100,
                               items: row["items"], largestQuantity: row["largest"], country: row["country"],
                               customerCountry: (row["customerCountry"] as String?).flatMap { $0.isEmpty ? nil : $0 },
                               previousOrders: row["previous"], ordersInDay: row["inDay"], failedCodes: row["failedCodes"])
            }
        }
    }
}
