import Foundation

/// How the parser recognises the owner insights (forecasts, product classes, reorder quantities,
/// risky orders, written reports) and the periods they default to.
extension QuestionParser {
    static let smallNumbers = ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twelve": 12]

    static func insightKind(words: Set<String>, has: (String) -> Bool) -> SalesQuery.Kind? {
        if !words.isDisjoint(with: ["forecast", "forecasts", "forecasting", "predict", "prediction", "predictions", "projected", "projection", "projections", "outlook"])
            || has("will we sell") || has("will sales be") || has("will revenue be") || has("expect to sell") || has("expect to make") || has("will we make")
            || ((words.contains("will") || has("going to")) && (has("next") || has("coming"))) {
            return .forecast(.week, horizon: 4)  // the horizon is read from the whole question in `insightPeriods`
        }
        if has("eoq") || has("economic order") || has("reorder quantity") || has("reorder quantities") || has("reorder point") || has("reorder points")
            || has("order quantity") || has("order quantities") || has("how much should i reorder") || has("how much to reorder")
            || has("how many should i reorder") || has("how many should i order") || has("reorder plan") || has("how much stock should i order") {
            return .reorderPlan
        }
        if has("product classes") || has("product class") || words.contains("classify") || words.contains("hero") || words.contains("heroes")
            || has("abc analysis") || has("poor performers") || has("classes of products") || has("hero products") {
            return .productClasses
        }
        if words.contains("risky") || words.contains("fraud") || words.contains("fraudulent") || words.contains("suspicious") || has("risk score")
            || has("order risk") || has("risk scores") {
            return .orderRisk
        }
        // "report" is the written report, unless it is the verb of a question that names its figure
        // ("could you report the revenue per customer…").
        // A question that names its figure is not asking for the report it will go into ("a little report for the bank: our revenue…").
        let reportAsVerb = has("report the") || has("report our") || has("report my") || has("report what") || has("report how")
        let reportAsked = words.contains("report") && !reportAsVerb
            && (metric(words: words, has: has) == nil || has("sales report") || has("weekly report") || has("monthly report") || has("report on"))
        if !words.isDisjoint(with: ["summarise", "summarize", "summary", "recap", "digest", "rundown"]) || reportAsked {
            return .report
        }
        return nil
    }

    /// "What do people buy with the cake stand?", "products customers purchase together", "bought alongside",
    /// "in the same basket": which products share orders. A verb of buying with "together", "with" or
    /// "alongside"; an order or a sale only with "together" ("orders with 2 items" counts orders).
    static func asksBoughtTogether(_ has: (String) -> Bool) -> Bool {
        let buying = ["buy", "buys", "bought", "buying", "purchase", "purchases", "purchased", "purchasing"]
        let links = ["together", "with", "alongside", "along with", "it with", "them with", "at the same time as"]
        if buying.contains(where: { verb in links.contains { has("\(verb) \($0)") } }) { return true }
        return ["ordered together", "order together", "sold together", "sell together", "go together", "goes with", "frequently bought",
                "often bought", "also buy", "also bought", "in the same order", "in the same basket", "in the same orders", "product pairs",
                "pairs of products", "paired with"].contains(where: has)
    }

    /// Forecasts read their horizon from the whole question and use all history up to today; classes
    /// and reorder quantities default to the last 90 days; a report defaults to last week, against the
    /// week before.
    static func insightPeriods(_ query: inout SalesQuery, words: [String], has: (String) -> Bool, dates: Int, today: Date) {
        let calendar = ShopClock.calendar
        switch query.kind {
        case .forecast:
            let monthly = !Set(words).isDisjoint(with: ["month", "months", "monthly", "quarter", "quarters", "year"])
            let number = words.compactMap { Int($0) }.first { (1...24).contains($0) } ?? words.compactMap { smallNumbers[$0] }.first
            let horizon = number ?? (has("next quarter") ? 3 : has("next year") ? 12 : (has("next month") || has("next week")) ? 1 : monthly ? 3 : 4)
            query.kind = .forecast(monthly ? .month : .week, horizon: min(horizon, monthly ? 12 : 26))
            query.from = nil
            query.to = ShopClock.dayString(today)
        case .productClasses, .reorderPlan:
            if dates == 0, let start = calendar.date(byAdding: .day, value: -89, to: today) {
                query.from = ShopClock.dayString(start)
                query.to = ShopClock.dayString(today)
            }
        case .report:
            if dates == 0 {
                // Last week: Monday to Sunday before the week of today.
                let weekday = (calendar.component(.weekday, from: today) + 5) % 7  // Monday 0 … Sunday 6
                if let monday = calendar.date(byAdding: .day, value: -weekday - 7, to: today), let sunday = calendar.date(byAdding: .day, value: 6, to: monday) {
                    query.from = ShopClock.dayString(monday)
                    query.to = ShopClock.dayString(sunday)
                }
            }
            if let from = query.from, let to = query.to {
                (query.compareFrom, query.compareTo) = previousPeriod(from: from, to: to)
            }
        default: break
        }
    }
}

extension QuestionParser {
    /// The names of the insights REST serves, as `GET /api/stores/{store}/insights/{name}`.
    public static let insightNames = ["forecast", "product-classes", "reorder", "risky-orders", "report", "customer-mix", "weekdays", "hours",
                                      "bought-together", "repeat-rate", "basket-size", "return-rate", "revenue-per-customer", "churn-risk"]

    /// The query an insight name stands for, with the same default periods as the question would get;
    /// nil for an unknown name. `from` and `to` are checked `YYYY-MM-DD` days or nil.
    public static func insightQuery(name: String, from: String?, to: String?, horizon: Int?, monthly: Bool, today: Date) -> SalesQuery? {
        let kind: SalesQuery.Kind
        var metric = SalesQuery.Metric.revenue
        switch name {
        case "forecast": kind = .forecast(monthly ? .month : .week, horizon: 4)
        case "product-classes": kind = .productClasses
        case "reorder": kind = .reorderPlan
        case "risky-orders": kind = .orderRisk
        case "report": kind = .report
        case "customer-mix": kind = .customerMix; metric = .customers
        case "weekdays": kind = .breakdown(.weekday); metric = .orders
        case "hours": kind = .breakdown(.hour); metric = .orders
        case "bought-together": kind = .boughtTogether(limit: 10); metric = .orders
        case "churn-risk": kind = .churnRisk
        case "repeat-rate": kind = .total; metric = .repeatRate
        case "basket-size": kind = .total; metric = .basketSize
        case "return-rate": kind = .total; metric = .returnRate
        case "revenue-per-customer": kind = .total; metric = .revenuePerCustomer
        default: return nil
        }
        var query = SalesQuery(metric: metric, kind: kind, from: from, to: from != nil ? (to ?? ShopClock.dayString(today)) : to)
        insightPeriods(&query, words: monthly ? ["months"] : [], has: { _ in false }, dates: from == nil ? 0 : 1, today: today)
        if case .forecast(let granularity, _) = query.kind, let horizon {
            query.kind = .forecast(granularity, horizon: min(horizon, granularity == .month ? 12 : 26))
        }
        query.filter.from = query.from
        query.filter.to = query.to
        return query
    }
}
