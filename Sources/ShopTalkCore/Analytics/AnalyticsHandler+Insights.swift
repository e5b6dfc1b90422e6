import Foundation

/// Answers for customer and basket views: new against returning customers, sales by weekday or hour,
/// and products bought together; and the parts every answer shares (partial periods, customer names).
extension AnalyticsHandler {
    static let weekdays = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    func insight(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let currency = store.currency
        let period = AnalyticsPhrases.period(query.from, query.to)
        let scope = AnalyticsPhrases.scope(query.filter)
        switch query.kind {
        case .customerMix:
            let mix = try await analytics.customerMix(filter: query.filter, storeID: store.id)
            let all = mix.newCustomers + mix.returningCustomers
            guard all > 0 else { return Reply(text: "No identified customers ordered \(scope) \(period).", intent: intent, suggestions: followUps(query)) }
            let share = Double(mix.newCustomers) / Double(all) * 100
            let text = "\(AnalyticsPhrases.count(mix.newCustomers, "new customer")) (first order ever) and \(AnalyticsPhrases.count(mix.returningCustomers, "returning customer")) ordered \(scope) \(period): "
                + String(format: "%.1f%% new. ", share)
                + "New customers brought \(AnalyticsPhrases.money(mix.newRevenue, currency: currency)), returning ones \(AnalyticsPhrases.money(mix.returningRevenue, currency: currency))."
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: .table(
                "customers", columns: ["segment", "customers", "revenue"],
                rows: [[.string("new"), .number(Double(mix.newCustomers)), .number((mix.newRevenue * 100).rounded() / 100)],
                       [.string("returning"), .number(Double(mix.returningCustomers)), .number((mix.returningRevenue * 100).rounded() / 100)]],
                from: query.from, to: query.to))
        case .breakdown(let slot):
            let values = try await analytics.breakdown(query.metric, by: slot, filter: query.filter, storeID: store.id)
            guard let best = values.max(by: { $0.1 < $1.1 }), let worst = values.min(by: { $0.1 < $1.1 }) else {
                return Reply(text: "No sales for \(scope) \(period).", intent: intent, suggestions: followUps(query))
            }
            func name(_ value: Int) -> String {
                slot == .weekday ? (Self.weekdays.indices.contains(value) ? Self.weekdays[value] : "\(value)") : String(format: "%02d:00", value)
            }
            let what = query.metric == .units ? "Units sold" : AnalyticsPhrases.metricName(query.metric).capitalizedFirst
            let text = "\(what) by \(slot == .weekday ? "day of the week" : "hour of the day (UTC)") for \(scope) \(period): "
                + "busiest \(name(best.0)) (\(AnalyticsPhrases.value(best.1, metric: query.metric, currency: currency))), "
                + "quietest \(name(worst.0)) (\(AnalyticsPhrases.value(worst.1, metric: query.metric, currency: currency)))"
                + (slot == .weekday && values.count < 7 ? "; no sales at all on " + (1...7).filter { day in !values.contains { $0.0 == day } }.map(name).joined(separator: ", ") : "")
                + "."
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: .table(
                query.metric.rawValue, columns: [slot.rawValue, query.metric.rawValue],
                rows: values.map { [.string(name($0.0)), .number(AnalyticsPhrases.rounded($0.1, metric: query.metric))] }, from: query.from, to: query.to))
        case .boughtTogether(let limit):
            let pairs = try await analytics.boughtTogether(filter: query.filter, limit: limit, storeID: store.id)
            guard !pairs.isEmpty else {
                let what = query.filter.productLabel.map { "with \($0)" } ?? "together"
                return Reply(text: "No products were bought \(what) \(period).", intent: intent, suggestions: followUps(query))
            }
            let text: String
            if let label = query.filter.productLabel {
                text = "Most often in the same order as \(label) \(period): " + pairs.enumerated().map {
                    "\($0.offset + 1). \($0.element.1) (\(AnalyticsPhrases.count($0.element.2, "order")))"
                }.joined(separator: "; ") + "."
            } else {
                text = "Products most often bought together \(period): " + pairs.prefix(5).enumerated().map {
                    "\($0.offset + 1). \($0.element.0) + \($0.element.1) (\(AnalyticsPhrases.count($0.element.2, "order")))"
                }.joined(separator: "; ") + "."
            }
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: .table(
                "orders", columns: ["product", "bought_with", "orders"],
                rows: pairs.map { [.string($0.0), .string($0.1), .number(Double($0.2))] }, from: query.from, to: query.to))
        default:
            return try await answer(query, turn: turn, intent: intent)
        }
    }

    /// Which points of a series cover a period that is not over yet, or only part of the asked range:
    /// a month still running is "so far", not a drop.
    func partialPoints(_ points: [(String, Double)], granularity: SalesQuery.Granularity, query: SalesQuery) -> [Bool] {
        let calendar = ShopClock.calendar
        let today = ShopClock.dayString(clock.today())
        let end = min(query.to ?? today, today)
        return points.map { point in
            let start: Date?
            let last: Date?
            switch granularity {
            case .day:
                start = ShopClock.parseDay(point.0)
                last = start
            case .week:
                start = ShopClock.parseDay(point.0)
                last = start.flatMap { calendar.date(byAdding: .day, value: 6, to: $0) }
            case .month:
                start = ShopClock.parseDay(point.0 + "-01")
                last = start.flatMap { calendar.date(byAdding: .month, value: 1, to: $0) }.flatMap { calendar.date(byAdding: .day, value: -1, to: $0) }
            }
            guard let start, let last else { return false }
            return ShopClock.dayString(last) > end || (query.from.map { ShopClock.dayString(start) < $0 } ?? false)
        }
    }

    /// "Ana Silva (10001)" where the store knows the customer's name; the id alone for others.
    func customerLabels(_ ids: [String], storeID: Int64) async throws -> [String: String] {
        let names = try await analytics.customerNames(ids, storeID: storeID)
        return Dictionary(ids.map { id in (id, names[id].map { "\($0) (\(id))" } ?? id) }, uniquingKeysWith: { first, _ in first })
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
