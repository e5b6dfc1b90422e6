import Foundation

extension AnalyticsHandler {
    /// The filtered part's share of all sales in the period: "what percentage of our revenue comes from the US?".
    func share(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        var whole = query.filter
        (whole.country, whole.productIDs, whole.productLabel, whole.brand, whole.category, whole.customer) = (nil, nil, nil, nil, nil, nil)
        let period = AnalyticsPhrases.period(query.from, query.to)
        let name = AnalyticsPhrases.metricName(query.metric)
        guard whole != query.filter else {
            return Reply(text: "A share needs a part to measure: name a country, product, brand, category or customer, as in \"what percentage of revenue came from Germany this year?\"",
                         intent: intent, suggestions: ["Top 5 countries by revenue this year", "Top 5 products this year"])
        }
        let part = try await analytics.total(query.metric, filter: query.filter, storeID: store.id) ?? 0
        let all = try await analytics.total(query.metric, filter: whole, storeID: store.id) ?? 0
        guard all > 0 else {
            return Reply(text: "There were no \(name) \(period), so there is no share to give.", intent: intent, suggestions: followUps(query))
        }
        let percent = part / all * 100
        let value = { (amount: Double) in AnalyticsPhrases.value(amount, metric: query.metric, currency: store.currency) }
        let scope = AnalyticsPhrases.scope(query.filter)
        let named = scope.hasPrefix("all products") ? "sales" + scope.dropFirst("all products".count) : scope
        let text = "\(named.capitalizedFirst) made up \(String(format: "%.1f%%", percent)) of \(name) \(period): "
            + "\(value(part)) of \(value(all))."
        var reply = Reply(text: text, intent: intent, suggestions: followUps(query))
        var result = AnalyticsResult.scalar("share", (percent * 10).rounded() / 10, unit: "%", from: query.from, to: query.to)
        result.columns = ["part", query.metric.rawValue]
        result.rows = [[.string(AnalyticsPhrases.scope(query.filter)), .number(part)], [.string("all"), .number(all)]]
        reply.result = result
        return reply
    }

    /// Two countries over one period: "Revenue between 1 Jan and 10 Dec 2011 was £12,892.58 in Germany against
    /// £12,109.77 in France: 6.5% higher in Germany than in France."
    func countries(_ query: SalesQuery, against otherCountry: String, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        let metric = query.metric
        var other = query.filter
        other.country = otherCountry
        let first = query.filter.country ?? ""
        let mine = try await analytics.total(metric, filter: query.filter, storeID: store.id) ?? 0
        let theirs = try await analytics.total(metric, filter: other, storeID: store.id) ?? 0
        let name = AnalyticsPhrases.metricName(metric)
        let verb = AnalyticsPhrases.verb(for: name)
        let value = { (amount: Double) in AnalyticsPhrases.value(amount, metric: metric, currency: store.currency) }
        var text = "\(name.capitalizedFirst) \(AnalyticsPhrases.period(query.from, query.to)) \(verb) \(value(mine)) in \(first) against \(value(theirs)) in \(otherCountry)"
        var result = AnalyticsResult.scalar("change", 0, unit: "%", from: query.from, to: query.to)
        if theirs != 0 {
            let change = (mine - theirs) / theirs * 100
            text += abs(change) < 0.05 ? ": the same in both."
                : String(format: ": %.1f%% %@ in %@ than in %@.", abs(change), change > 0 ? "higher" : "lower", first, otherCountry)
            result.value = (change * 10).rounded() / 10
        } else {
            text += ", so there is no percentage between them."
            result.value = nil
        }
        result.columns = ["country", metric.rawValue]
        result.rows = [[.string(first), .number(mine)], [.string(otherCountry), .number(theirs)]]
        return Reply(text: text, intent: intent, suggestions: followUps(query), result: result)
    }
}
