import Foundation
import GRDB
import ShopTalkCore

/// Sales analytics over `sales_lines`, with bound statements built from fixed fragments: nothing a
/// user types reaches SQL. Definitions: revenue = Σ quantity × unit price (returns subtract), units =
/// Σ quantity, orders = distinct non-cancellation invoices, customers = distinct non-empty customer ids
/// on non-cancellation lines, AOV = revenue ÷ orders, margin = (revenue − cost) ÷ revenue over lines
/// whose cost is known.
public struct SQLiteAnalytics: OwnerAnalytics {
    let database: AppDatabase
    private let names = VersionedCache<ProductNameMatcher>()
    private let customers = VersionedCache<CustomerDirectory>()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// `?, ?, ?`: one bound parameter per value of an `IN (…)` list.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// `FROM … WHERE …` for a filter, with its arguments.
    static func scope(_ filter: SalesFilter, storeID: Int64) -> (String, StatementArguments) {
        var sql = "FROM sales_lines s LEFT JOIN products p ON p.id = s.productId WHERE s.storeId = ?"
        var arguments: StatementArguments = [storeID]
        if let from = filter.from { sql += " AND s.day >= ?"; arguments += [from] }
        if let to = filter.to { sql += " AND s.day <= ?"; arguments += [to] }
        if let ids = filter.productIDs, !ids.isEmpty {
            sql += " AND s.productId IN (\(Self.marks(ids.count)))"
            arguments += StatementArguments(ids)
        }
        if let category = filter.category { sql += " AND p.category = ? COLLATE NOCASE"; arguments += [category] }
        if let brand = filter.brand { sql += " AND p.brand = ? COLLATE NOCASE"; arguments += [brand] }
        if let country = filter.country {
            let names = SalesFilter.countryNames(country)
            sql += " AND s.country COLLATE NOCASE IN (\(Self.marks(names.count)))"
            arguments += StatementArguments(names)
        }
        if let customer = filter.customer { sql += " AND s.customerId = ?"; arguments += [customer] }
        return (sql, arguments)
    }

    static let revenue = "SUM(s.quantity * s.unitPriceMilli) / 1000.0"
    static let orders = "COUNT(DISTINCT CASE WHEN s.isCancellation = 0 THEN s.invoice END)"

    /// The aggregate of `metric` over scoped lines; nil for metrics that need a customer's whole history
    /// (repeat rate, new customers), which `total` computes on its own.
    static func expression(_ metric: SalesQuery.Metric) -> String? {
        switch metric {
        case .repeatRate, .newCustomers: return nil
        case .basketSize: return "SUM(CASE WHEN s.isCancellation = 0 THEN s.quantity END) * 1.0 / NULLIF(\(orders), 0)"
        case .returnRate: return "COUNT(DISTINCT CASE WHEN s.isCancellation = 1 THEN s.invoice END) * 1.0 / NULLIF(COUNT(DISTINCT s.invoice), 0)"
        case .returns: return "COUNT(DISTINCT CASE WHEN s.isCancellation = 1 THEN s.invoice END)"
        case .revenuePerCustomer:
            return "SUM(CASE WHEN s.customerId IS NOT NULL THEN s.quantity * s.unitPriceMilli END) / 1000.0 / NULLIF(COUNT(DISTINCT CASE WHEN s.isCancellation = 0 THEN s.customerId END), 0)"
        case .revenue: return revenue
        case .units: return "SUM(s.quantity)"
        case .orders: return orders
        case .customers: return "COUNT(DISTINCT CASE WHEN s.isCancellation = 0 THEN s.customerId END)"
        case .aov: return "(\(revenue)) / NULLIF(\(orders), 0)"
        case .margin:
            return "(SUM(CASE WHEN s.costMilli IS NOT NULL THEN s.quantity * s.unitPriceMilli END) - SUM(s.quantity * s.costMilli)) * 1.0 / NULLIF(SUM(CASE WHEN s.costMilli IS NOT NULL THEN s.quantity * s.unitPriceMilli END), 0)"
        }
    }

