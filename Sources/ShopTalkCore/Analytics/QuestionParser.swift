import Foundation

/// Parses an owner's question into a `SalesQuery`, using the entities already found (periods, brands,
/// categories, countries, customer ids, products) and the words of the question. A follow-up ("and in
/// Germany?", "what about last year?") reuses the previous query with the part it names changed.
public struct QuestionParser: Sendable {
    /// The outcome: a query to run, or a question back to the owner.
    public enum Outcome: Sendable {
        case query(SalesQuery)
        case ambiguousProduct(phrase: String, candidates: [String])
        case unknownProduct(phrase: String, closest: [String])
    }

    /// Words that say how to ask, not what about; what remains may name a product.
    static let questionWords: Set<String> = [
        "how", "many", "much", "did", "do", "does", "we", "i", "my", "our", "us", "you", "sell", "sold", "selling", "sells",
        "of", "the", "a", "an", "in", "on", "at", "for", "to", "from", "between", "and", "or", "what", "whats", "what's",
        "was", "were", "is", "are", "be", "been", "total", "sales", "sale", "revenue", "units", "unit", "orders", "order",
        "customers", "customer", "show", "me", "give", "tell", "get", "made", "make", "earn", "earned", "number", "count",
        "by", "per", "each", "every", "month", "months", "week", "weeks", "day", "days", "year", "years", "quarter",
        "top", "best", "worst", "most", "least", "which", "who", "where", "products", "product", "items", "item",
        "countries", "country", "categories", "category", "brands", "brand", "trend", "monthly", "weekly", "daily",
        "compare", "compared", "vs", "versus", "against", "with", "than", "about", "same", "so", "far", "this", "last",
        "previous", "past", "over", "since", "until", "through", "overall", "all", "time", "ever", "please", "pls",
        "margin", "profit", "average", "value", "aov", "basket", "restock", "reorder", "stock", "need", "needs",
        "restocking", "low", "slow", "movers", "moving", "churn", "risk", "were", "have", "has", "had", "it", "its",
        "do", "go", "went", "doing", "perform", "performed", "performance", "figures", "numbers", "report", "quantity",
        "quantities", "pieces", "revenues", "turnover", "takings", "income", "money", "spent", "spend", "bought", "buy",
        "buys", "purchased", "up", "there", "that", "those", "these", "any", "some", "ones", "one", "many", "amount",
        "gross", "net", "whole", "entire", "period", "range", "date", "dates", "so", "far", "ytd", "mtd", "today",
        "yesterday", "now", "currently", "current", "still", "yet", "again", "also", "too", "like", "look", "looks",
        "looking", "sell-through", "highest", "lowest", "biggest", "smallest", "busiest", "quietest", "performing",
        "performers", "sellers", "seller", "popular", "ranking", "rank", "ranked", "best-selling", "bestsellers", "and",
        "ordered", "ordering", "churning", "churned", "quiet", "gone", "lost", "regular", "buyers", "stopped", "value",
        "figure", "spent", "risk", "at", "much", "who've", "whove", "haven't", "havent", "while", "recently", "new",
        "returning", "unique", "distinct", "cancelled", "returns", "returned", "refunds", "refunded", "business", "shop",
        "store", "doing", "going", "well", "better", "worse", "growth", "grow", "grew", "up", "down", "change", "changed",
        "breakdown", "split", "summary", "overview", "dashboard", "each", "per", "every", "week's", "month's", "year's",
        "repeat", "rate", "retention", "loyal", "again", "once", "twice", "mix", "weekday", "weekdays", "hour", "hours",
        "hourly", "together", "alongside", "along", "often", "frequently", "also", "pairs", "paired", "combinations",
        "size", "cancellations", "cancellation", "purchases", "purchase", "when", "busy", "busiest", "quietest", "lifetime",
    ]

    let today: Date

    public init(today: Date) {
        self.today = today
    }

