import Foundation

/// An owner's question as a typed query: what to measure, how to group it, over which period and
/// for what. Questions are parsed into this and executed with bound parameters; no SQL is generated
/// from what a user types.
public struct SalesQuery: Sendable, Hashable, Codable {
    public enum Metric: String, Sendable, Hashable, Codable {
        case revenue, units, orders, customers, aov, margin
        /// Customers with two or more orders in the period, as a share of those with one or more.
        case repeatRate = "repeat_rate"
        /// Customers whose first order ever falls in the period.
        case newCustomers = "new_customers"
        /// Items per order: units on orders (not returns) over orders.
        case basketSize = "basket_size"
        /// Cancellation and return invoices as a share of all invoices.
        case returnRate = "return_rate"
        /// Revenue from identified customers over those customers.
        case revenuePerCustomer = "revenue_per_customer"
        /// Cancellation and return invoices, counted ("how many returns did we have last month?").
        case returns

        /// Whether the metric is a share (0…1), shown as a percentage.
        public var isShare: Bool { self == .margin || self == .repeatRate || self == .returnRate }
        /// Whether it can be grouped by product, month and so on, or only totalled over a period.
        public var isGroupable: Bool { self != .repeatRate && self != .newCustomers }
    }

    /// Hours of the day or days of the week, for "when do people buy" breakdowns.
    public enum TimeSlot: String, Sendable, Hashable, Codable {
        case weekday, hour
    }

    public enum Dimension: String, Sendable, Hashable, Codable {
        case product, customer, country, category, brand
    }

    public enum Granularity: String, Sendable, Hashable, Codable {
        case day, week, month
    }

    public enum Kind: Sendable, Hashable, Codable {
        case total
        case ranking(Dimension, limit: Int, ascending: Bool)
        case trend(Granularity)
        case extreme(Granularity, best: Bool)
        case compare
        case restock
        case slowMovers(limit: Int)
        case churnRisk
        /// New against returning customers in the period.
        case customerMix
        /// A metric by weekday or by hour of the day.
        case breakdown(TimeSlot)
        /// Pairs of products in the same orders, or what is bought with the filtered product.
        case boughtTogether(limit: Int)
        /// The metric for the next `horizon` weeks or months, with an interval and a back-test.
        case forecast(Granularity, horizon: Int)
        /// Products as hero, good, moderate or poor by revenue, margin and velocity.
        case productClasses
        /// Economic order quantities and reorder points.
        case reorderPlan
        /// Recent orders scored 0–100 for risk, with reasons.
        case orderRisk
        /// A short written report of a period against the one before.
        case report
        /// The filtered part's share of the whole ("what percentage of revenue comes from the US?").
        case share
    }

    public var metric: Metric
    public var kind: Kind
    /// Inclusive `YYYY-MM-DD` bounds; nil means all time.
    public var from: String?
    public var to: String?
    /// The other period of a comparison.
    public var compareFrom: String?
    public var compareTo: String?
    /// The other period was cut to as many days as this one, which is not over yet.
    public var likeForLike: Bool?
    /// The other country of a comparison of two countries over one period ("Germany vs France in 2011").
    public var compareCountry: String?
    public var filter: SalesFilter

    public init(metric: Metric, kind: Kind, from: String? = nil, to: String? = nil, filter: SalesFilter = SalesFilter()) {
        self.metric = metric
        self.kind = kind
        self.from = from
        self.to = to
        self.filter = filter
    }
}

/// What a sales query is restricted to.
public struct SalesFilter: Sendable, Hashable, Codable {
    public var productIDs: [Int64]?
    /// How the product was named, for the reply.
    public var productLabel: String?
    public var category: String?
    public var brand: String?
    public var country: String?
    public var customer: String?
    /// The customer's name when the owner named them, for the reply.
    public var customerLabel: String?
    public var from: String?
    public var to: String?

    public init() {}

    /// The names a country goes by in sales data: an owner's "US" finds sales recorded as "USA", "United
    /// States" or "United States of America"; other countries go by the one name.
    public static func countryNames(_ country: String) -> [String] {
        let groups = [
            ["United States", "USA", "US", "United States of America", "U.S.A."], ["United Kingdom", "UK", "Great Britain", "GB"],
            ["EIRE", "Ireland", "Republic of Ireland"], ["RSA", "South Africa"], ["United Arab Emirates", "UAE"],
            ["Czech Republic", "Czechia"], ["Netherlands", "The Netherlands", "Holland"],
        ]
        return groups.first { group in group.contains { $0.sameIgnoringCase(country) } } ?? [country]
    }
}

/// A computed answer, as the `result` of a reply: a scalar, a table or a series.
public struct AnalyticsResult: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var period: String
        public var value: Double
        /// The period is not over yet ("so far"): its value is not comparable with whole periods.
        public var partial: Bool?

        public init(period: String, value: Double, partial: Bool? = nil) {
            self.period = period
            self.value = value
            self.partial = partial
        }
    }

    public var kind: String
    public var metric: String
    public var value: Double?
    public var unit: String?
    public var from: String?
    public var to: String?
    public var columns: [String]?
    public var rows: [[JSONValue]]?
    public var points: [Point]?
    public var chart: String?
    /// How the answer was computed.
    public var plan: AnalyticsPlan?

    public static func scalar(_ metric: String, _ value: Double, unit: String, from: String?, to: String?) -> AnalyticsResult {
        AnalyticsResult(kind: "scalar", metric: metric, value: value, unit: unit, from: from, to: to)
    }

    public static func table(_ metric: String, columns: [String], rows: [[JSONValue]], from: String?, to: String?) -> AnalyticsResult {
        AnalyticsResult(kind: "table", metric: metric, from: from, to: to, columns: columns, rows: rows, chart: "bar")
    }

    public static func series(_ metric: String, points: [Point], from: String?, to: String?) -> AnalyticsResult {
        AnalyticsResult(kind: "series", metric: metric, from: from, to: to, points: points, chart: "line")
    }
}

