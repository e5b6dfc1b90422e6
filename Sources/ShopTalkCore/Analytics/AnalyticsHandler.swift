import Foundation

/// Owners' business questions, answered exactly from the sales data: totals, rankings, trends, best and
/// worst periods, comparisons, restock needs, slow movers, margins and churn risk. Each answer states
/// the scope and the period and carries a `result` (scalar, table or series).
public struct AnalyticsHandler: ChatHandler {
    let analytics: any SalesAnalytics
    let clock: ShopClock

    public init(analytics: any SalesAnalytics, clock: ShopClock) {
        self.analytics = analytics
        self.clock = clock
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let storeID = turn.context.store.id
        let intent = Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence)
        var working = turn
        var matcher = try await analytics.productMatcher(storeID: storeID)
        var everyOffered: [(id: Int64, name: String)] = []
        if case .productChoice(let names, let original) = state.pending {
            // The owner picked one of the products offered: "the second", or (part of) its name.
            state.pending = nil
            let words = turn.tokens.map(\.text)
            let ordinal = ["first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "1st": 0, "2nd": 1, "3rd": 2]
            let asked = ProductNameMatcher.words(turn.text).subtracting(ProductNameMatcher.words("the one please"))
            // Failing a name that holds every word, the one name sharing the most words with the answer ("the 45mm").
            let overlaps = names.map { ProductNameMatcher.words($0).intersection(asked).count }
            let closest = overlaps.max().flatMap { best in best > 0 && overlaps.filter { $0 == best }.count == 1 ? overlaps.firstIndex(of: best) : nil }
            let picked = words.compactMap { ordinal[$0] }.first.flatMap { $0 < names.count ? names[$0] : nil }
                ?? (asked.isEmpty ? nil : names.first { ProductNameMatcher.words($0).isSuperset(of: asked) })
                ?? closest.map { names[$0] }
            let all = !Set(words).isDisjoint(with: ["both", "all", "either", "together", "combined"])
            if all || picked != nil, let only = matcher.only(all ? names[0] : picked ?? names[0]) {
                // Answer the original question about the chosen product, or about all of those offered.
                working = Turn(text: original, tokens: Tokenizer.tokenize(original), intent: turn.intent,
                               entities: state.analyticsEntities ?? [], context: turn.context)
                if all { everyOffered = names.compactMap { name in matcher.id(named: name).map { ($0, name) } } }
                matcher = only
            }
            state.analyticsEntities = nil
        }
        let namedCustomer = try await analytics.customerDirectory(storeID: storeID).customerNamed(in: working)
        working.entities += namedCustomer.map { [$0] } ?? []
        let parser = QuestionParser(today: clock.today())
        switch parser.parse(working, previous: state.lastQuery, matcher: matcher) {
        case .ambiguousProduct(let phrase, let candidates):
            state.pending = .productChoice(options: candidates, question: turn.text)
            state.analyticsEntities = turn.entities
            let list = candidates.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ")
            return Reply(text: "Several products match \"\(phrase)\": \(list). Which one do you mean?", intent: intent,
                         suggestions: Array(candidates.prefix(3)))
        case .unknownProduct(let phrase, let closest):
            let hint = closest.isEmpty ? "" : " The closest names are: \(closest.joined(separator: "; "))."
            return Reply(text: "I don't know a product called \"\(phrase)\".\(hint)", intent: intent, suggestions: Array(closest.prefix(3)))
        case .query(var query):
            if everyOffered.count > 1 {
                query.filter.productIDs = everyOffered.map(\.id)
                query.filter.productLabel = everyOffered.map(\.name).joined(separator: everyOffered.count == 2 ? " and " : ", ")
            }
            if let named = namedCustomer, query.filter.customer == named.value.stringValue { query.filter.customerLabel = named.text }
            if query.filter.customer == nil || (namedCustomer == nil && working.entities.contains { $0.type == Entity.Kind.customerID }) {
                query.filter.customerLabel = nil
            }
            state.lastQuery = query
            return try await planned(query, turn: turn, intent: intent)
        }
    }

