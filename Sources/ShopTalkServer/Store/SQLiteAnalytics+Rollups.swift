import Foundation
import GRDB
import ShopTalkCore

/// Which pre-aggregated table answers a query, and how to read it. Queries that no rollup covers
/// exactly (a customer together with products, say) fall back to the sales lines.
extension SQLiteAnalytics {
    /// Columns every rollup row source yields: units, revenueMilli, costMilli, costedRevenueMilli.
    static func amount(_ metric: SalesQuery.Metric) -> String? {
        switch metric {
        case .revenue: return "SUM(revenueMilli) / 1000.0"
        case .units: return "SUM(units)"
        case .margin: return "(SUM(costedRevenueMilli) - SUM(costMilli)) * 1.0 / NULLIF(SUM(costedRevenueMilli), 0)"
        default: return nil
        }
    }

    static func invoiceMetric(_ metric: SalesQuery.Metric) -> String? {
        switch metric {
        case .revenue: return "SUM(revenueMilli) / 1000.0"
        case .units: return "SUM(units)"
        case .orders: return "SUM(CASE WHEN isCancellation = 0 THEN 1 ELSE 0 END)"
        case .customers: return "COUNT(DISTINCT CASE WHEN isCancellation = 0 THEN customerId END)"
        case .aov: return "(SUM(revenueMilli) / 1000.0) / NULLIF(SUM(CASE WHEN isCancellation = 0 THEN 1 ELSE 0 END), 0)"
        case .basketSize: return "SUM(CASE WHEN isCancellation = 0 THEN units END) * 1.0 / NULLIF(SUM(CASE WHEN isCancellation = 0 THEN 1 ELSE 0 END), 0)"
        case .returnRate: return "SUM(isCancellation) * 1.0 / NULLIF(COUNT(*), 0)"
        case .returns: return "SUM(isCancellation)"
        case .revenuePerCustomer:
            return "SUM(CASE WHEN customerId IS NOT NULL THEN revenueMilli END) / 1000.0 / NULLIF(COUNT(DISTINCT CASE WHEN isCancellation = 0 THEN customerId END), 0)"
        case .margin, .repeatRate, .newCustomers: return nil
        }
    }

    static func hasProductFilter(_ filter: SalesFilter) -> Bool {
        filter.productIDs?.isEmpty == false || filter.category != nil || filter.brand != nil
    }

    /// Whole months and leftover day ranges covering `from`…`to`.
    static func split(_ from: String?, _ to: String?) -> (months: (String, String)?, days: [(String, String)]) {
        if from == nil, to == nil { return (("0000-00", "9999-12"), []) }
        // A period open at one end is read from the daily rollup.
        guard let from, let to, let start = ShopClock.parseDay(from), let end = ShopClock.parseDay(to) else {
            return (nil, [(from ?? "0000-00-00", to ?? "9999-12-31")])
        }
        let calendar = ShopClock.calendar
        let startOfFirstFull = calendar.component(.day, from: start) == 1 ? start
            : calendar.date(from: calendar.dateComponents([.year, .month], from: calendar.date(byAdding: .month, value: 1, to: start)!))!
        let dayAfterEnd = calendar.date(byAdding: .day, value: 1, to: end)!
        let startOfAfterLastFull = calendar.component(.day, from: dayAfterEnd) == 1 ? dayAfterEnd
            : calendar.date(from: calendar.dateComponents([.year, .month], from: end))!
        guard startOfFirstFull < startOfAfterLastFull else { return (nil, [(from, to)]) }
        var days: [(String, String)] = []
        if startOfFirstFull > start {
            days.append((from, ShopClock.dayString(calendar.date(byAdding: .day, value: -1, to: startOfFirstFull)!)))
        }
        if startOfAfterLastFull <= end { days.append((ShopClock.dayString(startOfAfterLastFull), to)) }
        let lastFullMonth = calendar.date(byAdding: .month, value: -1, to: startOfAfterLastFull)!
        return ((String(ShopClock.dayString(startOfFirstFull).prefix(7)), String(ShopClock.dayString(lastFullMonth).prefix(7))), days)
    }

