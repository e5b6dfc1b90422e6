import Foundation

/// The documented rules behind product classes, reorder quantities and order risk (README "Owner
/// insights"). Pure functions over facts read from the store, so each rule has a fast test.
public enum InsightRules {
    // MARK: Product classes

    public enum ProductClass: String, Sendable, CaseIterable {
        case hero, good, moderate, poor
    }

    public struct Classified: Sendable, Hashable {
        public var product: ProductPerformance
        public var productClass: ProductClass
        public var reason: String
    }

    /// Revenue classes A (the products making the first 80 % of revenue), B (the next 15 %) and C;
    /// fast when units per week are at or above the median of the products that sold; a healthy margin
    /// at or above the median margin of the products with a known cost (unknown counts as healthy).
    /// Hero: A, fast and healthy. Good: the rest of A, or B fast and healthy. Moderate: the rest of B,
    /// or C and fast. Poor: C and slow.
    public static func classify(_ products: [ProductPerformance], weeks: Double) -> [Classified] {
        let sold = products.filter { $0.units > 0 }.sorted { ($0.revenue, $1.name) > ($1.revenue, $0.name) }
        guard !sold.isEmpty else { return [] }
        let total = sold.reduce(0) { $0 + max(0, $1.revenue) }
        let velocities = sold.map { $0.units / max(weeks, 1) }.sorted()
        let medianVelocity = velocities[velocities.count / 2]
        let margins = sold.compactMap(\.margin).sorted()
        let medianMargin = margins.isEmpty ? nil : margins[margins.count / 2]
        var running = 0.0
        return sold.map { product in
            let share = total > 0 ? running / total : 1
            running += max(0, product.revenue)
            let revenueClass = product.revenue <= 0 ? "C" : share < 0.8 ? "A" : share < 0.95 ? "B" : "C"
            let velocity = product.units / max(weeks, 1)
            let fast = velocity >= medianVelocity
            let healthy = medianMargin.map { median in product.margin.map { $0 >= median } ?? true } ?? true
            let productClass: ProductClass = switch (revenueClass, fast, healthy) {
            case ("A", true, true): .hero
            case ("A", _, _), ("B", true, true): .good
            case ("B", _, _), ("C", true, _): .moderate
            default: .poor
            }
            var why = ["revenue class \(revenueClass)", String(format: "%.1f units a week (%@)", velocity, fast ? "fast" : "slow")]
            if let margin = product.margin { why.append(String(format: "margin %.1f%% (%@)", margin * 100, healthy ? "healthy" : "thin")) }
            return Classified(product: product, productClass: productClass, reason: why.joined(separator: ", "))
        }
    }

    // MARK: Reorder quantities

    public struct Reorder: Sendable, Hashable {
        public var product: ProductPerformance
        public var dailyDemand: Double
        public var economicOrderQuantity: Int
        public var reorderPoint: Int
        public var safetyStock: Int
        /// Whether stock on hand is at or below the reorder point (nil when stock is not tracked).
        public var orderNow: Bool?
        public var unitCostSource: String
    }

    /// The z-score of a service level (one-sided normal quantile), for 80 % to 99.9 %.
    public static func zScore(_ serviceLevel: Double) -> Double {
        let table: [(Double, Double)] = [(0.8, 0.84), (0.85, 1.04), (0.9, 1.28), (0.95, 1.65), (0.975, 1.96), (0.99, 2.33), (0.999, 3.09)]
        return table.last { $0.0 <= serviceLevel + 1e-9 }?.1 ?? 0.84
    }

    /// EOQ = √(2 · D · S ÷ H) with D the yearly demand (the daily mean × 365), S the cost of one purchase
    /// order and H the yearly holding cost of a unit (holding rate × unit cost; the average selling
    /// price when the cost is unknown). Reorder point = daily mean × lead time + safety stock, where
    /// safety stock = z(service level) × the daily standard deviation × √lead time.
    public static func reorder(_ product: ProductPerformance, daily: [Double], settings: InventorySettings) -> Reorder? {
        guard !daily.isEmpty else { return nil }
        let mean = daily.reduce(0, +) / Double(daily.count)
        guard mean > 0 else { return nil }
        let variance = daily.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, daily.count - 1))
        let unitCost = product.unitCost ?? product.unitPrice ?? 0
        let holding = settings.holdingRate * unitCost
        guard holding > 0 else { return nil }
        let eoq = (2 * mean * 365 * settings.orderCost / holding).squareRoot()
        let lead = Double(settings.leadTimeDays)
        let safety = zScore(settings.serviceLevel) * variance.squareRoot() * lead.squareRoot()
        let point = mean * lead + safety
        let whole = { (value: Double) -> Int in Int(exactly: min(1e9, max(0, value.rounded(.up)))) ?? 0 }
        let reorderPoint = whole(point)
        return Reorder(product: product, dailyDemand: mean, economicOrderQuantity: max(1, whole(eoq)), reorderPoint: reorderPoint,
                       safetyStock: whole(safety), orderNow: product.stock.map { $0 <= reorderPoint },
                       unitCostSource: product.unitCost != nil ? "cost" : "average selling price")
    }

    // MARK: Order risk

    /// 0–100 and the reasons: first order from the email +20; a basket over 3× the usual order +25
    /// (over 6× +35); 10 or more of one item +10; shipping to another country than the customer's +20;
    /// 3 or more orders from the email in the 24 hours before +15; refused discount codes in those 24
    /// hours +5 each, up to +20.
    public static func risk(_ order: OrderRiskFacts, usualOrder: Double) -> (score: Int, reasons: [String]) {
        var score = 0
        var reasons: [String] = []
        if order.previousOrders == 0 { score += 20; reasons.append("first order from \(order.email)") }
        if usualOrder > 0 {
            let ratio = order.total / usualOrder
            if ratio > 6 { score += 35; reasons.append(String(format: "basket %.1f× the usual order", ratio)) }
            else if ratio > 3 { score += 25; reasons.append(String(format: "basket %.1f× the usual order", ratio)) }
        }
        if order.largestQuantity >= 10 { score += 10; reasons.append("\(order.largestQuantity) of one item") }
        if let home = order.customerCountry, !order.country.isEmpty, home.caseInsensitiveCompare(order.country) != .orderedSame {
            score += 20
            reasons.append("ships to \(order.country), customer is in \(home)")
        }
        if order.ordersInDay >= 3 { score += 15; reasons.append("\(order.ordersInDay) orders from this email in the 24 hours before") }
        if order.failedCodes > 0 {
            score += min(20, 5 * order.failedCodes)
            reasons.append("\(order.failedCodes) refused discount code\(order.failedCodes == 1 ? "" : "s") in the 24 hours before")
        }
        return (min(100, score), reasons)
    }
}
