import Foundation
import PostgresNIO
import ShopTalkCore

/// Customers, baskets, time slots and the facts behind insights on PostgreSQL, with the definitions of
/// `SQLiteAnalytics+Customers` and `+Insights`.
extension PostgresAnalytics {
    /// Per-customer orders and revenue in the filter's scope: `customer_id`, `orders`, `revenue_milli`.
    static func customerRows(_ filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL) -> String {
        """
        SELECT s.customer_id, COUNT(DISTINCT CASE WHEN NOT s.is_cancellation THEN s.invoice END) AS orders,
            SUM(s.quantity * s.unit_price_milli) AS revenue_milli \(scope(filter, storeID: storeID, &sql))
            AND s.customer_id IS NOT NULL GROUP BY s.customer_id
        """
    }

    func repeatRate(filter: SalesFilter, storeID: Int64) async throws -> Double? {
        var sql = BoundSQL()
        let rows = Self.customerRows(filter, storeID: storeID, &sql)
        let text = "SELECT AVG(CASE WHEN orders >= 2 THEN 1.0 ELSE 0.0 END)::float8 FROM (\(rows)) c WHERE orders > 0"
        return try await database.rows(sql.query(text)).first?.decode(Double?.self) ?? nil
    }

    public func customerMix(filter: SalesFilter, storeID: Int64) async throws -> CustomerMix {
        var sql = BoundSQL()
        let rows = Self.customerRows(filter, storeID: storeID, &sql)
        let start = sql.bind(filter.from ?? "0000-00-00")
        let text = """
            WITH period AS (\(rows)),
            firsts AS (SELECT customer_id, MIN(day) AS first FROM sales_invoices
                       WHERE store_id = \(sql.bind(storeID)) AND NOT is_cancellation AND customer_id IS NOT NULL GROUP BY customer_id)
            SELECT COUNT(*) FILTER (WHERE f.first >= \(start))::bigint, COUNT(*) FILTER (WHERE f.first < \(start))::bigint,
                (COALESCE(SUM(p.revenue_milli) FILTER (WHERE f.first >= \(start)), 0) / 1000.0)::float8,
                (COALESCE(SUM(p.revenue_milli) FILTER (WHERE f.first < \(start)), 0) / 1000.0)::float8
            FROM period p JOIN firsts f ON f.customer_id = p.customer_id WHERE p.orders > 0
            """
        guard let row = try await database.rows(sql.query(text)).first else { return CustomerMix(newCustomers: 0, returningCustomers: 0, newRevenue: 0, returningRevenue: 0) }
        let (new, returning, newRevenue, returningRevenue) = try row.decode((Int, Int, Double, Double).self)
        return CustomerMix(newCustomers: new, returningCustomers: returning, newRevenue: newRevenue, returningRevenue: returningRevenue)
    }

    public func breakdown(_ metric: SalesQuery.Metric, by slot: SalesQuery.TimeSlot, filter: SalesFilter, storeID: Int64) async throws -> [(Int, Double)] {
        guard let expression = Self.expression(metric) else { return [] }
        var sql = BoundSQL()
        // Weekdays from the sales day (Monday 1 … Sunday 7); hours from the time of the sale, in UTC.
        let slotSQL = slot == .weekday ? "extract(isodow FROM s.day::date)::bigint" : "extract(hour FROM s.at AT TIME ZONE 'UTC')::bigint"
        let text = "SELECT \(slotSQL) AS slot, \(expression) AS value \(Self.scope(filter, storeID: storeID, &sql)) GROUP BY 1 ORDER BY 1"
        return try await database.rows(sql.query(text)).map {
            let (slot, value) = try $0.decode((Int, Double?).self)
            return (slot, value ?? 0)
        }
    }