    public func total(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64) async throws -> Double? {
        switch metric {
        case .repeatRate: return try await repeatRate(filter: filter, storeID: storeID)
        case .newCustomers: return Double(try await customerMix(filter: filter, storeID: storeID).newCustomers)
        default: break
        }
        let (scope, lineArguments) = Self.scope(filter, storeID: storeID)
        guard let (sql, arguments) = Self.rollupTotal(metric, filter: filter, storeID: storeID)
            ?? Self.expression(metric).map({ ("SELECT \($0) AS value \(scope)", lineArguments) }) else { return nil }
        return try await database.writer.read { db in
            let row = try Row.fetchOne(db, sql: sql, arguments: arguments)
            let value: Double? = row?["value"]
            if metric == .revenue || metric == .units || metric == .orders || metric == .customers { return value ?? 0 }
            return value
        }
    }

    public func ranking(
        _ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, limit: Int, ascending: Bool, storeID: Int64
    ) async throws -> [(String, Double)] {
        let (scope, arguments) = Self.scope(filter, storeID: storeID)
        let (label, group, condition): (String, String, String) = switch dimension {
        case .product: ("p.name", "s.productId", "s.productId IS NOT NULL")
        case .customer: ("s.customerId", "s.customerId", "s.customerId IS NOT NULL")
        case .country: ("s.country", "s.country", "s.country <> ''")
        case .category: ("p.category", "p.category", "p.category <> ''")
        case .brand: ("p.brand", "p.brand", "p.brand <> ''")
        }
        guard let expression = Self.expression(metric) else { return [] }
        let (sql, bound) = Self.rollupRanking(dimension, metric: metric, filter: filter, limit: limit, ascending: ascending, storeID: storeID)
            ?? ("""
                SELECT \(label) AS label, \(expression) AS value \(scope) AND \(condition)
                GROUP BY \(group) HAVING value IS NOT NULL ORDER BY value \(ascending ? "ASC" : "DESC"), label LIMIT ?
                """, arguments + [limit])
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { ($0["label"] ?? "", $0["value"] ?? 0) }
        }
    }

    public func series(_ metric: SalesQuery.Metric, by granularity: SalesQuery.Granularity, filter: SalesFilter, storeID: Int64) async throws -> [(String, Double)] {
        let (scope, arguments) = Self.scope(filter, storeID: storeID)
        let period = switch granularity {
        case .day: "s.day"
        case .week: "date(s.day, 'weekday 0', '-6 days')"
        case .month: "substr(s.day, 1, 7)"
        }
        guard let expression = Self.expression(metric) else { return [] }
        let (sql, bound) = Self.rollupSeries(metric, by: granularity, filter: filter, storeID: storeID)
            ?? ("SELECT \(period) AS period, \(expression) AS value \(scope) GROUP BY period ORDER BY period", arguments)
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { ($0["period"] ?? "", $0["value"] ?? 0) }
        }
    }

    public func restock(storeID: Int64, today: String) async throws -> (lines: [RestockLine], tracked: Int) {
        let since = ShopClock.parseDay(today).map { ShopClock.dayString(ShopClock.calendar.date(byAdding: .day, value: -29, to: $0)!) } ?? today
        return try await database.writer.read { db in
            let tracked = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM products WHERE storeId = ? AND stockTracked = 1", arguments: [storeID]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.name, p.stock, p.lowStockThreshold,
                    (SELECT COALESCE(SUM(s.quantity), 0) FROM sales_lines s WHERE s.storeId = p.storeId AND s.productId = p.id AND s.day >= ? AND s.day <= ?) AS recent
                FROM products p WHERE p.storeId = ? AND p.stockTracked = 1 AND p.stock <= p.lowStockThreshold
                """, arguments: [since, today, storeID])
            return (rows.map { RestockLine(name: $0["name"], stock: $0["stock"], threshold: $0["lowStockThreshold"], unitsLast30Days: max(0, $0["recent"] as Int)) }, tracked)
        }
    }

    public func slowMovers(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, Double)] {
        var period = SalesFilter()
        period.from = filter.from
        period.to = filter.to
        let (rows, arguments) = Self.productRows(period, storeID: storeID)
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: """
                WITH sold AS (SELECT r.productId AS productId, SUM(r.units) AS units FROM \(rows) GROUP BY r.productId)
                SELECT p.name AS name, COALESCE(sold.units, 0) AS units
                FROM products p LEFT JOIN sold ON sold.productId = p.id
                WHERE p.storeId = ? AND (p.stockTracked = 0 OR p.stock > 0) AND COALESCE(sold.units, 0) >= 0
                ORDER BY units ASC, p.name LIMIT ?
                """, arguments: arguments + [storeID, limit]).map { ($0["name"], $0["units"]) }
        }
    }

    public func customerOrderDays(filter: SalesFilter, storeID: Int64) async throws -> [String: [String]] {
        let (scope, lineArguments) = Self.scope(filter, storeID: storeID)
        let (invoices, invoiceArguments) = Self.invoiceRows(filter, storeID: storeID)
        let (sql, arguments): (String, StatementArguments) = Self.hasProductFilter(filter)
            ? ("SELECT s.customerId AS customer, s.day AS day \(scope) AND s.isCancellation = 0 AND s.customerId IS NOT NULL GROUP BY s.customerId, s.day", lineArguments)
            : ("SELECT customerId AS customer, day FROM \(invoices) AND isCancellation = 0 AND customerId IS NOT NULL GROUP BY customerId, day", invoiceArguments)
        return try await database.writer.read { db in
            var days: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                days[row["customer"], default: []].append(row["day"])
            }
            return days
        }
    }

    public func dataRange(storeID: Int64) async throws -> (String, String)? {
        try await database.writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(day) AS first, MAX(day) AS last FROM sales_lines WHERE storeId = ?", arguments: [storeID]),
                  let first: String = row["first"], let last: String = row["last"] else { return nil }
            return (first, last)
        }
    }

    public func productMatcher(storeID: Int64) async throws -> ProductNameMatcher {
        let version = try await database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT COUNT(*) || ':' || COALESCE(MAX(updatedAt), '') FROM products WHERE storeId = ?", arguments: [storeID]) ?? ""
        }
        if let cached = await names.get(storeID, version: version) { return cached }
        let rows = try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM products WHERE storeId = ? ORDER BY popularity DESC, id", arguments: [storeID])
                .map { ($0["id"] as Int64, $0["name"] as String) }
        }
        let matcher = ProductNameMatcher(products: rows)
        await names.set(storeID, version: version, matcher)
        return matcher
    }

    public func customerDirectory(storeID: Int64) async throws -> CustomerDirectory {
        // Customers are added and renamed, never given an update time: their count, last id and name lengths tell a change.
        let version = try await database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || TOTAL(LENGTH(name)) FROM customers WHERE storeId = ?",
                                arguments: [storeID]) ?? ""
        }
        if let cached = await customers.get(storeID, version: version) { return cached }
        let directory = CustomerDirectory(customers: try await namedCustomers(storeID: storeID))
        await customers.set(storeID, version: version, directory)
        return directory
    }
}

/// The sales analytics a server answers owners from, with the reorder settings they can change.
public protocol OwnerAnalytics: SalesAnalytics {
    func saveInventorySettings(_ settings: InventorySettings, storeID: Int64) async throws
}

/// A value built per store from its data (product names, customer names), kept until that data's version changes.
actor VersionedCache<Value: Sendable> {
    private var entries: [Int64: (String, Value)] = [:]

    func get(_ storeID: Int64, version: String) -> Value? {
        guard let entry = entries[storeID], entry.0 == version else { return nil }
        return entry.1
    }

    func set(_ storeID: Int64, version: String, _ value: Value) {
        entries[storeID] = (version, value)
    }
}
