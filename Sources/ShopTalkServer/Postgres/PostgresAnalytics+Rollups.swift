import Foundation
import PostgresNIO
import ShopTalkCore

/// Which rollup answers a question exactly, and how to read it (alias `r`), as
/// `SQLiteAnalytics+Rollups` decides: days by country for amounts, invoices for counts of orders and
/// customers, days by product for amounts narrowed to products. Anything else reads the lines.
extension PostgresAnalytics {
    static func amount(_ metric: SalesQuery.Metric) -> String? {
        switch metric {
        case .revenue: "(SUM(r.revenue_milli) / 1000.0)::float8"
        case .units: "SUM(r.units)::float8"
        case .margin: "((SUM(r.costed_revenue_milli) - SUM(r.cost_milli)) * 1.0 / NULLIF(SUM(r.costed_revenue_milli), 0))::float8"
        default: nil
        }
    }

    static func invoiceMetric(_ metric: SalesQuery.Metric) -> String? {
        let orders = "COUNT(*) FILTER (WHERE NOT r.is_cancellation)"
        let customers = "COUNT(DISTINCT r.customer_id) FILTER (WHERE NOT r.is_cancellation)"
        let value: String
        switch metric {
        case .revenue: value = "SUM(r.revenue_milli) / 1000.0"
        case .units: value = "SUM(r.units)"
        case .orders: value = orders
        case .customers: value = customers
        case .aov: value = "(SUM(r.revenue_milli) / 1000.0) / NULLIF(\(orders), 0)"
        case .basketSize: value = "SUM(r.units) FILTER (WHERE NOT r.is_cancellation) * 1.0 / NULLIF(\(orders), 0)"
        case .returnRate: value = "COUNT(*) FILTER (WHERE r.is_cancellation) * 1.0 / NULLIF(COUNT(*), 0)"
        case .returns: value = "COUNT(*) FILTER (WHERE r.is_cancellation)"
        case .revenuePerCustomer: value = "SUM(r.revenue_milli) FILTER (WHERE r.customer_id IS NOT NULL) / 1000.0 / NULLIF(\(customers), 0)"
        case .margin, .repeatRate, .newCustomers: return nil
        }
        return "(\(value))::float8"
    }

    private static func period(_ filter: SalesFilter, _ sql: inout BoundSQL) -> String {
        var text = ""
        if let from = filter.from { text += " AND r.day >= \(sql.bind(from))" }
        if let to = filter.to { text += " AND r.day <= \(sql.bind(to))" }
        return text
    }

    private static func country(_ filter: SalesFilter, _ sql: inout BoundSQL) -> String {
        guard let country = filter.country else { return "" }
        return " AND lower(r.country) = ANY(\(sql.bind(SalesFilter.countryNames(country).map { $0.lowercased() })))"
    }

    /// Days by country, for a filter without products or customer.
    static func dayRows(_ filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL) -> String {
        "FROM sales_day r WHERE r.store_id = \(sql.bind(storeID))" + period(filter, &sql) + country(filter, &sql)
    }

    /// One row per invoice, for a filter without products.
    static func invoiceRows(_ filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL) -> String {
        var text = "FROM sales_invoices r WHERE r.store_id = \(sql.bind(storeID))" + period(filter, &sql) + country(filter, &sql)
        if let customer = filter.customer { text += " AND r.customer_id = \(sql.bind(customer))" }
        return text
    }

    /// Days by product with the product `p`, for a filter without customer or country.
    static func productRows(_ filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL) -> String {
        var text = "FROM sales_day_product r JOIN products p ON p.id = r.product_id WHERE r.store_id = \(sql.bind(storeID))" + period(filter, &sql)
        if let ids = filter.productIDs, !ids.isEmpty { text += " AND r.product_id = ANY(\(sql.bind(ids)))" }
        if let category = filter.category { text += " AND lower(p.category) = lower(\(sql.bind(category)))" }
        if let brand = filter.brand { text += " AND lower(p.brand) = lower(\(sql.bind(brand)))" }
        return text
    }

    /// The value and rows of a total (or a series) from a rollup, or nil when only the lines can answer.
    static func rollup(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL) -> (String, String)? {
        let products = SQLiteAnalytics.hasProductFilter(filter)
        if !products, filter.customer == nil, let amount = amount(metric) { return (amount, dayRows(filter, storeID: storeID, &sql)) }
        if !products, let value = invoiceMetric(metric) { return (value, invoiceRows(filter, storeID: storeID, &sql)) }
        if products, filter.customer == nil, filter.country == nil, let amount = amount(metric) {
            return (amount, productRows(filter, storeID: storeID, &sql))
        }
        return nil
    }

    /// Label, grouping, value and rows of a ranking from a rollup, or nil when only the lines can answer.
    static func rollupRanking(
        _ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64, _ sql: inout BoundSQL
    ) -> (String, String, String, String)? {
        let products = SQLiteAnalytics.hasProductFilter(filter)
        switch dimension {
        case .product, .category, .brand:
            guard filter.customer == nil, filter.country == nil, let amount = amount(metric) else { return nil }
            let rows = productRows(filter, storeID: storeID, &sql)
            return switch dimension {
            case .product: ("p.name", "r.product_id, p.name", amount, rows)
            case .category: ("p.category", "p.category", amount, rows + " AND p.category <> ''")
            default: ("p.brand", "p.brand", amount, rows + " AND p.brand <> ''")
            }
        case .country:
            guard !products, filter.customer == nil, let amount = amount(metric) else { return nil }
            return ("r.country", "r.country", amount, dayRows(filter, storeID: storeID, &sql) + " AND r.country <> ''")
        case .customer:
            guard !products, let value = invoiceMetric(metric) else { return nil }
            return ("r.customer_id", "r.customer_id", value, invoiceRows(filter, storeID: storeID, &sql) + " AND r.customer_id IS NOT NULL")
        }
    }
}