    public func boughtTogether(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, String, Int)] {
        var baskets = filter
        baskets.productIDs = nil
        baskets.productLabel = nil
        var sql = BoundSQL()
        let lines = """
            SELECT DISTINCT s.invoice, s.product_id \(Self.scope(baskets, storeID: storeID, &sql))
            AND NOT s.is_cancellation AND s.product_id IS NOT NULL
            """
        let text: String
        if let ids = filter.productIDs, !ids.isEmpty {
            let wanted = sql.bind(ids)
            text = """
                WITH baskets AS (\(lines))
                SELECT MIN(pa.name), pb.name, COUNT(DISTINCT a.invoice)::bigint AS orders
                FROM baskets a JOIN baskets b ON b.invoice = a.invoice AND NOT (b.product_id = ANY(\(wanted)))
                JOIN products pa ON pa.id = a.product_id JOIN products pb ON pb.id = b.product_id
                WHERE a.product_id = ANY(\(wanted))
                GROUP BY b.product_id, pb.name ORDER BY orders DESC, pb.name COLLATE "C" LIMIT \(sql.bind(max(0, limit)))
                """
        } else {
            text = """
                WITH baskets AS (\(lines))
                SELECT pa.name, pb.name, COUNT(*)::bigint AS orders
                FROM baskets a JOIN baskets b ON b.invoice = a.invoice AND b.product_id > a.product_id
                JOIN products pa ON pa.id = a.product_id JOIN products pb ON pb.id = b.product_id
                GROUP BY a.product_id, b.product_id, pa.name, pb.name
                ORDER BY orders DESC, pa.name COLLATE "C", pb.name COLLATE "C" LIMIT \(sql.bind(max(0, limit)))
                """
        }
        return try await database.rows(sql.query(text)).map { try $0.decode((String, String, Int).self) }
    }

    public func namedCustomers(storeID: Int64) async throws -> [(id: String, name: String)] {
        let rows = try await database.rows("""
            SELECT external_id, name FROM customers WHERE store_id = \(storeID) AND name <> '' ORDER BY external_id COLLATE "C" LIMIT 5000
            """)
        return try rows.map { row in let (id, name) = try row.decode((String, String).self); return (id: id, name: name) }
    }

    public func customerNames(_ ids: [String], storeID: Int64) async throws -> [String: String] {
        let wanted = Array(Set(ids).prefix(500))
        guard !wanted.isEmpty else { return [:] }
        let rows = try await database.rows("""
            SELECT external_id, name FROM customers WHERE store_id = \(storeID) AND name <> '' AND external_id = ANY(\(wanted))
            """)
        return Dictionary(try rows.map { try $0.decode((String, String).self) }, uniquingKeysWith: { first, _ in first })
    }

    public func productPerformance(filter: SalesFilter, storeID: Int64) async throws -> [ProductPerformance] {
        let period = filter.periodAndKind
        var sql = BoundSQL()
        let text = """
            SELECT * FROM (
                SELECT r.product_id, MAX(p.name) AS name, (SUM(r.revenue_milli) / 1000.0)::float8 AS revenue, SUM(r.units)::float8,
                    ((SUM(r.costed_revenue_milli) - SUM(r.cost_milli)) * 1.0 / NULLIF(SUM(r.costed_revenue_milli), 0))::float8,
                    MAX(CASE WHEN p.stock_tracked THEN p.stock END), (MAX(p.cost_cents) / 100.0)::float8,
                    (SUM(r.revenue_milli) / 1000.0 / NULLIF(SUM(r.units), 0))::float8
                \(Self.productRows(period, storeID: storeID, &sql)) GROUP BY r.product_id HAVING SUM(r.units) > 0
            ) performance ORDER BY revenue DESC, name COLLATE "C"
            """
        return try await database.rows(sql.query(text)).map { row in
            let (id, name, revenue, units, margin, stock, cost, price) = try row.decode((Int64, String, Double, Double, Double?, Int?, Double?, Double?).self)
            return ProductPerformance(id: id, name: name, revenue: revenue, units: units, margin: margin, stock: stock, unitCost: cost, unitPrice: price)
        }
    }

    public func dailyUnits(productIDs: [Int64], from: String, to: String, storeID: Int64) async throws -> [Int64: [String: Double]] {
        let ids = Array(productIDs.prefix(200))
        guard !ids.isEmpty else { return [:] }
        let rows = try await database.rows("""
            SELECT product_id, day, units::float8 FROM sales_day_product
            WHERE store_id = \(storeID) AND day >= \(from) AND day <= \(to) AND product_id = ANY(\(ids))
            """)
        var units: [Int64: [String: Double]] = [:]
        for row in rows {
            let (id, day, sold) = try row.decode((Int64, String, Double).self)
            units[id, default: [:]][day] = sold
        }
        return units
    }

    public func inventorySettings(storeID: Int64) async throws -> InventorySettings {
        var settings = InventorySettings()
        if let row = try await database.rows("""
            SELECT lead_time_days, order_cost, holding_rate, service_level FROM inventory_settings WHERE store_id = \(storeID)
            """).first {
            (settings.leadTimeDays, settings.orderCost, settings.holdingRate, settings.serviceLevel) = try row.decode((Int, Double, Double, Double).self)
        }
        return settings
    }

    /// Stores an owner's reorder settings (already checked by the caller).
    public func saveInventorySettings(_ settings: InventorySettings, storeID: Int64) async throws {
        try await database.rows("""
            INSERT INTO inventory_settings (store_id, lead_time_days, order_cost, holding_rate, service_level)
            VALUES (\(storeID), \(settings.leadTimeDays), \(settings.orderCost), \(settings.holdingRate), \(settings.serviceLevel))
            ON CONFLICT (store_id) DO UPDATE SET lead_time_days = EXCLUDED.lead_time_days, order_cost = EXCLUDED.order_cost,
                holding_rate = EXCLUDED.holding_rate, service_level = EXCLUDED.service_level
            """)
    }

    public func recentOrders(since: Date, storeID: Int64) async throws -> [OrderRiskFacts] {
        let rows = try await database.rows("""
            SELECT o.number, o.placed_at, o.email, o.total_cents, o.country, c.country,
                (SELECT count(*) FROM orders p WHERE p.store_id = o.store_id AND lower(p.email) = lower(o.email) AND p.placed_at < o.placed_at)::bigint,
                (SELECT count(*) FROM orders p WHERE p.store_id = o.store_id AND lower(p.email) = lower(o.email) AND p.placed_at < o.placed_at
                    AND p.placed_at >= o.placed_at - interval '1 day')::bigint,
                (SELECT count(*) FROM code_attempts a WHERE a.store_id = o.store_id AND lower(a.email) = lower(o.email) AND a.at <= o.placed_at
                    AND a.at >= o.placed_at - interval '1 day')::bigint,
                (SELECT COALESCE(SUM(quantity), 0) FROM order_items i WHERE i.order_id = o.id)::bigint,
                (SELECT COALESCE(MAX(quantity), 0) FROM order_items i WHERE i.order_id = o.id)::bigint
            FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
            WHERE o.store_id = \(storeID) AND o.placed_at >= \(since) AND o.status <> 'cancelled'
            ORDER BY o.placed_at DESC, o.number COLLATE "C" LIMIT 2000
            """)
        return try rows.map { row in
            let (number, placedAt, email, totalCents, country, customerCountry, previous, inDay, failedCodes, items, largest) =
                try row.decode((String, Date, String, Int, String, String?, Int, Int, Int, Int, Int).self)
            return OrderRiskFacts(number: number, placedAt: placedAt, email: email, total: Double(totalCents) / 100, items: items, largestQuantity: largest,
                                  country: country, customerCountry: customerCountry.flatMap { $0.isEmpty ? nil : $0 },
                                  previousOrders: previous, ordersInDay: inDay, failedCodes: failedCodes)
        }
    }
}