    /// The answer to `query` with its plan, and without offering the question just asked again.
    func planned(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        var reply = try await answer(query, turn: turn, intent: intent)
        let asked = Self.plain(turn.text)
        reply.suggestions = reply.suggestions.filter { Self.plain($0) != asked && !asksAgain($0, query, turn: turn) }
        let data = try await analytics.dataRange(storeID: turn.context.store.id)
        if reply.result == nil {
            reply.result = AnalyticsResult(kind: "none", metric: query.metric.rawValue, from: query.from, to: query.to)
        }
        reply.result?.plan = AnalyticsPlanner.plan(query, storeSlug: turn.context.store.slug, data: data)
        return reply
    }

    /// Answers a query built by a program (REST), as the chat would answer the question it stands for.
    public func answer(_ query: SalesQuery, context: ChatContext) async throws -> Reply {
        let turn = Turn(text: "", tokens: [], intent: Intent(name: Intent.Name.businessQuery, confidence: 1), entities: [], context: context)
        return try await planned(query, turn: turn, intent: turn.intent)
    }

    /// Lower-case letters and digits only, to tell whether two questions are the same.
    static func plain(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    func answer(_ query: SalesQuery, turn: Turn, intent: Intent) async throws -> Reply {
        let store = turn.context.store
        switch query.kind {
        case .ranking, .trend, .extreme, .breakdown, .forecast:
            guard !query.metric.isGroupable else { break }
            let name = AnalyticsPhrases.metricName(query.metric)
            return Reply(text: "I can give the \(name) for a period, for a country or for a product, but not broken down by product, customer or month. Try \"\(name) in 2011\".",
                         intent: intent, suggestions: ["\(name.capitalizedFirst) this year", "New vs returning customers this year"])
        default: break
        }
        let currency = store.currency
        let period = AnalyticsPhrases.period(query.from, query.to)
        let scope = AnalyticsPhrases.scope(query.filter)
        let metric = query.metric
        switch query.kind {
        case .customerMix, .breakdown, .boughtTogether:
            return try await insight(query, turn: turn, intent: intent)
        case .forecast(let granularity, let horizon):
            return try await forecast(query, granularity: granularity, horizon: horizon, turn: turn, intent: intent)
        case .productClasses: return try await productClasses(query, turn: turn, intent: intent)
        case .reorderPlan: return try await reorderPlan(query, turn: turn, intent: intent)
        case .orderRisk: return try await orderRisk(query, turn: turn, intent: intent)
        case .report: return try await report(query, turn: turn, intent: intent)
        case .share: return try await share(query, turn: turn, intent: intent)
        case .total:
            guard let value = try await analytics.total(metric, filter: query.filter, storeID: store.id) else {
                let reason = metric == .margin ? "cost prices are unknown for these sales, so I can't work out a margin" : "there were no orders"
                return Reply(text: "For \(scope) \(period), \(reason).", intent: intent, suggestions: followUps(query))
            }
            let text: String
            switch metric {
            case .units:
                let units = value == 1 ? "unit" : "units"
                let what = query.filter.productLabel != nil ? "\(units) of \(scope)"
                    : (query.filter.brand != nil || query.filter.category != nil) ? scope : units + (scope == "all products" ? "" : " (\(scope))")
                text = "You sold \(AnalyticsPhrases.number(value)) \(what) \(period)."
            case .revenue: text = "Revenue from \(scope) was \(AnalyticsPhrases.money(value, currency: currency)) \(period) (net of returns)."
            case .orders: text = "You had \(AnalyticsPhrases.number(value)) \(value == 1 ? "order" : "orders")\(scope == "all products" ? "" : " for \(scope)") \(period)."
            case .customers: text = "\(AnalyticsPhrases.number(value)) \(value == 1 ? "customer" : "customers") ordered\(scope == "all products" ? "" : " \(scope)") \(period)."
            case .aov: text = "The average order value for \(scope) was \(AnalyticsPhrases.money(value, currency: currency)) \(period)."
            case .margin: text = "Your profit margin on \(scope) was \(String(format: "%.1f%%", value * 100)) \(period) (revenue minus cost, over revenue)."
            case .repeatRate:
                text = "Your repeat-customer rate for \(scope) was \(String(format: "%.1f%%", value * 100)) \(period): the share of customers who ordered with two or more orders."
            case .newCustomers: text = "\(AnalyticsPhrases.number(value)) new customers placed their first order \(period)\(scope == "all products" ? "" : " (\(scope))")."
            case .basketSize: text = "The average order for \(scope) held \(AnalyticsPhrases.value(value, metric: metric, currency: currency)) items \(period) (units per order)."
            case .returnRate: text = "\(String(format: "%.1f%%", value * 100)) of invoices for \(scope) \(period) were cancellations or returns."
            case .returns:
                let what = value == 1 ? "cancellation or return" : "cancellations or returns"
                text = "\(AnalyticsPhrases.number(value)) \(what) \(scope == "all products" ? "" : "for \(scope) ")\(period)."
            case .revenuePerCustomer:
                text = "Revenue per customer for \(scope) was \(AnalyticsPhrases.money(value, currency: currency)) \(period) (revenue from identified customers over those customers)."
            }
            let shown = AnalyticsPhrases.rounded(value, metric: metric)
            return Reply(text: text, intent: intent, suggestions: followUps(query),
                         result: .scalar(metric.rawValue, shown, unit: AnalyticsPhrases.unit(metric, currency: currency), from: query.from, to: query.to))
        case .ranking(let dimension, let limit, let ascending):
            // One row more than asked shows whether the last place is shared, which the reply then says.
            var rows = try await analytics.ranking(dimension, metric: metric, filter: query.filter, limit: limit + 1, ascending: ascending, storeID: store.id)
            let tied = rows.count > limit && limit > 0 && rows[limit].1 == rows[limit - 1].1
            rows = Array(rows.prefix(limit))
            if dimension == .customer {
                let labels = try await customerLabels(rows.map(\.0), storeID: store.id)
                rows = rows.map { (labels[$0.0] ?? $0.0, $0.1) }
            }
            guard !rows.isEmpty else { return Reply(text: "No sales for \(scope) \(period).", intent: intent, suggestions: followUps(query)) }
            let label = dimension == .customer ? "customers" : dimension == .country ? "countries" : dimension == .category ? "categories" : dimension == .brand ? "brands" : "products"
            // One asked for is named in the singular and not numbered: "Your top customer by revenue …: 17450 (£4,544.48)."
            let heading = rows.count == 1 ? (dimension == .country ? "country" : dimension == .category ? "category" : String(label.dropLast()))
                : "\(rows.count) \(label)"
            let shown = rows.enumerated().map { index, row in
                (rows.count == 1 ? "" : "\(index + 1). ") + "\(row.0) (\(AnalyticsPhrases.value(row.1, metric: metric, currency: currency)))"
            }
            let text = "Your \(ascending ? "bottom" : "top") \(heading) by \(AnalyticsPhrases.metricName(metric)) \(period)\(query.filter.country.map { " in \($0)" } ?? ""): " + shown.joined(separator: "; ") + "."
                + (tied ? " Others tie with the last at \(AnalyticsPhrases.value(rows[rows.count - 1].1, metric: metric, currency: currency)); ties are listed by name." : "")
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: .table(
                metric.rawValue, columns: [dimension.rawValue, metric.rawValue],
                rows: rows.map { [.string($0.0), .number(AnalyticsPhrases.rounded($0.1, metric: metric))] }, from: query.from, to: query.to))
        case .trend(let granularity):
            let points = try await analytics.series(metric, by: granularity, filter: query.filter, storeID: store.id)
            let partial = partialPoints(points, granularity: granularity, query: query)
            // Highest and lowest among whole periods: a month still running is not the worst month.
            let whole = zip(points, partial).filter { !$0.1 }.map(\.0)
            guard let high = (whole.isEmpty ? points : whole).max(by: { $0.1 < $1.1 }), let low = (whole.isEmpty ? points : whole).min(by: { $0.1 < $1.1 }) else {
                return Reply(text: "No sales for \(scope) \(period).", intent: intent, suggestions: followUps(query))
            }
            let running = zip(points, partial).filter(\.1).map { "\(AnalyticsPhrases.label($0.0.0, granularity)) is partial (\(AnalyticsPhrases.value($0.0.1, metric: metric, currency: currency)) so far)" }
            let text = "\(AnalyticsPhrases.metricName(metric).capitalizedFirst) by \(granularity.rawValue) for \(scope) \(period): highest \(AnalyticsPhrases.label(high.0, granularity)) (\(AnalyticsPhrases.value(high.1, metric: metric, currency: currency))), lowest \(AnalyticsPhrases.label(low.0, granularity)) (\(AnalyticsPhrases.value(low.1, metric: metric, currency: currency))), over \(points.count) \(granularity.rawValue)s."
                + (running.isEmpty ? "" : " " + running.joined(separator: "; ").capitalizedFirst + ".")
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: .series(
                metric.rawValue, points: zip(points, partial).map { .init(period: $0.0.0, value: AnalyticsPhrases.rounded($0.0.1, metric: metric), partial: $0.1 ? true : nil) },
                from: query.from, to: query.to))
        case .extreme(let granularity, let best):
            let points = try await analytics.series(metric, by: granularity, filter: query.filter, storeID: store.id)
            // A month still running is never the worst month: it is left out when any whole one remains.
            let partial = partialPoints(points, granularity: granularity, query: query)
            let whole = zip(points, partial).filter { !$0.1 }.map(\.0)
            let candidates = best || whole.isEmpty ? points : whole
            guard let pick = best ? candidates.max(by: { $0.1 < $1.1 }) : candidates.min(by: { $0.1 < $1.1 }) else {
                return Reply(text: "No sales for \(scope) \(period).", intent: intent, suggestions: followUps(query))
            }
            let leftOut = best || whole.isEmpty ? [] : zip(points, partial).filter(\.1).map { AnalyticsPhrases.label($0.0.0, granularity) }
            let text = "Your \(best ? "best" : "worst") \(granularity.rawValue) for \(scope) \(period) was \(AnalyticsPhrases.label(pick.0, granularity)), with \(AnalyticsPhrases.value(pick.1, metric: metric, currency: currency)) \(metric == .units ? "units sold" : "in \(AnalyticsPhrases.metricName(metric))")."
                + (leftOut.isEmpty ? "" : " " + leftOut.joined(separator: " and ") + " is partial and left out.")
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: .table(
                metric.rawValue, columns: [granularity.rawValue, metric.rawValue], rows: [[.string(pick.0), .number(AnalyticsPhrases.rounded(pick.1, metric: metric))]],
                from: query.from, to: query.to))
        case .compare:
            if let country = query.compareCountry { return try await countries(query, against: country, turn: turn, intent: intent) }
            var other = query.filter
            other.from = query.compareFrom
            other.to = query.compareTo
            let current = try await analytics.total(metric, filter: query.filter, storeID: store.id) ?? 0
            let previous = try await analytics.total(metric, filter: other, storeID: store.id) ?? 0
            let otherPeriod = AnalyticsPhrases.period(query.compareFrom, query.compareTo)
            guard previous != 0 else {
                return Reply(text: "\(AnalyticsPhrases.metricName(metric).capitalizedFirst) for \(scope) was \(AnalyticsPhrases.value(current, metric: metric, currency: currency)) \(period), against nothing \(otherPeriod), so there is no percentage change.",
                             intent: intent, suggestions: followUps(query))
            }
            let change = (current - previous) / previous * 100
            let name = AnalyticsPhrases.metricName(metric)
            let verb = AnalyticsPhrases.verb(for: name)
            let moved = abs(change) < 0.05 ? "unchanged" : "\(change >= 0 ? "up" : "down") \(String(format: "%.1f%%", abs(change)))"
            let text = "\(name.capitalizedFirst) for \(scope) \(period) \(verb) \(AnalyticsPhrases.value(current, metric: metric, currency: currency)), against \(AnalyticsPhrases.value(previous, metric: metric, currency: currency)) \(otherPeriod): \(moved)."
                + (query.likeForLike == true ? " (The same number of days of each, since this period is not over yet.)" : "")
            var result = AnalyticsResult.scalar("change", (change * 10).rounded() / 10, unit: "%", from: query.from, to: query.to)
            result.rows = [[.string("\(query.from ?? "")…\(query.to ?? "")"), .number(current)], [.string("\(query.compareFrom ?? "")…\(query.compareTo ?? "")"), .number(previous)]]
            result.columns = ["period", metric.rawValue]
            return Reply(text: text, intent: intent, suggestions: followUps(query), result: result)
        case .restock:
            let (lines, tracked) = try await analytics.restock(storeID: store.id, today: ShopClock.dayString(clock.today()))
            guard tracked > 0 else {
                return Reply(text: "Stock levels aren't tracked for this store's products (they came from a sales import), so I can't say what needs restocking.", intent: intent, suggestions: ["Top 10 products this month", "Slow movers"])
            }
            guard !lines.isEmpty else { return Reply(text: "Nothing needs restocking: every product is above its low-stock threshold.", intent: intent, suggestions: ["Slow movers", "Top 10 products this month"]) }
            let sorted = lines.sorted { ($0.daysOfCover ?? .infinity, $0.stock) < ($1.daysOfCover ?? .infinity, $1.stock) }
            let out = sorted.filter { $0.stock <= 0 }.count
            let text = "\(sorted.count) products need restocking (\(out) out of stock). Most urgent: " + sorted.prefix(5).map { line in
                "\(line.name) (\(line.stock) left, threshold \(line.threshold)\(line.daysOfCover.map { String(format: ", %.0f days of cover", $0) } ?? ", no sales in 30 days"))"
            }.joined(separator: "; ") + "."
            return Reply(text: text, intent: intent, suggestions: ["Slow movers", "Top 10 products this month"], result: .table(
                "restock", columns: ["product", "stock", "threshold", "units_last_30_days", "days_of_cover"],
                rows: sorted.map { [.string($0.name), .number(Double($0.stock)), .number(Double($0.threshold)), .number(Double($0.unitsLast30Days)),
                                    $0.daysOfCover.map { .number(($0 * 10).rounded() / 10) } ?? .null] }, from: nil, to: nil))
        case .slowMovers(let limit):
            var filter = query.filter
            if filter.from == nil, filter.to == nil {
                filter.from = ShopClock.dayString(ShopClock.calendar.date(byAdding: .day, value: -89, to: clock.today()) ?? clock.today())
                filter.to = ShopClock.dayString(clock.today())
            }
            let rows = try await analytics.slowMovers(filter: filter, limit: limit, storeID: store.id)
            let text = "Slowest movers \(AnalyticsPhrases.period(filter.from, filter.to)): " + rows.map { "\($0.0) (\(AnalyticsPhrases.number($0.1)) units)" }.joined(separator: "; ") + "."
            return Reply(text: text, intent: intent, suggestions: ["Which products need restocking?", "Top 5 products this month"], result: .table(
                "units", columns: ["product", "units"], rows: rows.map { [.string($0.0), .number($0.1)] }, from: filter.from, to: filter.to))
        case .churnRisk:
            let days = try await analytics.customerOrderDays(filter: query.filter, storeID: store.id)
            let today = clock.today()
            var risky: [(String, Int, Double, Int)] = []
            for (customer, orderDays) in days {
                let dates = orderDays.compactMap(ShopClock.parseDay).sorted()
                guard dates.count >= 3, let last = dates.last else { continue }
                let gaps = zip(dates.dropFirst(), dates).map { $0.timeIntervalSince($1) / 86_400 }
                let usual = gaps.reduce(0, +) / Double(gaps.count)
                let silent = Int(today.timeIntervalSince(last) / 86_400)
                if Double(silent) > 2 * usual { risky.append((customer, dates.count, usual, silent)) }
            }
            risky.sort { ($0.3 - Int($0.2.rounded()), $1.0) > ($1.3 - Int($1.2.rounded()), $0.0) }
            let labels = try await customerLabels(risky.prefix(50).map(\.0), storeID: store.id)
            risky = risky.map { (labels[$0.0] ?? $0.0, $0.1, $0.2, $0.3) }
            let text = risky.isEmpty
                ? "No regular customers look at risk: everyone who ordered at least three times has ordered within twice their usual gap."
                : "\(risky.count) regular customers have gone quiet for more than twice their usual gap between orders. " + risky.prefix(5).map { "\(Int($0.0) != nil ? "Customer " : "")\($0.0): \($0.1) orders, usually every \(Int($0.2.rounded())) days, silent for \($0.3) days" }.joined(separator: "; ") + "."
            return Reply(text: text, intent: intent, suggestions: ["Who are my top 10 customers?", "Sales by month this year"], result: .table(
                "churn_risk", columns: ["customer", "orders", "usual_gap_days", "days_silent"],
                rows: risky.prefix(50).map { [.string($0.0), .number(Double($0.1)), .number($0.2.rounded()), .number(Double($0.3))] }, from: nil, to: nil))
        }
    }

    /// Two or three next questions that change one part of this one.
    func followUps(_ query: SalesQuery) -> [String] {
        var suggestions: [String] = []
        switch query.kind {
        case .total: suggestions = ["What about last year?", "Top 5 products in this period", "Sales by month this year"]
        case .ranking: suggestions = ["What about last month?", "Sales by month this year", "Which products need restocking?"]
        case .trend: suggestions = ["What was the best month?", "Top 5 products this year", "How did this month compare to last month?"]
        case .customerMix: suggestions = ["Repeat customer rate this year", "Revenue per customer this year", "Top 10 customers"]
        case .breakdown(let slot): suggestions = [slot == .weekday ? "Orders by hour of the day" : "Orders by day of the week", "Average basket size this year", "Sales by month this year"]
        case .boughtTogether: suggestions = ["Top 10 products this year", "Average basket size this year", "Which products need restocking?"]
        default: suggestions = ["What were my total sales this month?", "Top 10 customers", "Sales by month this year"]
        }
        return suggestions
    }

    /// Whether the suggestion `text`, asked next, would ask `query` again ("What about last month?" right
    /// after a question about last month).
    func asksAgain(_ text: String, _ query: SalesQuery, turn: Turn) -> Bool {
        let today = clock.today()
        let entities = EntityExtractor().extract(text, vocabulary: CatalogVocabulary(brands: [], categories: [], colors: []),
                                                 currency: turn.context.store.currency, today: today)
        let next = Turn(text: text, tokens: Tokenizer.tokenize(text), intent: turn.intent, entities: entities, context: turn.context)
        guard case .query(let again) = QuestionParser(today: today).parse(next, previous: query, matcher: ProductNameMatcher(products: [])) else { return false }
        return again.kind == query.kind && again.metric == query.metric && again.from == query.from && again.to == query.to
            && again.compareFrom == query.compareFrom && again.filter.country == query.filter.country && again.filter.productIDs == query.filter.productIDs
    }
}

