import Foundation

/// Order risk and the written report of a period.
extension AnalyticsHandler {
    func orderRisk(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let since = ShopClock.calendar.date(byAdding: .day, value: -30, to: clock.today()) ?? clock.today()
        let orders = try await analytics.recentOrders(since: since, storeID: store.id)
        guard !orders.isEmpty else {
            return Reply(text: "No orders were placed in the last 30 days, so there is nothing to score.", intent: intent, suggestions: followUps(query))
        }
        let usual = orders.reduce(0.0) { $0 + $1.total } / Double(orders.count)
        let scored = orders.map { order in (order, InsightRules.risk(order, usualOrder: usual)) }
            .sorted { ($0.1.score, $1.0.number) > ($1.1.score, $0.0.number) }
        let risky = scored.filter { $0.1.score >= 40 }
        let currency = store.currency
        func line(_ item: (OrderRiskFacts, (score: Int, reasons: [String]))) -> String {
            "\(item.0.number) (\(item.1.score): \(item.1.reasons.isEmpty ? "nothing unusual" : item.1.reasons.joined(separator: ", ")))"
        }
        var text: String
        if risky.isEmpty {
            text = "None of the \(AnalyticsPhrases.count(orders.count, "order")) of the last 30 days scores 40 or more."
            if let top = scored.first { text += " The highest is " + line(top) + "." }
        } else {
            text = "\(risky.count) of \(AnalyticsPhrases.count(orders.count, "order")) of the last 30 days look risky (40 or more of 100): "
                + risky.prefix(5).map(line).joined(separator: "; ") + "."
        }
        text += " The usual order is \(AnalyticsPhrases.money(usual, currency: currency))."
        var result = AnalyticsResult.table("risk_score", columns: ["order", "risk_score", "placed", "total", "reasons"],
                                           rows: scored.prefix(50).map { item in
                                               [.string(item.0.number), .number(Double(item.1.score)), .string(ShopClock.dayString(item.0.placedAt)),
                                                .number((item.0.total * 100).rounded() / 100), .string(item.1.reasons.joined(separator: "; "))]
                                           }, from: ShopClock.dayString(since), to: ShopClock.dayString(clock.today()))
        result.chart = nil
        return Reply(text: text, intent: intent, suggestions: ["Summarise last week", "Top 10 customers", "Which products need restocking?"], result: result)
    }

    func report(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let currency = store.currency
        guard let from = query.from, let to = query.to else { return try await answer(SalesQuery(metric: .revenue, kind: .total), turn: turn, intent: intent) }
        let (previousFrom, previousTo) = (query.compareFrom ?? from, query.compareTo ?? to)
        var now = query.filter
        now.from = from
        now.to = to
        var before = query.filter
        before.from = previousFrom
        before.to = previousTo
        let metrics: [SalesQuery.Metric] = [.revenue, .orders, .aov, .units, .customers, .newCustomers, .returnRate]
        var figures: [(SalesQuery.Metric, Double?, Double?)] = []
        for metric in metrics {
            figures.append((metric, try await analytics.total(metric, filter: now, storeID: store.id), try await analytics.total(metric, filter: before, storeID: store.id)))
        }
        let products = try await analytics.ranking(.product, metric: .revenue, filter: now, limit: 3, ascending: false, storeID: store.id)
        let countries = try await analytics.ranking(.country, metric: .revenue, filter: now, limit: 1, ascending: false, storeID: store.id)
        func value(_ metric: SalesQuery.Metric) -> Double { figures.first { $0.0 == metric }?.1 ?? 0 }
        func change(_ metric: SalesQuery.Metric) -> String {
            guard let entry = figures.first(where: { $0.0 == metric }), let current = entry.1, let previous = entry.2, previous != 0 else { return "" }
            let percent = (current - previous) / abs(previous) * 100
            return String(format: " (%@ %.1f%% on the period before)", percent >= 0 ? "up" : "down", abs(percent))
        }
        let revenue = value(.revenue)
        let orderCount = AnalyticsPhrases.count(Int(exactly: value(.orders).rounded()) ?? 0, "order")
        let customerCount = AnalyticsPhrases.count(Int(exactly: value(.customers).rounded()) ?? 0, "customer")
        var text = "Summary \(AnalyticsPhrases.period(from, to)): revenue \(AnalyticsPhrases.money(revenue, currency: currency))\(change(.revenue)), "
        text += "\(orderCount)\(change(.orders)) averaging \(AnalyticsPhrases.money(value(.aov), currency: currency)), "
        text += "\(AnalyticsPhrases.number(value(.units))) units. "
        text += "\(customerCount) ordered, \(AnalyticsPhrases.number(value(.newCustomers))) of them new."
        if !products.isEmpty {
            text += " Best sellers by revenue: " + products.map { "\($0.0) (\(AnalyticsPhrases.money($0.1, currency: currency)))" }.joined(separator: ", ") + "."
        }
        if let country = countries.first, revenue > 0 {
            text += " Top market: \(country.0) (\(String(format: "%.0f%%", country.1 / revenue * 100)) of revenue)."
        }
        text += String(format: " Returns and cancellations: %.1f%% of invoices.", value(.returnRate) * 100)
        var result = AnalyticsResult.table("report", columns: ["figure", "this_period", "period_before"], rows: figures.map { metric, current, previous in
            [.string(AnalyticsPhrases.metricName(metric)), current.map { .number(AnalyticsPhrases.rounded($0, metric: metric)) } ?? .null,
             previous.map { .number(AnalyticsPhrases.rounded($0, metric: metric)) } ?? .null]
        }, from: from, to: to)
        result.chart = nil
        return Reply(text: text, intent: intent, suggestions: ["Top 10 products this month", "Forecast revenue for the next 4 weeks", "Which orders look risky?"], result: result)
    }
}
