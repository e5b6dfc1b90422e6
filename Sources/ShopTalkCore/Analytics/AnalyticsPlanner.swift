import Foundation

/// The "how I got this" of an owner's answer: which metric (with its definition), which filters, which
/// period, how it was grouped and which data it came from. Built from the executed `SalesQuery`, so it
/// can never describe a different computation than the one that ran.
enum AnalyticsPlanner {
    static func definition(_ metric: SalesQuery.Metric) -> String {
        switch metric {
        case .revenue: return "revenue = Σ quantity × unit price (returns subtract)"
        case .units: return "units = Σ quantity (returns subtract)"
        case .orders: return "orders = distinct invoices that are not cancellations"
        case .customers: return "customers = distinct customer ids on orders"
        case .aov: return "average order value = revenue ÷ orders"
        case .margin: return "margin = (revenue − cost) ÷ revenue, over lines with a known cost"
        case .repeatRate: return "repeat rate = customers with 2+ orders ÷ customers with 1+ order in the period"
        case .newCustomers: return "new customers = customers whose first order ever falls in the period"
        case .basketSize: return "basket size = units on orders ÷ orders"
        case .returnRate: return "return rate = cancellation and return invoices ÷ all invoices"
        case .returns: return "returns = cancellation and return invoices, counted"
        case .revenuePerCustomer: return "revenue per customer = revenue from identified customers ÷ those customers"
        }
    }

    static func definition(of kind: SalesQuery.Kind, metric: SalesQuery.Metric) -> String {
        switch kind {
        case .restock: return "restock = stock-tracked products at or below their low-stock threshold; days of cover at the last 30 days' pace"
        case .slowMovers: return "slow movers = products in stock with the fewest units sold (none counts)"
        case .churnRisk: return "churn risk = customers with 3+ order days, silent for more than twice their usual gap"
        case .customerMix: return "new = first order ever in the period; returning = ordered before it too"
        case .boughtTogether: return "bought together = number of orders holding both products"
        case .compare: return definition(metric) + "; change = (this − other) ÷ other"
        case .forecast: return definition(metric) + "; Holt's linear smoothing fitted to whole periods, 95% interval, rolling back-test"
        case .productClasses: return "classes from revenue share (A 80%, B 15%, C 5%), units a week against the median and margin against the median"
        case .reorderPlan: return "order quantity = √(2 × yearly demand × order cost ÷ yearly holding cost); reorder point = daily demand × lead time + safety stock"
        case .orderRisk: return "risk 0–100: first order, basket against the usual order, quantity of one item, country, orders in 24 hours, refused codes"
        case .report: return "revenue, orders, average order, units, customers, new customers and return rate against the period before"
        default: return definition(metric)
        }
    }

    static func grouping(_ kind: SalesQuery.Kind) -> String? {
        switch kind {
        case .total, .compare: return nil
        case .ranking(let dimension, let limit, let ascending): return "\(ascending ? "bottom" : "top") \(limit) by \(dimension.rawValue)"
        case .trend(let granularity): return "by \(granularity.rawValue)"
        case .extreme(let granularity, let best): return "\(best ? "best" : "worst") \(granularity.rawValue)"
        case .restock: return "most urgent first"
        case .slowMovers(let limit): return "\(limit) slowest products"
        case .churnRisk: return "longest overdue first"
        case .customerMix: return "new against returning customers"
        case .breakdown(let slot): return slot == .weekday ? "by day of the week" : "by hour of the day (UTC)"
        case .boughtTogether(let limit): return "top \(limit) pairs"
        case .forecast(let granularity, let horizon): return "next \(horizon) \(granularity.rawValue)\(horizon == 1 ? "" : "s")"
        case .productClasses: return "hero, good, moderate, poor"
        case .reorderPlan: return "15 best sellers by units"
        case .orderRisk: return "orders of the last 30 days, riskiest first"
        case .report: return "this period against the one before"
        case .share: return "the filtered part over all sales of the period"
        }
    }

    static func filters(_ filter: SalesFilter) -> [String] {
        var parts: [String] = []
        if let label = filter.productLabel { parts.append("product = \(label)") }
        if let category = filter.category { parts.append("category = \(category)") }
        if let brand = filter.brand { parts.append("brand = \(brand)") }
        if let country = filter.country {
            let names = SalesFilter.countryNames(country)
            parts.append("country = " + names.prefix(3).joined(separator: " / "))
        }
        if let customer = filter.customer { parts.append("customer = \(customer)") }
        return parts
    }

    static func span(_ from: String?, _ to: String?) -> String {
        guard let to else { return "all time" }
        guard let from, from != PeriodParser.openStartDay else { return "up to \(to)" }
        return from == to ? from : "\(from) to \(to)"
    }

    /// The plan of `query` as run for `store`; `data` is the first and last day with sales.
    static func plan(_ query: SalesQuery, storeSlug: String, data: (String, String)?) -> AnalyticsPlan {
        var period = span(query.from, query.to)
        if case .restock = query.kind { period = "now" }
        var compared: String?
        switch query.kind {
        case .compare, .report:
            if query.compareFrom != nil {
                compared = query.compareCountry.map { "country = \($0), same period" }
                    ?? span(query.compareFrom, query.compareTo) + (query.likeForLike == true ? " (same number of days)" : "")
            }
        default: break
        }
        var source = "sales lines of store \(storeSlug)" + (data.map { ", data \($0.0) to \($0.1)" } ?? ", no sales yet")
        if case .restock = query.kind { source = "products and the last 30 days of sales lines of store \(storeSlug)" }
        if case .orderRisk = query.kind { source = "orders, customers and refused discount codes of store \(storeSlug)" }
        return AnalyticsPlan(metric: query.metric.rawValue, definition: definition(of: query.kind, metric: query.metric),
                             filters: filters(query.filter), period: period, comparedWith: compared, grouping: grouping(query.kind), source: source)
    }
}
