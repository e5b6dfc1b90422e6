import Foundation
import PostgresNIO
import ShopTalkCore

/// A statement's text with its bound values: every value goes in as `$n`, never into the text.
struct BoundSQL {
    private(set) var binds = PostgresBindings()

    mutating func bind(_ value: some PostgresNonThrowingEncodable) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    func query(_ text: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: text, binds: binds)
    }
}

/// The owner's sales analytics on PostgreSQL, with `SQLiteAnalytics`'s definitions (README "Owner
/// analytics") over the same tables: the sales lines, and the rollups their triggers keep. A question
/// that a rollup answers exactly reads the rollup; any other reads the lines. Statements are built from
/// fixed fragments; every value is bound.
public struct PostgresAnalytics: OwnerAnalytics {
    let database: PostgresAppDatabase
    private let names = VersionedCache<ProductNameMatcher>()
    private let customers = VersionedCache<CustomerDirectory>()

    public init(database: PostgresAppDatabase) {
        self.database = database
    }

    /// `FROM … WHERE …` over the sales lines `s` (with their products `p`) for a filter.
    static func scope(_ filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL) -> String {
        var text = "FROM sales_lines s LEFT JOIN products p ON p.id = s.product_id WHERE s.store_id = \(sql.bind(storeID))"
        if let from = filter.from { text += " AND s.day >= \(sql.bind(from))" }
        if let to = filter.to { text += " AND s.day <= \(sql.bind(to))" }
        if let ids = filter.productIDs, !ids.isEmpty { text += " AND s.product_id = ANY(\(sql.bind(ids)))" }
        if let category = filter.category { text += " AND lower(p.category) = lower(\(sql.bind(category)))" }
        if let brand = filter.brand { text += " AND lower(p.brand) = lower(\(sql.bind(brand)))" }
        if let country = filter.country { text += " AND lower(s.country) = ANY(\(sql.bind(SalesFilter.countryNames(country).map { $0.lowercased() })))" }
        if let customer = filter.customer { text += " AND s.customer_id = \(sql.bind(customer))" }
        return text
    }

    static let revenue = "SUM(s.quantity * s.unit_price_milli) / 1000.0"
    static let orders = "COUNT(DISTINCT CASE WHEN NOT s.is_cancellation THEN s.invoice END)"
    static let costedRevenue = "SUM(CASE WHEN s.cost_milli IS NOT NULL THEN s.quantity * s.unit_price_milli END)"

    /// The aggregate of `metric` over scoped lines, as float8; nil for metrics that need a customer's
    /// whole history (repeat rate, new customers).
    static func expression(_ metric: SalesQuery.Metric) -> String? {
        let value: String
        switch metric {
        case .repeatRate, .newCustomers: return nil
        case .basketSize: value = "SUM(CASE WHEN NOT s.is_cancellation THEN s.quantity END) * 1.0 / NULLIF(\(orders), 0)"
        case .returnRate: value = "COUNT(DISTINCT CASE WHEN s.is_cancellation THEN s.invoice END) * 1.0 / NULLIF(COUNT(DISTINCT s.invoice), 0)"
        case .returns: value = "COUNT(DISTINCT CASE WHEN s.is_cancellation THEN s.invoice END)"
        case .revenuePerCustomer:
            value = "SUM(CASE WHEN s.customer_id IS NOT NULL THEN s.quantity * s.unit_price_milli END) / 1000.0 / NULLIF(COUNT(DISTINCT CASE WHEN NOT s.is_cancellation THEN s.customer_id END), 0)"
        case .revenue: value = revenue
        case .units: value = "SUM(s.quantity)"
        case .orders: value = orders
        case .customers: value = "COUNT(DISTINCT CASE WHEN NOT s.is_cancellation THEN s.customer_id END)"
        case .aov: value = "(\(revenue)) / NULLIF(\(orders), 0)"
        case .margin: value = "(\(costedRevenue) - SUM(s.quantity * s.cost_milli)) * 1.0 / NULLIF(\(costedRevenue), 0)"
        }
        return "(\(value))::float8"
    }