/// How an answer was computed, for the "how I got this" line: the metric and its definition, the
/// filters, the period (and the one compared with), the grouping and the data it came from.
public struct AnalyticsPlan: Sendable, Hashable, Codable {
    public var metric: String
    public var definition: String
    public var filters: [String]
    public var period: String
    public var comparedWith: String?
    public var grouping: String?
    public var source: String
    /// All of it as one line.
    public var text: String

    public init(metric: String, definition: String, filters: [String], period: String, comparedWith: String?, grouping: String?, source: String) {
        self.metric = metric
        self.definition = definition
        self.filters = filters
        self.period = period
        self.comparedWith = comparedWith
        self.grouping = grouping
        self.source = source
        text = ([definition] + (filters.isEmpty ? ["no filters"] : filters) + ["period " + period]
            + [comparedWith.map { "against " + $0 }, grouping, source].compactMap { $0 }).joined(separator: " · ")
    }
}

/// A product that needs restocking, with its days of cover at the last 30 days' pace.
public struct RestockLine: Sendable, Hashable {
    public var name: String
    public var stock: Int
    public var threshold: Int
    public var unitsLast30Days: Int

    public init(name: String, stock: Int, threshold: Int, unitsLast30Days: Int) {
        self.name = name
        self.stock = stock
        self.threshold = threshold
        self.unitsLast30Days = unitsLast30Days
    }

    /// Days the stock lasts at the recent pace; nil when nothing sold.
    public var daysOfCover: Double? {
        unitsLast30Days > 0 ? Double(stock) / (Double(unitsLast30Days) / 30) : nil
    }
}

/// Sales data as the analytics handler needs it. SQLite implements it with bound statements over the
/// sales lines; every call is scoped to one store.
public protocol SalesAnalytics: Sendable {
    /// The value of `metric` over the filtered lines (margin as a fraction); nil when it is undefined
    /// (no orders for an average, no cost prices for a margin).
    func total(_ metric: SalesQuery.Metric, filter: SalesFilter, storeID: Int64) async throws -> Double?
    /// Values of `metric` by `dimension`, best first (or worst first when `ascending`).
    func ranking(_ dimension: SalesQuery.Dimension, metric: SalesQuery.Metric, filter: SalesFilter, limit: Int, ascending: Bool, storeID: Int64) async throws -> [(String, Double)]
    /// Values of `metric` per day, week (`YYYY-Www`) or month (`YYYY-MM`), in order.
    func series(_ metric: SalesQuery.Metric, by granularity: SalesQuery.Granularity, filter: SalesFilter, storeID: Int64) async throws -> [(String, Double)]
    /// Stock-tracked products at or below their threshold, and how many tracked products there are.
    func restock(storeID: Int64, today: String) async throws -> (lines: [RestockLine], tracked: Int)
    /// Products with the fewest units sold in the period, including ones that sold nothing.
    func slowMovers(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, Double)]
    /// Each customer's distinct order days (non-cancellation), for churn.
    func customerOrderDays(filter: SalesFilter, storeID: Int64) async throws -> [String: [String]]
    /// New customers (first order ever in the period) against returning ones, with their revenue.
    func customerMix(filter: SalesFilter, storeID: Int64) async throws -> CustomerMix
    /// Values of `metric` by weekday (`1` Monday … `7` Sunday) or hour (`0`…`23`), in order.
    func breakdown(_ metric: SalesQuery.Metric, by slot: SalesQuery.TimeSlot, filter: SalesFilter, storeID: Int64) async throws -> [(Int, Double)]
    /// Product pairs by the number of orders holding both (the first name is the filtered product when
    /// the filter names one).
    func boughtTogether(filter: SalesFilter, limit: Int, storeID: Int64) async throws -> [(String, String, Int)]
    /// Each product's revenue, units and margin over the filter's period (products that sold).
    func productPerformance(filter: SalesFilter, storeID: Int64) async throws -> [ProductPerformance]
    /// Units sold per day (`YYYY-MM-DD`) of each product, from `from` to `to`.
    func dailyUnits(productIDs: [Int64], from: String, to: String, storeID: Int64) async throws -> [Int64: [String: Double]]
    /// The store's reorder settings (defaults when it set none).
    func inventorySettings(storeID: Int64) async throws -> InventorySettings
    /// Orders placed since `since`, newest first, with the facts their risk is scored from.
    func recentOrders(since: Date, storeID: Int64) async throws -> [OrderRiskFacts]
    /// Names of customers by their id, where the store knows one.
    func customerNames(_ ids: [String], storeID: Int64) async throws -> [String: String]
    /// Every named customer's id and name (at most 5,000), so that owners can ask about a customer by name.
    func namedCustomers(storeID: Int64) async throws -> [(id: String, name: String)]
    /// Those customers indexed for questions that name one (built once per version of the customers table).
    func customerDirectory(storeID: Int64) async throws -> CustomerDirectory
    /// The first and last day with sales.
    func dataRange(storeID: Int64) async throws -> (String, String)?
    /// A matcher over every product's name, for the names owners use (built once per catalog version).
    func productMatcher(storeID: Int64) async throws -> ProductNameMatcher
}
