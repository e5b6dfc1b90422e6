import Foundation

/// Facts the owner insights are computed from, as the store reads them.

/// New and returning customers of a period.
public struct CustomerMix: Sendable, Hashable {
    public var newCustomers: Int
    public var returningCustomers: Int
    public var newRevenue: Double
    public var returningRevenue: Double

    public init(newCustomers: Int, returningCustomers: Int, newRevenue: Double, returningRevenue: Double) {
        self.newCustomers = newCustomers
        self.returningCustomers = returningCustomers
        self.newRevenue = newRevenue
        self.returningRevenue = returningRevenue
    }
}

/// One product's sales over a period, with what the catalog knows of it.
public struct ProductPerformance: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var revenue: Double
    public var units: Double
    /// (revenue − cost) ÷ revenue over lines with a known cost; nil without costs.
    public var margin: Double?
    /// Stock on hand, for stock-tracked products.
    public var stock: Int?
    public var unitCost: Double?
    public var unitPrice: Double?

    public init(id: Int64, name: String, revenue: Double, units: Double, margin: Double?, stock: Int?, unitCost: Double?, unitPrice: Double?) {
        self.id = id
        self.name = name
        self.revenue = revenue
        self.units = units
        self.margin = margin
        self.stock = stock
        self.unitCost = unitCost
        self.unitPrice = unitPrice
    }
}

/// What an owner sets for reorder quantities, with the defaults a store starts from.
public struct InventorySettings: Sendable, Hashable, Codable {
    /// Days from placing a purchase order to having the stock.
    public var leadTimeDays: Int = 7
    /// The fixed cost of placing one purchase order, in the store's currency.
    public var orderCost: Double = 50
    /// The cost of holding one unit for a year, as a share of its unit cost.
    public var holdingRate: Double = 0.25
    /// The chance of not running out during a lead time (sets the safety stock).
    public var serviceLevel: Double = 0.95

    public init() {}
}

/// What the risk score of an order is computed from.
public struct OrderRiskFacts: Sendable, Hashable {
    public var number: String
    public var placedAt: Date
    public var email: String
    public var total: Double
    public var items: Int
    public var largestQuantity: Int
    /// The country the order ships to, and the one on the customer's record.
    public var country: String
    public var customerCountry: String?
    /// Orders from the same email before this one, and within the 24 hours before it.
    public var previousOrders: Int
    public var ordersInDay: Int
    /// Discount codes refused for this email in the 24 hours before the order.
    public var failedCodes: Int

    public init(number: String, placedAt: Date, email: String, total: Double, items: Int, largestQuantity: Int, country: String,
                customerCountry: String?, previousOrders: Int, ordersInDay: Int, failedCodes: Int) {
        self.number = number
        self.placedAt = placedAt
        self.email = email
        self.total = total
        self.items = items
        self.largestQuantity = largestQuantity
        self.country = country
        self.customerCountry = customerCountry
        self.previousOrders = previousOrders
        self.ordersInDay = ordersInDay
        self.failedCodes = failedCodes
    }
}
