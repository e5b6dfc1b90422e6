import Foundation
@testable import ShopTalkCore
import Testing

/// The documented rules behind forecasts, product classes, reorder quantities and order risk, on
/// figures small enough to check by hand.
struct InsightRulesTests {
    @Test func aStraightLineIsForecastAlongTheLineWithANarrowInterval() throws {
        let values: [Double] = (0..<20).map { (index: Int) -> Double in 100 + 10 * Double(index) }
        let model = try #require(Forecaster.fit(values))
        let next = model.forecast(3)
        #expect(abs(next[0].value - 300) < 1)
        #expect(abs(next[2].value - 320) < 1)
        #expect(next[0].high - next[0].low < 1)
        #expect(Forecaster.fit([1, 2, 3]) == nil)
    }

    @Test func theIntervalWidensWithTheHorizonAndNeverGoesBelowZero() throws {
        let values: [Double] = [50, 20, 60, 10, 55, 15, 70, 5, 40, 30, 20, 10]
        let model = try #require(Forecaster.fit(values))
        let next = model.forecast(4)
        #expect(next.allSatisfy { $0.low >= 0 && $0.low <= $0.value && $0.value <= $0.high })
        #expect(next[3].high - next[3].low > next[0].high - next[0].low)
    }

    @Test func theBackTestBeatsTheNaiveForecastOnATrend() throws {
        // A rising series with a little noise: carrying the last value forward lags behind the trend.
        let values: [Double] = (0..<30).map { (index: Int) -> Double in
            let noise: Double = index % 2 == 0 ? 4 : -4
            return 200 + 15 * Double(index) + noise
        }
        let check = try #require(Forecaster.backtest(values, origins: 8, horizon: 4))
        #expect(check.mape < check.naiveMAPE)
        #expect(check.forecasts > 0)
    }

    func product(_ id: Int64, revenue: Double, units: Double, margin: Double?) -> ProductPerformance {
        ProductPerformance(id: id, name: "P\(id)", revenue: revenue, units: units, margin: margin, stock: nil, unitCost: nil, unitPrice: revenue / max(units, 1))
    }

    @Test func classesFollowRevenueSharePaceAndMargin() {
        // Revenue 700 + 200 + 60 + 40 = 1,000: P1 starts at 0 % (A), P2 at 70 % (A), P3 at 90 % (B), P4 at 96 % (C).
        let products = [product(1, revenue: 700, units: 70, margin: 0.5), product(2, revenue: 200, units: 10, margin: 0.2),
                        product(3, revenue: 60, units: 60, margin: 0.6), product(4, revenue: 40, units: 4, margin: 0.1)]
        let classes = Dictionary(uniqueKeysWithValues: InsightRules.classify(products, weeks: 10).map { ($0.product.name, $0.productClass) })
        #expect(classes == ["P1": .hero, "P2": .good, "P3": .good, "P4": .poor])
    }

    @Test func theOrderQuantityAndReorderPointFollowTheFormulas() throws {
        var settings = InventorySettings()
        settings.leadTimeDays = 4
        settings.orderCost = 50
        settings.holdingRate = 0.25
        settings.serviceLevel = 0.95
        let item = ProductPerformance(id: 1, name: "Mug", revenue: 1000, units: 100, margin: nil, stock: 12, unitCost: 4, unitPrice: 10)
        // Ten days alternating 1 and 3: mean 2, sample SD √(10 × 1 / 9).
        let daily = (0..<10).map { Double($0 % 2 == 0 ? 1 : 3) }
        let plan = try #require(InsightRules.reorder(item, daily: daily, settings: settings))
        // EOQ = √(2 × 730 × 50 ÷ 1) = 270.19 → 271.
        #expect(plan.economicOrderQuantity == 271)
        // Safety = 1.65 × 1.054 × 2 = 3.48 → 4; reorder point = 8 + 3.48 = 11.48 → 12, and 12 in stock means order now.
        #expect(plan.safetyStock == 4)
        #expect(plan.reorderPoint == 12)
        #expect(plan.orderNow == true)
        #expect(InsightRules.reorder(item, daily: [0, 0, 0], settings: settings) == nil)
    }

    @Test func riskAddsUpItsReasonsAndStopsAtOneHundred() {
        let quiet = OrderRiskFacts(number: "A", placedAt: Date(), email: "a@x.io", total: 50, items: 1, largestQuantity: 1, country: "US",
                                   customerCountry: "US", previousOrders: 4, ordersInDay: 0, failedCodes: 0)
        #expect(InsightRules.risk(quiet, usualOrder: 60).score == 0)
        let loud = OrderRiskFacts(number: "B", placedAt: Date(), email: "b@x.io", total: 700, items: 30, largestQuantity: 25, country: "FR",
                                  customerCountry: "US", previousOrders: 0, ordersInDay: 3, failedCodes: 6)
        let (score, reasons) = InsightRules.risk(loud, usualOrder: 100)
        // 20 first + 35 basket 7× + 10 quantity + 20 country + 15 velocity + 20 codes = 120, capped.
        #expect(score == 100)
        #expect(reasons.count == 6)
        #expect(reasons.contains("ships to FR, customer is in US"))
    }
}
