import Foundation

/// Forecasts, product classes and reorder quantities.
extension AnalyticsHandler {
    func forecast(_ query: SalesQuery, granularity: SalesQuery.Granularity, horizon: Int, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let metric = query.metric
        let scope = AnalyticsPhrases.scope(query.filter)
        var filter = query.filter
        filter.from = nil
        filter.to = ShopClock.dayString(clock.today())
        let raw = try await analytics.series(metric, by: granularity, filter: filter, storeID: store.id)
        let filled = Self.fillGaps(raw, granularity: granularity)
        var window = query
        window.from = nil
        window.to = filter.to
        let partial = partialPoints(filled, granularity: granularity, query: window)
        let whole = zip(filled, partial).filter { !$0.1 }.map(\.0)
        let unit = granularity.rawValue
        guard whole.count >= 6, let model = Forecaster.fit(whole.map(\.1)), let last = whole.last?.0 else {
            return Reply(text: "I need at least 6 whole \(unit)s of sales for \(scope) to forecast; there are \(whole.count).", intent: intent,
                         suggestions: followUps(query))
        }
        let predictions = model.forecast(horizon)
        let periods = Self.following(last, granularity: granularity, count: predictions.count)
        let check = Forecaster.backtest(whole.map(\.1), origins: min(12, whole.count / 3), horizon: horizon)
        let currency = store.currency
        let shown = zip(periods, predictions).map { period, value in
            "\(AnalyticsPhrases.label(period, granularity)) \(AnalyticsPhrases.value(value.value, metric: metric, currency: currency)) (likely \(AnalyticsPhrases.value(value.low, metric: metric, currency: currency))–\(AnalyticsPhrases.value(value.high, metric: metric, currency: currency)))"
        }
        var text = "Forecast of \(AnalyticsPhrases.metricName(metric)) for \(scope), the next \(AnalyticsPhrases.count(horizon, unit)): " + shown.joined(separator: "; ") + "."
        text += String(format: " Method: Holt's linear smoothing (α %.1f, β %.1f) on %d whole %@s; the range is a 95%% interval.", model.alpha, model.beta, whole.count, unit)
        if let check {
            text += String(format: " Back-tested on the last %d %@s, its forecasts were off by %.1f%% on average (carrying the last %@ forward: %.1f%%).",
                           min(12, whole.count / 3), unit, check.mape, unit, check.naiveMAPE)
        }
        var result = AnalyticsResult.table(metric.rawValue, columns: ["period", "forecast", "low", "high"],
                                           rows: zip(periods, predictions).map { [.string($0), .number(AnalyticsPhrases.rounded($1.value, metric: metric)),
                                                                                  .number(AnalyticsPhrases.rounded($1.low, metric: metric)), .number(AnalyticsPhrases.rounded($1.high, metric: metric))] },
                                           from: periods.first, to: periods.last)
        result.chart = nil
        result.value = check.map { ($0.mape * 10).rounded() / 10 }
        return Reply(text: text, intent: intent, suggestions: ["Sales by \(unit) this year", "Product classes", "Reorder quantities"], result: result)
    }

    /// The series with the periods that had no sales put back as zero.
    static func fillGaps(_ points: [(String, Double)], granularity: SalesQuery.Granularity) -> [(String, Double)] {
        guard let first = points.first?.0, let last = points.last?.0 else { return [] }
        let values = Dictionary(points, uniquingKeysWith: +)
        var filled: [(String, Double)] = []
        var period = first
        while period <= last, filled.count < 5_000 {
            filled.append((period, values[period] ?? 0))
            guard let next = following(period, granularity: granularity, count: 1).first, next > period else { break }
            period = next
        }
        return filled
    }

    /// The `count` periods after `period` (`YYYY-MM-DD` days and weeks, `YYYY-MM` months).
    static func following(_ period: String, granularity: SalesQuery.Granularity, count: Int) -> [String] {
        let calendar = ShopClock.calendar
        guard let start = ShopClock.parseDay(granularity == .month ? period + "-01" : period) else { return [] }
        return (1...max(1, count)).compactMap { step in
            let date = switch granularity {
            case .day: calendar.date(byAdding: .day, value: step, to: start)
            case .week: calendar.date(byAdding: .day, value: 7 * step, to: start)
            case .month: calendar.date(byAdding: .month, value: step, to: start)
            }
            return date.map { granularity == .month ? String(ShopClock.dayString($0).prefix(7)) : ShopClock.dayString($0) }
        }
    }