    /// Product-level rows (productId, period, amounts) for a filter without customer or country:
    /// whole months from the monthly rollup and the rest from the daily one.
    static func productRows(_ filter: SalesFilter, storeID: Int64, period: String? = nil, forceJoin: Bool = false) -> (String, StatementArguments) {
        let (months, days) = split(filter.from, filter.to)
        var parts: [String] = []
        var arguments: StatementArguments = []
        if let months {
            parts.append("SELECT productId, \(period.map { _ in "month" } ?? "''") AS period, units, revenueMilli, costMilli, costedRevenueMilli FROM sales_month_product WHERE storeId = ? AND month >= ? AND month <= ?")
            arguments += [storeID, months.0, months.1]
        }
        for range in days {
            parts.append("SELECT productId, \(period.map { _ in "substr(day, 1, 7)" } ?? "''") AS period, units, revenueMilli, costMilli, costedRevenueMilli FROM sales_day_product WHERE storeId = ? AND day >= ? AND day <= ?")
            arguments += [storeID, range.0, range.1]
        }
        let needsProducts = forceJoin || filter.category != nil || filter.brand != nil
        var sql = "(\(parts.joined(separator: " UNION ALL "))) r" + (needsProducts ? " LEFT JOIN products p ON p.id = r.productId" : "") + " WHERE 1 = 1"
        if let ids = filter.productIDs, !ids.isEmpty {
            sql += " AND r.productId IN (\(Self.marks(ids.count)))"
            arguments += StatementArguments(ids)
        }
        if let category = filter.category { sql += " AND p.category = ? COLLATE NOCASE"; arguments += [category] }
        if let brand = filter.brand { sql += " AND p.brand = ? COLLATE NOCASE"; arguments += [brand] }
        return (sql, arguments)
    }

    /// Day-level rows for a filter without products or customer.
    static func dayRows(_ filter: SalesFilter, storeID: Int64) -> (String, StatementArguments) {
        var sql = "sales_day WHERE storeId = ?"
        var arguments: StatementArguments = [storeID]
        if let from = filter.from { sql += " AND day >= ?"; arguments += [from] }
        if let to = filter.to { sql += " AND day <= ?"; arguments += [to] }
        if let country = filter.country {
            let names = SalesFilter.countryNames(country)
            sql += " AND country COLLATE NOCASE IN (\(Self.marks(names.count)))"
            arguments += StatementArguments(names)
        }
        return (sql, arguments)
    }

    /// Invoice rows for a filter without products.
    static func invoiceRows(_ filter: SalesFilter, storeID: Int64) -> (String, StatementArguments) {
        var sql = "sales_invoices WHERE storeId = ?"
        var arguments: StatementArguments = [storeID]
        if let from = filter.from { sql += " AND day >= ?"; arguments += [from] }
        if let to = filter.to { sql += " AND day <= ?"; arguments += [to] }
        if let country = filter.country {
            let names = SalesFilter.countryNames(country)
            sql += " AND country COLLATE NOCASE IN (\(Self.marks(names.count)))"
            arguments += StatementArguments(names)
        }
        if let customer = filter.customer { sql += " AND customerId = ?"; arguments += [customer] }
        return (sql, arguments)
    }

    /// The SQL and arguments of a total from a rollup, or nil when only the lines can answer.
    static func rollupTotal(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64) -> (String, StatementArguments)? {
        let products = hasProductFilter(filter)
        if !products, filter.customer == nil, let amount = amount(metric) {
            let (rows, arguments) = dayRows(filter, storeID: storeID)
            return ("SELECT \(amount) AS value FROM \(rows)", arguments)
        }
        if !products, let expression = invoiceMetric(metric) {
            let (rows, arguments) = invoiceRows(filter, storeID: storeID)
            return ("SELECT \(expression) AS value FROM \(rows)", arguments)
        }
        if products, filter.customer == nil, filter.country == nil, let amount = amount(metric) {
            let (rows, arguments) = productRows(filter, storeID: storeID)
            return ("SELECT \(amount) AS value FROM \(rows)", arguments)
        }
        return nil
    }