    public func parse(_ typed: Turn, previous: SalesQuery?, matcher: ProductNameMatcher) -> Outcome {
        // Sentences about the owner's life go first ("We opened in 2009. How many customers …?").
        let stated = Self.withoutContext(typed)
        let correction = Self.correctionMarker(stated.tokens)
        let turn = Self.correcting(stated, at: correction)
        let words = turn.tokens.filter { $0.kind != .symbol }.map(\.text)
        let set = Set(words)
        let text = " " + words.joined(separator: " ") + " "
        func has(_ phrase: String) -> Bool { text.contains(" \(phrase) ") }
        // Talk around the question ("quick one before my meeting —") is set apart from the question proper,
        // whose words decide the kind of answer and come first for the metric and the period.
        let parts = Self.parts(of: turn, matcher: matcher)
        let mainTokens = turn.tokens.filter { $0.kind != .symbol && parts?.main.contains($0.start) != false }
        let mainText = " " + mainTokens.map(\.text).joined(separator: " ") + " "
        func hasMain(_ phrase: String) -> Bool { mainText.contains(" \(phrase) ") }
        // A figure taken back ("not units, revenue", "revenue rather than units") is not asked for.
        let negated = Self.negatedWords(words).union(Self.correctedWords(turn, at: correction))
        let kept = { (tokens: [String]) in tokens.filter { !negated.contains($0) } }
        let mainKept = " " + kept(mainTokens.map(\.text)).joined(separator: " ") + " ", allKept = " " + kept(words).joined(separator: " ") + " "
        let mainMetric = Self.metric(words: Set(kept(mainTokens.map(\.text))), has: { mainKept.contains(" \($0) ") })
        let wholeMetric = Self.metric(words: Set(kept(words)), has: { allKept.contains(" \($0) ") })
        // A bare "how many" in the question proper counts what the rest names ("new customers who never
        // ordered before, how many in October?").
        let bareCount = mainMetric == .units && Set(mainTokens.map(\.text)).isDisjoint(with: Self.unitWords)
        // "On a typical order from Germany, how much does a customer spend?": a clause beside the question proper
        // narrows its money to what one order, or one customer, comes to.
        let narrowed = mainMetric == .revenue && [.aov, .revenuePerCustomer].contains(wholeMetric)
        let namedMetric = bareCount || narrowed ? wholeMetric ?? mainMetric : mainMetric ?? wholeMetric
        // "February against the same month last year": "last year" says which February, not a period of its own.
        let sameLastYear = has("last year") && (has("same month") || has("same week") || has("same quarter") || has("same day") || has("same time") || has("this time"))
        let (dateEntities, asked) = Self.askedPeriods(turn, main: parts?.main, sameLastYear: sameLastYear)
        var dates = asked
        // Words inside a period ("last month") say when, not how to group: "what sold best last month?"
        // ranks products, it does not look for the best month.
        let periodSpans = dateEntities.map { $0.start..<$0.end }
        // Words taken back ("the average, not the biggest") rank nothing.
        let outsidePeriods = { (tokens: [Token]) in
            Set(tokens.filter { token in !periodSpans.contains { $0.contains(token.start) } }.map(\.text)).subtracting(negated)
        }
        var grouping = outsidePeriods(mainTokens)
        // "which products did Spanish customers buy most": the customers are a filter, the products the ranking.
        if !grouping.isDisjoint(with: ["products", "product", "items", "lines"]), Self.peopleAfterCountry(turn) {
            grouping.subtract(["customers", "customer", "buyers"])
        }
        let filters = Set(turn.entities.map(\.type))
        // "top 5 products for customer 12748": the customer named by number is a filter; one customer is no ranking.
        if filters.contains(Entity.Kind.customerID) { grouping.subtract(["customer", "customers", "client", "clients", "account", "shopper", "buyer"]) }
        // "off the top of my head" ranks nothing.
        if has("top of my head") || has("top of your head") { grouping.remove("top") }
        // "since day one" is all the time there is, not a ranking of days.
        if has("day one") || has("day 1") { grouping.remove("day") }

        // A short message that names its own figure and period ("orders yesterday") is a new question.
        let isFollowUp = previous != nil && (words.first == "and" || has("what about") || has("how about") || has("same for")
            || has("and for") || has("and in") || has("before that") || words.last == "before" || words.contains("instead")
            || (words.last == "then" && words.count <= 5) || (words.count <= 4 && !turn.entities.isEmpty && !(namedMetric != nil && !dates.isEmpty)
                && Self.kind(words: grouping, has: hasMain, dates: dates.count, filters: filters) == nil))
        var query: SalesQuery
        if isFollowUp, let previous {
            query = previous
            // "and the month before?", "the week before that": the period just before; "same week last year".
            if let from = previous.from, let to = previous.to {
                if has("last year"), !set.isDisjoint(with: ["same", "that"]) { dates = [Self.yearBefore(from: from, to: to)] }
                else if dates.isEmpty, has("before") || has("prior") || has("previous one") { dates = [Self.periodBefore(from: from, to: to, words: set)] }
            }
            if let metric = namedMetric { query.metric = metric }
            if let kind = Self.kind(words: grouping, has: hasMain, dates: dates.count, filters: filters) { query.kind = kind }
        } else {
            var kind = Self.kind(words: grouping, has: hasMain, dates: dates.count, filters: filters) ?? .total
            // "Who are the front-runners among our customers in Ireland? Top 2 by spend.": the question proper
            // ranks, and the talk beside it says what.
            // So does "Our weakest month in 2011, by takings?": the month asked for is in the talk before the metric.
            if kind == .total, parts != nil {
                let ranks = !grouping.isDisjoint(with: ["top", "best", "most", "biggest", "highest", "leading", "largest"])
                // Only a fragment ("by takings?"), never a question of its own beside a sentence about a best month.
                let fragment = mainTokens.count <= 4 && !["how", "what", "what's", "whats", "which", "who", "when"].contains(mainTokens.first?.text ?? "")
                switch Self.kind(words: outsidePeriods(turn.tokens), has: has, dates: dates.count, filters: filters) {
                case .some(let whole) where { if case .ranking = whole { return ranks }; if case .extreme = whole { return fragment }; return false }():
                    kind = whole
                default: break
                }
            }
            // Without a metric word, a total or comparison that names customers counts them ("custs in oct",
            // "were more customers buying in May than in April?").
            var metric = namedMetric ?? (set.contains("customers") || set.contains("people") ? .customers : .revenue)
            if case .ranking(let dimension, _, _) = kind, namedMetric == nil {
                metric = dimension == .product || dimension == .category || dimension == .brand ? .units : .revenue
            }
            if case .slowMovers = kind { metric = .units }
            if case .breakdown = kind, namedMetric == nil { metric = .orders }
            if case .customerMix = kind { metric = .customers }
            // "what percentage of our revenue comes from the US?": a part of a total, not a change.
            let shared = has("percentage of") || has("percent of") || has("share of") || has("proportion of") || has("fraction of")
            let kindOfShare = kind == .total || kind == .compare
            if kindOfShare, shared, [.revenue, .units, .orders].contains(metric), dates.count <= 1 { query = SalesQuery(metric: metric, kind: .share) }
            else {
            if case .boughtTogether = kind { metric = .orders }
            query = SalesQuery(metric: metric, kind: kind)
            }
        }
        Self.setPeriods(&query, dates: dates, turn: turn, has: has, sameLastYear: sameLastYear, today: today)
        Self.insightPeriods(&query, words: words, has: has, dates: dates.count, today: today)
        // Filters named in this message replace those of a follow-up's previous question.
        if let brand = turn.entity(Entity.Kind.brand)?.value.stringValue { query.filter.brand = brand }
        if let category = turn.entity(Entity.Kind.category)?.value.stringValue { query.filter.category = category }
        if let country = turn.entity(Entity.Kind.country)?.value.stringValue { query.filter.country = country }
        if let customer = turn.entity(Entity.Kind.customerID)?.value.stringValue { query.filter.customer = customer }
        if turn.entity(Entity.Kind.country) == nil, let country = Self.demonym(in: words) {
            query.filter.country = country
        }
        // A country named in a ranking of countries is one to look for in it, not the only row.
        if case .ranking(.country, _, _) = query.kind { query.filter.country = nil }
        Self.twoCountries(&query, turn: turn, words: set, dates: dates.count)
        if let question = Self.product(in: turn, query: &query, asides: parts?.asides ?? [], correction: correction, matcher: matcher) { return question }
        if query.from == PeriodParser.openStartDay { query.from = nil }
        if query.compareFrom == PeriodParser.openStartDay { query.compareFrom = nil }
        if query.from != nil, query.to == nil { query.to = ShopClock.dayString(today) }
        query.filter.from = query.from
        query.filter.to = query.to
        return .query(query)
    }