    /// The label, grouping and condition of a ranking over the lines.
    static func lineDimension(_ dimension: SalesQuery.Dimension) -> (label: String, group: String, condition: String) {
        switch dimension {
        case .product: ("p.name", "s.product_id, p.name", "s.product_id IS NOT NULL")
        case .customer: ("s.customer_id", "s.customer_id", "s.customer_id IS NOT NULL")
        case .country: ("s.country", "s.country", "s.country <> ''")
        case .category: ("p.category", "p.category", "p.category <> ''")
        case .brand: ("p.brand", "p.brand", "p.brand <> ''")
        }
    }

    /// The week a day falls in, by its Monday, as SQLite's `date(day, 'weekday 0', '-6 days')`.
    static func period(_ granularity: SalesQuery.Granularity, day: String) -> String {
        switch granularity {
        case .day: day
        case .week: "to_char(date_trunc('week', \(day)::date), 'YYYY-MM-DD')"
        case .month: "substr(\(day), 1, 7)"
        }
    }

    public func total(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64) async throws -> Double? {
        switch metric {
        case .repeatRate: return try await repeatRate(filter: filter, storeID: storeID)
        case .newCustomers: return Double(try await customerMix(filter: filter, storeID: storeID).newCustomers)
        default: break
        }
        var sql = BoundSQL()
        let text: String
        if let (value, rows) = Self.rollup(metric, filter: filter, storeID: storeID, &sql) {
            text = "SELECT \(value) \(rows)"
        } else if let expression = Self.expression(metric) {
            text = "SELECT \(expression) \(Self.scope(filter, storeID: storeID, &sql))"
        } else {
            return nil
        }
        let value = try await database.rows(sql.query(text)).first?.decode(Double?.self) ?? nil
        if metric == .revenue || metric == .units || metric == .orders || metric == .customers { return value ?? 0 }
        return value
    }

    public func ranking(
        _ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, limit: Int, ascending: Bool, storeID: Int64
    ) async throws -> [(String, Double)] {
        guard let expression = Self.expression(metric) else { return [] }
        var sql = BoundSQL()
        let inner: String
        if let (label, group, value, rows) = Self.rollupRanking(dimension, metric: metric, filter: filter, storeID: storeID, &sql) {
            inner = "SELECT \(label) AS label, \(value) AS value \(rows) GROUP BY \(group)"
        } else {
            let (label, group, condition) = Self.lineDimension(dimension)
            inner = "SELECT \(label) AS label, \(expression) AS value \(Self.scope(filter, storeID: storeID, &sql)) AND \(condition) GROUP BY \(group)"
        }
        let text = """
            SELECT label, value FROM (\(inner)) ranked WHERE value IS NOT NULL
            ORDER BY value \(ascending ? "ASC" : "DESC"), label COLLATE "C" LIMIT \(sql.bind(max(0, limit)))
            """
        return try await database.rows(sql.query(text)).map {
            let (label, value) = try $0.decode((String?, Double?).self)
            return (label ?? "", value ?? 0)
        }
    }

    public func series(_ metric: SalesQuery.Metric, by granularity: SalesQuery.Granularity, filter: SalesFilter, storeID: Int64) async throws -> [(String, Double)] {
        guard let expression = Self.expression(metric) else { return [] }
        var sql = BoundSQL()
        let text: String
        if let (value, rows) = Self.rollup(metric, filter: filter, storeID: storeID, &sql) {
            text = "SELECT \(Self.period(granularity, day: "r.day")) AS period, \(value) \(rows) GROUP BY 1 ORDER BY 1"
        } else {
            text = "SELECT \(Self.period(granularity, day: "s.day")) AS period, \(expression) \(Self.scope(filter, storeID: storeID, &sql)) GROUP BY 1 ORDER BY 1"
        }
        return try await database.rows(sql.query(text)).map {
            let (period, value) = try $0.decode((String, Double?).self)
            return (period, value ?? 0)
        }
    }