    static func rollupRanking(
        _ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, limit: Int, ascending: Bool, storeID: Int64
    ) -> (String, StatementArguments)? {
        let order = "ORDER BY value \(ascending ? "ASC" : "DESC"), label LIMIT ?"
        switch dimension {
        case .product where filter.category == nil && filter.brand == nil:
            // Sum by product id over the rollup rows first, then name the sums (ties go by name).
            guard filter.customer == nil, filter.country == nil, let amount = amount(metric) else { return nil }
            let (rows, arguments) = productRows(filter, storeID: storeID)
            return ("""
                SELECT p.name AS label, ranked.value AS value FROM (
                    SELECT r.productId AS productId, \(amount) AS value FROM \(rows) AND r.productId <> 0
                    GROUP BY r.productId HAVING value IS NOT NULL
                ) ranked JOIN products p ON p.id = ranked.productId \(order)
                """, arguments + [limit])
        case .product, .category, .brand:
            guard filter.customer == nil, filter.country == nil, let amount = amount(metric) else { return nil }
            var joined = filter
            if joined.category == nil && joined.brand == nil { joined.category = nil }
            let (rows, arguments) = productRows(joined, storeID: storeID, forceJoin: true)
            let (label, group, condition) = dimension == .product ? ("p.name", "r.productId", "r.productId <> 0")
                : dimension == .category ? ("p.category", "p.category", "p.category <> ''") : ("p.brand", "p.brand", "p.brand <> ''")
            return ("SELECT \(label) AS label, \(amount) AS value FROM \(rows) AND \(condition) GROUP BY \(group) HAVING value IS NOT NULL \(order)", arguments + [limit])
        case .country:
            guard !hasProductFilter(filter), filter.customer == nil, let amount = amount(metric) else { return nil }
            let (rows, arguments) = dayRows(filter, storeID: storeID)
            return ("SELECT country AS label, \(amount) AS value FROM \(rows) AND country <> '' GROUP BY country HAVING value IS NOT NULL \(order)", arguments + [limit])
        case .customer:
            guard !hasProductFilter(filter), let expression = invoiceMetric(metric) else { return nil }
            let (rows, arguments) = invoiceRows(filter, storeID: storeID)
            return ("SELECT customerId AS label, \(expression) AS value FROM \(rows) AND customerId IS NOT NULL GROUP BY customerId HAVING value IS NOT NULL \(order)", arguments + [limit])
        }
    }

    static func rollupSeries(_ metric: SalesQuery.Metric, by granularity: SalesQuery.Granularity, filter: SalesFilter, storeID: Int64) -> (String, StatementArguments)? {
        let period = switch granularity {
        case .day: "day"
        case .week: "date(day, 'weekday 0', '-6 days')"
        case .month: "substr(day, 1, 7)"
        }
        let products = hasProductFilter(filter)
        if !products, filter.customer == nil, let amount = amount(metric) {
            let (rows, arguments) = dayRows(filter, storeID: storeID)
            return ("SELECT \(period) AS period, \(amount) AS value FROM \(rows) GROUP BY period ORDER BY period", arguments)
        }
        if !products, let expression = invoiceMetric(metric) {
            let (rows, arguments) = invoiceRows(filter, storeID: storeID)
            return ("SELECT \(period) AS period, \(expression) AS value FROM \(rows) GROUP BY period ORDER BY period", arguments)
        }
        if products, granularity == .month, filter.customer == nil, filter.country == nil, let amount = amount(metric) {
            let (rows, arguments) = productRows(filter, storeID: storeID, period: "month")
            return ("SELECT r.period AS period, \(amount) AS value FROM \(rows) GROUP BY r.period ORDER BY r.period", arguments)
        }
        return nil
    }
}