    func productClasses(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let products = try await analytics.productPerformance(filter: query.filter, storeID: store.id)
        let days = Self.days(query.from, query.to)
        let classified = InsightRules.classify(products, weeks: Double(days) / 7)
        let period = AnalyticsPhrases.period(query.from, query.to)
        guard !classified.isEmpty else { return Reply(text: "No products sold \(period), so there is nothing to classify.", intent: intent, suggestions: followUps(query)) }
        let groups = Dictionary(grouping: classified, by: \.productClass)
        let counts = InsightRules.ProductClass.allCases.map { "\(groups[$0]?.count ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let heroes = (groups[.hero] ?? []).prefix(3).map(\.product.name)
        let poor = (groups[.poor] ?? []).suffix(3).map(\.product.name)
        var text = "Product classes \(period) (\(AnalyticsPhrases.count(classified.count, "product")) that sold): \(counts)."
        if !heroes.isEmpty { text += " Heroes lead with " + heroes.joined(separator: ", ") + "." }
        if !poor.isEmpty { text += " Among the poor: " + poor.joined(separator: ", ") + "." }
        text += " Hero = in the top 80% of revenue, selling at or above the median pace, with a margin at or above the median."
        let rows: [[JSONValue]] = InsightRules.ProductClass.allCases.flatMap { productClass in
            (groups[productClass] ?? []).prefix(50).map { item in
                [.string(item.product.name), .string(productClass.rawValue), .number((item.product.revenue * 100).rounded() / 100),
                 .number(item.product.units), item.product.margin.map { .number(($0 * 1000).rounded() / 10) } ?? .null, .string(item.reason)]
            }
        }
        var result = AnalyticsResult.table("product_classes", columns: ["product", "class", "revenue", "units", "margin_percent", "why"], rows: rows, from: query.from, to: query.to)
        result.chart = nil
        return Reply(text: text, intent: intent, suggestions: ["Reorder quantities", "Slow movers", "Top 10 products this month"], result: result)
    }

    func reorderPlan(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let settings = try await analytics.inventorySettings(storeID: store.id)
        var products = try await analytics.productPerformance(filter: query.filter, storeID: store.id)
        if let ids = query.filter.productIDs { products = products.filter { ids.contains($0.id) } }
        let top = Array(products.sorted { ($0.units, $1.name) > ($1.units, $0.name) }.prefix(15))
        guard let from = query.from, let to = query.to, !top.isEmpty else {
            return Reply(text: "No sales \(AnalyticsPhrases.period(query.from, query.to)) to work out reorder quantities from.", intent: intent, suggestions: followUps(query))
        }
        let daily = try await analytics.dailyUnits(productIDs: top.map(\.id), from: from, to: to, storeID: store.id)
        let days = Self.dayList(from, to)
        let plans = top.compactMap { product in
            InsightRules.reorder(product, daily: days.map { daily[product.id]?[$0] ?? 0 }, settings: settings)
        }
        let currency = store.currency
        let assumptions = "lead time \(settings.leadTimeDays) days, \(AnalyticsPhrases.money(settings.orderCost, currency: currency)) per purchase order, holding \(String(format: "%.0f", settings.holdingRate * 100))% of unit cost a year, \(String(format: "%.0f", settings.serviceLevel * 100))% service level"
        let now = plans.filter { $0.orderNow == true }
        var text = "Reorder quantities from the sales \(AnalyticsPhrases.period(from, to)) (\(assumptions); change them with PUT /api/stores/\(store.slug)/settings/inventory). "
        text += now.isEmpty ? "Nothing tracked is at its reorder point. " : "Order now: " + now.prefix(5).map {
            "\($0.product.name) (\($0.product.stock ?? 0) in stock, reorder point \($0.reorderPoint), order \($0.economicOrderQuantity))"
        }.joined(separator: "; ") + ". "
        text += "Best sellers: " + plans.prefix(3).map { "\($0.product.name): order \($0.economicOrderQuantity) when stock falls to \($0.reorderPoint)" }.joined(separator: "; ") + "."
        var result = AnalyticsResult.table("reorder", columns: ["product", "daily_demand", "order_quantity", "reorder_point", "safety_stock", "stock", "order_now"],
                                           rows: plans.map { [.string($0.product.name), .number(($0.dailyDemand * 100).rounded() / 100), .number(Double($0.economicOrderQuantity)),
                                                              .number(Double($0.reorderPoint)), .number(Double($0.safetyStock)), $0.product.stock.map { .number(Double($0)) } ?? .null,
                                                              $0.orderNow.map { .bool($0) } ?? .null] }, from: from, to: to)
        result.chart = nil
        return Reply(text: text, intent: intent, suggestions: ["Which products need restocking?", "Product classes", "Slow movers"], result: result)
    }

    /// Days from `from` to `to` inclusive, at most 400.
    static func dayList(_ from: String, _ to: String) -> [String] {
        guard let start = ShopClock.parseDay(from), let end = ShopClock.parseDay(to) else { return [] }
        var days: [String] = []
        var day = start
        while day <= end, days.count < 400, let next = ShopClock.calendar.date(byAdding: .day, value: 1, to: day) {
            days.append(ShopClock.dayString(day))
            day = next
        }
        return days
    }

    static func days(_ from: String?, _ to: String?) -> Int {
        guard let from, let to else { return 365 }
        return max(1, dayList(from, to).count)
    }
}