    static func kind(words: Set<String>, has: (String) -> Bool, dates: Int, filters: Set<String> = []) -> SalesQuery.Kind? {
        if let insight = insightKind(words: words, has: has) { return insight }
        if !words.isDisjoint(with: ["restock", "restocking", "reorder", "re-order", "replenish"]) || has("low on stock") || has("running low")
            || has("run out") || has("running out") || has("low stock") || has("days of cover") || has("stock levels") || words.contains("inventory") {
            return .restock
        }
        if has("slow movers") || has("slow moving") || has("not selling") || has("aren't selling") || has("arent selling")
            || has("isn't selling") || has("dead stock") || has("slow sellers") { return .slowMovers(limit: 10) }
        if asksBoughtTogether(has) {
            let limit = words.compactMap { Int($0) }.first { (1...50).contains($0) }
                ?? words.compactMap { ["three": 3, "five": 5, "ten": 10, "twenty": 20][$0] }.first ?? 10
            return .boughtTogether(limit: limit)
        }
        if (words.contains("new") && !words.isDisjoint(with: ["returning", "existing", "repeat", "old", "already"]) && !words.isDisjoint(with: ["customers", "buyers", "clients", "shoppers"]))
            || has("returning customers") || has("new and returning") || has("new versus returning") || has("new vs returning")
            // "of the customers who ordered, how many were new and how many returning".
            || (words.contains("new") && words.contains("returning"))
            // "how many were first-timers and how many had bought before".
            // "new customers that never bought from us before" are only the new ones.
            || ((words.contains("new") || words.contains("first-time") || words.contains("first-timers") || has("first time"))
                && words.isDisjoint(with: ["never", "not"]) && (has("bought before") || has("ordered before") || has("bought from us before") || has("ordered from us before")
                    || words.contains("existing") || has("repeat customers") || has("came back") || has("come back"))) {
            return .customerMix
        }
        if has("day of the week") || has("days of the week") || has("day of week") || words.contains("weekday") || words.contains("weekdays") {
            return .breakdown(.weekday)
        }
        if has("hour of the day") || has("time of day") || has("time of the day") || has("by hour") || has("per hour") || has("each hour")
            || words.contains("hourly") || has("what time") || has("which hour") || has("busiest hour") || has("busiest hours") {
            return .breakdown(.hour)
        }
        if words.contains("churn") || words.contains("churning") || has("at risk") || has("haven't ordered") || has("havent ordered")
            || has("stopped ordering") || has("stopped buying") || words.contains("lapsed") || has("gone quiet") || has("inactive customers") {
            return .churnRisk
        }
        if dates >= 2 || words.contains("compare") || words.contains("compared") || words.contains("vs") || words.contains("versus")
            || has("better than") || has("worse than") || has("growth") || has("change from") || has("change in") || has("percentage change")
            || has("percent change") || words.contains("changed") || has("tracking against") || has("track against")
            || words.contains("percentage-wise") || has("compare with") || has("up on") || has("down on")
            || has("stack up") || has("stacks up") || has("stacked up") || has("measure up") || has("measures up") || has("shape up")
            // "of how much percent did it grow", "Q2 against Q1".
            // "how much did sales move, as a percentage".
            || (!words.isDisjoint(with: ["percent", "percentage"])
                && !words.isDisjoint(with: Self.changeWords.union(["up", "down", "higher", "lower", "move", "moved", "shift", "shifted", "swing", "swung"])))
            || (words.contains("against") && dates >= 1) {
            return .compare
        }
        let granularity: SalesQuery.Granularity? = !words.isDisjoint(with: ["month", "months", "monthly"]) ? .month
            : !words.isDisjoint(with: ["week", "weeks", "weekly"]) ? .week
            : !words.isDisjoint(with: ["day", "days", "daily"]) ? .day : nil
        // "which month had the most invoices", "what week saw the least revenue".
        let asksWhich = granularity.map { unit in ["which", "what"].contains { has("\($0) \(unit.rawValue)") } } ?? false
        // Idioms of leagues and charts: "top of the table", "pole position", "front-runners", "chart-toppers".
        let leads = has("top of the table") || has("pole position") || has("lead the way") || has("leads the way") || has("heavy hitters")
            || !words.isDisjoint(with: ["front-runners", "front-runner", "frontrunners", "chart-toppers", "chart-topper", "podium", "mvp", "leader", "leaders"])
        let best = leads || !words.isDisjoint(with: ["best", "highest", "biggest", "largest", "busiest", "strongest", "top", "fastest", "quickest", "leading",
                                            "highest-grossing", "top-grossing", "top-selling", "best-performing", "top-performing"])
            || has("number one") || has("number 1") || has("no 1") || has("flew off") || has("fly off") || has("flying off")
            || has("high point") || !words.isDisjoint(with: ["peak", "high-point"]) || asksWhich && words.contains("most")
        // The other end of the table: "the low point", "our relegation month", "rock bottom", "the wooden spoon".
        let worst = !words.isDisjoint(with: ["worst", "lowest", "quietest", "weakest", "slowest", "fewest", "relegation", "low-point", "nadir", "trough"])
            || asksWhich && words.contains("least")
            || has("low point") || has("rock bottom") || has("rock-bottom") || has("wooden spoon") || has("bottom of the table")
        if let granularity, (best || worst), !words.isDisjoint(with: ["month", "week", "day"]),
           words.isDisjoint(with: ["products", "product", "items", "customers", "countries", "categories", "brands"]) {
            return .extreme(granularity, best: !worst)
        }
        if let granularity, has("each \(granularity.rawValue)") || has("by \(granularity.rawValue)") || has("per \(granularity.rawValue)")
            || words.contains("monthly") || words.contains("weekly") || words.contains("daily") || words.contains("trend") || has("over time")
            || has("\(granularity.rawValue) by \(granularity.rawValue)") {
            return .trend(granularity)
        }
        if words.contains("trend") || has("over time") { return .trend(.month) }
        // "people" names customers only when nothing else is ranked ("the countries where people spent most").
        let people = words.contains("people") && words.isDisjoint(with: ["countries", "country", "markets", "products", "product", "items",
                                                                        "item", "categories", "brands", "sellers", "lines"])
        // "who's winning among products" ranks the products.
        let who = !words.isDisjoint(with: ["who's", "whos"]) && words.isDisjoint(with: ["products", "product", "items", "countries", "categories", "brands"])
        let dimension: SalesQuery.Dimension? = (!words.isDisjoint(with: ["customers", "customer", "buyers", "clients", "spenders", "who"]) || who || people)
            && !words.contains("many") ? .customer
            : !words.isDisjoint(with: ["countries", "country", "markets", "where"]) ? .country
            // A singular "category" or "brand" groups unless the question names one ("in the shoes category").
            : words.contains("categories") || (words.contains("category") && !filters.contains(Entity.Kind.category)) ? .category
            : words.contains("brands") || (words.contains("brand") && !filters.contains(Entity.Kind.brand)) ? .brand
            : !words.isDisjoint(with: ["products", "product", "items", "item", "sellers", "bestsellers", "skus", "lines", "movers", "chart-toppers", "chart-topper"]) || has("best selling") || has("best-selling")
                || has("what sold") || has("what sells") || has("what's selling") || has("whats selling") || has("what was selling")
                || has("sell the most") || has("sold the most") || has("sell most") || has("sold most") ? .product
            : nil
        // "the 3 first products", "which 5 countries give us more revenue", "the clients who spend more".
        let comparative = dimension != nil && !words.isDisjoint(with: ["more", "first"]) && !has("more than") && !has("more of one") && !has("more or less") && !has("or more")
            && !words.isDisjoint(with: ["customers", "clients", "buyers", "products", "items", "countries", "categories", "brands"])
            && (words.contains { Int($0).map { (1...100).contains($0) } ?? false } || !words.isDisjoint(with: ["which", "who"]))
        // "ordered at least twice" ranks nothing.
        let least = words.contains("least") && !has("at least")
        // "which 3 countries …", "what 5 products …": so many of a kind, chosen, are a ranking.
        let chosen = dimension != nil && words.contains { word in
            Int(word).map { (1...100).contains($0) } == true && ["which", "what"].contains { asked in
                ["customers", "clients", "buyers", "products", "items", "countries", "categories", "brands"].contains { has("\(asked) \(word) \($0)") }
            }
        }
        let ranks = best || worst || comparative || least || chosen || !words.isDisjoint(with: ["most", "ranking", "rank", "bestsellers", "popular"]) || has("which products")
            || has("which customers") || has("which country") || has("which countries") || has("who are my") || has("best selling")
            || words.contains("best-selling") || words.contains("bestselling")
        if let dimension, ranks {
            // "our number one customer", "the highest-grossing product": one. ("The best selling brand" lists the
            // top few, the best first.)
            // "which single customer spent the most", "what one product sold best": one. ("Which customer spent the
            // most" lists the top few, the answer first.)
            let asksForOne = !words.contains { Int($0) != nil } && ["which", "what"].contains { asked in
                ["customer", "client", "buyer", "product", "item", "country", "category", "brand", "line"].contains { noun in
                    has("\(asked) single \(noun)") || has("\(asked) one \(noun)")
                }
            }
            let single = has("number one") || has("number 1") || has("no 1") || asksForOne
                || ((has("pole position") || has("the leader") || has("top of the table")) && !words.contains { Int($0) != nil })
                || (!words.isDisjoint(with: ["highest-grossing", "top-grossing", "top-selling", "best-performing"])
                    && words.isDisjoint(with: ["products", "customers", "countries", "items", "categories", "brands"]))
            // "a dozen best-selling products", "half a dozen top customers".
            let limit = single ? 1 : words.compactMap { Int($0) }.first { (1...100).contains($0) }
                ?? (has("half a dozen") ? 6 : nil)
                ?? words.compactMap { ["three": 3, "five": 5, "ten": 10, "twenty": 20, "dozen": 12][$0] }.first ?? (dimension == .customer ? 10 : 5)
            return .ranking(dimension, limit: limit, ascending: worst || least)
        }
        return nil
    }
}