    public func restock(storeID: Int64, today: String) async throws -> (lines: [RestockLine], tracked: Int) {
        let since = ShopClock.parseDay(today)
            .flatMap { ShopClock.calendar.date(byAdding: .day, value: -29, to: $0) }.map(ShopClock.dayString) ?? today
        let tracked = try await database.rows("""
            SELECT count(*)::bigint FROM products WHERE store_id = \(storeID) AND stock_tracked
            """).first?.decode(Int.self) ?? 0
        let rows = try await database.rows("""
            SELECT p.name, p.stock, p.low_stock_threshold,
                (SELECT COALESCE(SUM(s.quantity), 0)::bigint FROM sales_lines s
                 WHERE s.store_id = p.store_id AND s.product_id = p.id AND s.day >= \(since) AND s.day <= \(today))
            FROM products p WHERE p.store_id = \(storeID) AND p.stock_tracked AND p.stock <= p.low_stock_threshold
            """)
        let lines = try rows.map { row in
            let (name, stock, threshold, recent) = try row.decode((String, Int, Int, Int).self)
            return RestockLine(name: name, stock: stock, threshold: threshold, unitsLast30Days: max(0, recent))
        }
        return (lines, tracked)
    }

    public func slowMovers(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, Double)] {
        var sql = BoundSQL()
        var sold = "SELECT product_id, SUM(units) AS units FROM sales_day_product WHERE store_id = \(sql.bind(storeID))"
        if let from = filter.from { sold += " AND day >= \(sql.bind(from))" }
        if let to = filter.to { sold += " AND day <= \(sql.bind(to))" }
        let text = """
            WITH sold AS (\(sold) GROUP BY product_id)
            SELECT p.name, COALESCE(sold.units, 0)::float8 AS units FROM products p LEFT JOIN sold ON sold.product_id = p.id
            WHERE p.store_id = \(sql.bind(storeID)) AND (NOT p.stock_tracked OR p.stock > 0) AND COALESCE(sold.units, 0) >= 0
            ORDER BY units ASC, p.name COLLATE "C" LIMIT \(sql.bind(max(0, limit)))
            """
        return try await database.rows(sql.query(text)).map { try $0.decode((String, Double).self) }
    }

    public func customerOrderDays(filter: SalesFilter, storeID: Int64) async throws -> [String: [String]] {
        var sql = BoundSQL()
        let text = """
            SELECT s.customer_id, s.day \(Self.scope(filter, storeID: storeID, &sql)) AND NOT s.is_cancellation AND s.customer_id IS NOT NULL
            GROUP BY s.customer_id, s.day
            """
        var days: [String: [String]] = [:]
        for row in try await database.rows(sql.query(text)) {
            let (customer, day) = try row.decode((String, String).self)
            days[customer, default: []].append(day)
        }
        return days
    }

    public func dataRange(storeID: Int64) async throws -> (String, String)? {
        guard let row = try await database.rows("SELECT MIN(day), MAX(day) FROM sales_lines WHERE store_id = \(storeID)").first,
              case let (first?, last?) = try row.decode((String?, String?).self) else { return nil }
        return (first, last)
    }

    public func productMatcher(storeID: Int64) async throws -> ProductNameMatcher {
        let version = try await database.rows("""
            SELECT count(*)::text || ':' || COALESCE(MAX(updated_at)::text, '') FROM products WHERE store_id = \(storeID)
            """).first?.decode(String.self) ?? ""
        if let cached = await names.get(storeID, version: version) { return cached }
        let rows = try await database.rows("SELECT id, name FROM products WHERE store_id = \(storeID) ORDER BY popularity DESC, id")
        let matcher = ProductNameMatcher(products: try rows.map { try $0.decode((Int64, String).self) })
        await names.set(storeID, version: version, matcher)
        return matcher
    }

    public func customerDirectory(storeID: Int64) async throws -> CustomerDirectory {
        // As on SQLite: customers have no update time, so their count, last id and name lengths tell a change.
        let version = try await database.rows("""
            SELECT count(*)::text || ':' || COALESCE(MAX(id), 0)::text || ':' || COALESCE(SUM(length(name)), 0)::text
            FROM customers WHERE store_id = \(storeID)
            """).first?.decode(String.self) ?? ""
        if let cached = await customers.get(storeID, version: version) { return cached }
        let directory = CustomerDirectory(customers: try await namedCustomers(storeID: storeID))
        await customers.set(storeID, version: version, directory)
        return directory
    }
}
