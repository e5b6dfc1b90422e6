import Foundation
import GRDB
import ShopTalkCore

/// Customer-level and basket-level views: repeat rate, new against returning customers, sales by
/// weekday and hour, products bought together and customer names. Definitions are in README "Owner
/// analytics"; every statement is built from fixed fragments with bound values.
extension SQLiteAnalytics {
    /// Per-customer order counts and revenue in the filter's scope: `customerId`, `orders`, `revenueMilli`.
    static func customerRows(_ filter: SalesFilter, storeID: Int64) -> (String, StatementArguments) {
        if hasProductFilter(filter) {
            let (scope, arguments) = Self.scope(filter, storeID: storeID)
            return ("""
                SELECT s.customerId AS customerId, COUNT(DISTINCT CASE WHEN s.isCancellation = 0 THEN s.invoice END) AS orders,
                    SUM(s.quantity * s.unitPriceMilli) AS revenueMilli \(scope) AND s.customerId IS NOT NULL GROUP BY s.customerId
                """, arguments)
        }
        let (rows, arguments) = invoiceRows(filter, storeID: storeID)
        return ("""
            SELECT customerId, SUM(CASE WHEN isCancellation = 0 THEN 1 ELSE 0 END) AS orders, SUM(revenueMilli) AS revenueMilli
            FROM \(rows) AND customerId IS NOT NULL GROUP BY customerId
            """, arguments)
    }

    /// Customers with two or more orders over those with one or more; nil when nobody ordered.
    func repeatRate(filter: SalesFilter, storeID: Int64) async throws -> Double? {
        let (rows, arguments) = Self.customerRows(filter, storeID: storeID)
        return try await database.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT AVG(CASE WHEN orders >= 2 THEN 1.0 ELSE 0.0 END) FROM (\(rows)) WHERE orders > 0", arguments: arguments)
        }
    }

    public func customerMix(filter: SalesFilter, storeID: Int64) async throws -> CustomerMix {
        let (rows, arguments) = Self.customerRows(filter, storeID: storeID)
        let start = filter.from ?? "0000-00-00"
        return try await database.writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                WITH period AS (\(rows)),
                firsts AS (SELECT customerId, MIN(day) AS first FROM sales_invoices WHERE storeId = ? AND isCancellation = 0 AND customerId IS NOT NULL GROUP BY customerId)
                SELECT COALESCE(SUM(f.first >= ?), 0) AS newCount, COALESCE(SUM(f.first < ?), 0) AS returningCount,
                    COALESCE(SUM(CASE WHEN f.first >= ? THEN p.revenueMilli END), 0) / 1000.0 AS newRevenue,
                    COALESCE(SUM(CASE WHEN f.first < ? THEN p.revenueMilli END), 0) / 1000.0 AS returningRevenue
                FROM period p JOIN firsts f ON f.customerId = p.customerId WHERE p.orders > 0
                """, arguments: arguments + [storeID, start, start, start, start])
            return CustomerMix(newCustomers: row?["newCount"] ?? 0, returningCustomers: row?["returningCount"] ?? 0,
                               newRevenue: row?["newRevenue"] ?? 0, returningRevenue: row?["returningRevenue"] ?? 0)
        }
    }

    public func breakdown(_ metric: SalesQuery.Metric, by slot: SalesQuery.TimeSlot, filter: SalesFilter, storeID: Int64) async throws -> [(Int, Double)] {
        guard let expression = Self.expression(metric) else { return [] }
        let (scope, arguments) = Self.scope(filter, storeID: storeID)
        // Weekdays from the sales day (Monday 1 … Sunday 7); hours from the time of the sale, in UTC.
        let slotSQL = slot == .weekday ? "((CAST(strftime('%w', s.day) AS INTEGER) + 6) % 7) + 1" : "CAST(strftime('%H', s.at) AS INTEGER)"
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(slotSQL) AS slot, \(expression) AS value \(scope) GROUP BY slot HAVING slot IS NOT NULL ORDER BY slot", arguments: arguments)
                .map { ($0["slot"] ?? 0, $0["value"] ?? 0) }
        }
    }

    public func boughtTogether(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, String, Int)] {
        var baskets = filter
        baskets.productIDs = nil
        baskets.productLabel = nil
        let (scope, arguments) = Self.scope(baskets, storeID: storeID)
        let lines = "SELECT DISTINCT s.invoice AS invoice, s.productId AS productId \(scope) AND s.isCancellation = 0 AND s.productId IS NOT NULL"
        let sql: String
        var bound = arguments
        if let ids = filter.productIDs, !ids.isEmpty {
            sql = """
                WITH baskets AS (\(lines))
                SELECT MIN(pa.name) AS first, pb.name AS second, COUNT(DISTINCT a.invoice) AS orders
                FROM baskets a JOIN baskets b ON b.invoice = a.invoice AND b.productId NOT IN (\(Self.marks(ids.count)))
                JOIN products pa ON pa.id = a.productId JOIN products pb ON pb.id = b.productId
                WHERE a.productId IN (\(Self.marks(ids.count)))
                GROUP BY b.productId ORDER BY orders DESC, second LIMIT ?
                """
            bound += StatementArguments(ids) + StatementArguments(ids)
        } else {
            sql = """
                WITH baskets AS (\(lines))
                SELECT pa.name AS first, pb.name AS second, COUNT(*) AS orders
                FROM baskets a JOIN baskets b ON b.invoice = a.invoice AND b.productId > a.productId
                JOIN products pa ON pa.id = a.productId JOIN products pb ON pb.id = b.productId
                GROUP BY a.productId, b.productId ORDER BY orders DESC, first, second LIMIT ?
                """
        }
        bound += [limit]
        let statementArguments = bound
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: statementArguments).map { ($0["first"] ?? "", $0["second"] ?? "", $0["orders"] ?? 0) }
        }
    }

    public func namedCustomers(storeID: Int64) async throws -> [(id: String, name: String)] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT externalId, name FROM customers WHERE storeId = ? AND name <> '' ORDER BY externalId LIMIT 5000",
                             arguments: [storeID]).map { (id: $0["externalId"] as String, name: $0["name"] as String) }
        }
    }

    public func customerNames(_ ids: [String], storeID: Int64) async throws -> [String: String] {
        let wanted = Array(Set(ids).prefix(500))
        guard !wanted.isEmpty else { return [:] }
        return try await database.writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT externalId, name FROM customers WHERE storeId = ? AND name <> '' AND externalId IN (\(Self.marks(wanted.count)))
                """, arguments: StatementArguments([storeID]) + StatementArguments(wanted))
            return Dictionary(rows.map { ($0["externalId"] as String, $0["name"] as String) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
