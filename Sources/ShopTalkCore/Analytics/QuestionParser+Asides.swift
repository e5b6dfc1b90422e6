import Foundation

/// Owners wrap their questions in talk: "Quick one before my meeting — what was revenue last month?",
/// "Morning! Just wondering how many customers we had in Q3", "Remind me what the basket size was,
/// cheers". The parser accounts for those words as asides instead of reading them as a product name.
///
/// A question is cut into parts at sentence punctuation, and a part is cut again before the word that
/// opens the question proper ("just wondering | how many customers…"). The part with the most about the
/// business (metric and ranking words, numbers, periods, countries, customers) is the question proper:
/// its words decide the kind of answer, its periods win over those of asides, and its metric words come
/// first. A part is talk only when it holds a word that is neither about the business nor in any
/// product's name, so "heart t-light holders — how many went out?" and "of the customers who ordered
/// in May, how many were new?" stay whole; the words of talk never name a product.
extension QuestionParser {
    /// Words that make a part of a question about the business.
    static let businessWords: Set<String> = [
        "revenue", "revenues", "sales", "sale", "sold", "sell", "selling", "sells", "units", "unit", "orders", "order",
        "customers", "customer", "buyers", "spenders", "aov", "basket", "margin", "margins", "profit", "profits", "turnover",
        "takings", "income", "money", "spend", "spent", "earn", "earned", "made", "make", "top", "best", "worst", "most",
        "least", "highest", "lowest", "biggest", "busiest", "many", "much", "number", "count", "total", "average", "rate",
        "repeat", "returning", "returns", "returned", "cancellations", "products", "product", "items", "item", "countries",
        "country", "categories", "category", "brands", "brand", "trend", "compare", "compared", "vs", "versus", "change",
        "growth", "forecast", "restock", "reorder", "stock", "inventory", "shifted", "moved", "percentage", "percent",
        "quantity", "quantities", "bestsellers", "best-selling", "top-selling", "highest-grossing", "top-grossing", "grossing", "leading", "bought", "purchased", "invoices", "weekday", "hour",
        "summarise", "summarize", "summary", "risky", "classes", "churn",
    ]

    /// Words that open the question proper after a preamble.
    static let openers: Set<String> = [
        "how", "what", "what's", "whats", "which", "who", "who's", "when", "did", "do", "does", "was", "were", "is",
        "are", "can", "could", "would", "give", "show", "tell", "list", "compare",
    ]

    /// Words that make a sentence about people rather than goods.
    static let speakers: Set<String> = ["i", "i'm", "i'd", "i've", "i'll", "me", "we", "we're", "we've", "we'd", "they", "they're", "you", "he", "she", "my"]

    static let partBreaks: Set<String> = [".", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")", "…"]

    /// The question proper and its asides, each as the starts of their tokens; nil when the message is
    /// one part, or no part is about the business. The question proper is the part with the most
    /// business in it (ties go to the later part); every other part is an aside.
    static func parts(of turn: Turn, matcher: ProductNameMatcher) -> (main: Set<Int>, asides: [Set<Int>])? {
        let covered = turn.entities.filter { [Entity.Kind.date, Entity.Kind.country, Entity.Kind.customerID].contains($0.type) }
            .map { $0.start..<$0.end }
        var parts: [[Token]] = [[]]
        for token in turn.tokens {
            if token.kind == .symbol {
                if partBreaks.contains(token.text), !(parts.last?.isEmpty ?? true) { parts.append([]) }
                continue
            }
            parts[parts.count - 1].append(token)
        }
        // The words of periods, countries and customers count up to two, however many they take ("the third
        // qtr of '11" does not outweigh "half a dozen top products by revenue").
        func score(_ part: ArraySlice<Token>) -> Int {
            let inEntities = part.filter { token in covered.contains { $0.contains(token.start) } }.count
            return part.filter { token in
                !covered.contains { $0.contains(token.start) } && (token.kind == .number || businessWords.contains(token.text))
            }.count + min(2, inEntities)
        }
        // "The bank wants to see that we are growing.": a sentence about people with nothing of the business
        // in it, not itself a question, is talk even when its words are in product names.
        func isSpeakerTalk(_ part: [Token]) -> Bool {
            guard let first = part.first, !["how", "what", "what's", "whats", "which", "who", "who's", "when"].contains(first.text) else { return false }
            return score(part[...]) == 0 && part.contains { Self.speakers.contains($0.text) }
        }
        // "just wondering how many…": words before the opener that say nothing about the business are a
        // part of their own ("the number of customers who placed orders" stays whole).
        parts = parts.filter { !$0.isEmpty }.flatMap { part -> [[Token]] in
            guard !isSpeakerTalk(part), let opener = part.firstIndex(where: { openers.contains($0.text) }), opener > 0, score(part[..<opener]) == 0 else { return [part] }
            return [Array(part[..<opener]), Array(part[opener...])]
        }
        var scores = parts.map { score($0[...]) }
        // "Our investor thinks customer 14646's orders average £2,000. What's their actual order value?": a
        // statement around the question may hold more of the business (a figure someone believes); the part
        // that asks is the question proper when it holds any.
        let asks = parts.map { part in
            openers.contains(part.first?.text ?? "")
                || (turn.tokens.first(where: { $0.start >= (part.last?.end ?? 0) }).map { $0.text == "?" } == true
                    && part.contains { openers.contains($0.text) })
        }
        if zip(scores, asks).contains(where: { $0 > 0 && $1 }) {
            scores = zip(scores, asks).map { $1 ? $0 : 0 }
        }
        guard parts.count > 1, let best = scores.max(), best > 0, let main = scores.lastIndex(of: best) else { return nil }
        // A part made only of words that could be about the business or name a product ("of the customers
        // who ordered in May,", "heart t-light holders:") belongs to the question; talk has other words.
        func isTalk(_ part: [Token]) -> Bool {
            // A sentence about the owner or someone else with nothing of the business in it is talk, even
            // when its words are in product names ("I'd like to have the figure in front of me").
            if isSpeakerTalk(part) { return true }
            return part.contains { token in
                token.kind == .word && !covered.contains { $0.contains(token.start) } && !businessWords.contains(token.text)
                    && !questionWords.contains(token.text) && !ordinaryWords.contains(token.text) && demonyms[token.text] == nil
                    && !matcher.knows(token.text)
            }
        }
        let asides = parts.indices.filter { $0 != main && isTalk(parts[$0]) }
        guard !asides.isEmpty else { return nil }
        let aside = Set(asides.flatMap { parts[$0].map(\.start) })
        let question = Set(turn.tokens.map(\.start)).subtracting(aside)
        return (question, asides.map { Set(parts[$0].map(\.start)) })
    }

    /// Whether customers are named by where they are from ("Spanish customers", "UK buyers").
    static func peopleAfterCountry(_ turn: Turn) -> Bool {
        let countries = turn.entities.filter { $0.type == Entity.Kind.country }.map { $0.start..<$0.end }
        let words = turn.tokens.filter { $0.kind != .symbol }
        return zip(words, words.dropFirst()).contains { before, person in
            ["customers", "customer", "buyers"].contains(person.text)
                && (demonyms[before.text] != nil || countries.contains { $0.contains(before.start) })
        }
    }

    /// Words taken back: the word after "not", "instead of" or "rather than" ("not units, revenue").
    static func negatedWords(_ words: [String]) -> Set<String> {
        var negated = Set<String>()
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if word == "not" || (word == "of" && index > 0 && words[index - 1] == "instead") || (word == "than" && index > 0 && words[index - 1] == "rather") {
                let at = words[index + 1] == "the" && index + 2 < words.count ? index + 2 : index + 1
                negated.insert(words[at])
                // "not the biggest or smallest".
                if at + 2 < words.count, ["or", "nor"].contains(words[at + 1]) { negated.insert(words[at + 2]) }
            }
        }
        return negated
    }

    /// The days of a period `years` whole years later (earlier when negative); nil for a day that is not one.
    static func shifted(_ period: (String, String), years: Int) -> (String, String)? {
        let calendar = ShopClock.calendar
        guard let start = ShopClock.parseDay(period.0).flatMap({ calendar.date(byAdding: .year, value: years, to: $0) }),
              let end = ShopClock.parseDay(period.1).flatMap({ calendar.date(byAdding: .year, value: years, to: $0) })
        else { return nil }
        return (ShopClock.dayString(start), ShopClock.dayString(end))
    }

    /// The same days a year earlier: "November 2011 year on year" is set against November 2010.
    static func yearBefore(from: String, to: String) -> (String, String) {
        shifted((from, to), years: -1) ?? (from, to)
    }

    /// "the first nine days of December 2011 against the same nine days of December 2010": the first period
    /// moved by whole years into the second, when the second is longer and holds it; nil otherwise.
    static func sameDays(_ first: (String, String), in second: (String, String)) -> (String, String)? {
        let calendar = ShopClock.calendar
        guard let from = ShopClock.parseDay(first.0), let to = ShopClock.parseDay(first.1),
              let otherFrom = ShopClock.parseDay(second.0), let otherTo = ShopClock.parseDay(second.1) else { return nil }
        let years = calendar.component(.year, from: otherFrom) - calendar.component(.year, from: from)
        // Days as "YYYY-MM-DD" order as the dates do.
        guard years != 0, otherTo.timeIntervalSince(otherFrom) > to.timeIntervalSince(from),
              let moved = shifted(first, years: years), moved.0 >= second.0, moved.1 <= second.1 else { return nil }
        return moved
    }

    /// "between 1 March 2011 and 15 March 2011", "from 3 May to 9 June": two dates the period parser
    /// read apart that make one range, when only "and", "to", "until" or "through" stand between them.
    static func oneRange(_ turn: Turn, _ dates: [Entity]) -> [Entity] {
        if dates.count > 2 { return listedTogether(turn, dates) }
        guard dates.count == 2, let first = dates.first, let second = dates.last,
              let from = first.value["from"]?.stringValue, let to = second.value["to"]?.stringValue, from <= to,
              let before = turn.tokens.lastIndex(where: { $0.end <= first.start && $0.text != "the" })
        else { return dates }
        // "the months of September and October together", "both June and July", "May and June combined".
        let after = Self.wordAfter(turn, second)
        let opener = turn.tokens[before].text
        // "between the 1st of February and the 15th of March".
        let middle = turn.tokens.filter { $0.start >= first.end && $0.end <= second.start && $0.text != "the" }.map(\.text)
        // "what did it take in October and November 2011": periods side by side, joined by "and" with nothing
        // that weighs one against the other, are one.
        let sideBySide = ["in", "during", "over", "for", "across"].contains(opener) && middle == ["and"]
            && ShopClock.parseDay(first.value["to"]?.stringValue ?? "").flatMap { ShopClock.calendar.date(byAdding: .day, value: 1, to: $0) }
                .map(ShopClock.dayString) == second.value["from"]?.stringValue
            && !turn.tokens.contains { Self.comparingWords.contains($0.text) }
        let together = ["together", "combined"].contains(after) || opener == "both" || sideBySide
            || (opener == "of" && before > 0 && ["months", "weeks", "days"].contains(turn.tokens[before - 1].text))
        guard ["between", "from"].contains(opener) || together else { return dates }
        let comparing = turn.tokens.contains { ["compare", "compared", "vs", "versus", "change", "changed", "growth", "difference", "against"].contains($0.text) }
        guard !comparing, middle.count == 1, ["and", "to", "until", "till", "through", "thru", "-"].contains(middle[0]) else { return dates }
        var merged = first
        merged.value = .object(["from": .string(from), "to": .string(to)])
        merged.end = second.end
        return [merged]
    }

    /// "Germany vs France revenue in 2011", "did Germany or France spend more in 2011?", "how does the Netherlands
    /// compare with Germany for orders": two countries set against each other over one period.
    static func twoCountries(_ query: inout SalesQuery, turn: Turn, words: Set<String>, dates: Int) {
        var countries: [String] = []
        for entity in turn.entities where entity.type == Entity.Kind.country {
            if let country = entity.value.stringValue, !countries.contains(country) { countries.append(country) }
        }
        let weighed = !words.isDisjoint(with: ["vs", "versus", "compare", "compared", "against", "than", "or", "between"])
        guard countries.count == 2, dates <= 1, weighed, query.kind == .total || query.kind == .compare else { return }
        query.kind = .compare
        query.filter.country = countries[0]
        query.compareCountry = countries[1]
        (query.compareFrom, query.compareTo) = (query.from, query.to)
        query.likeForLike = nil
    }

    /// The word after `entity`, past "taken" ("… taken together").
    static func wordAfter(_ turn: Turn, _ entity: Entity) -> String {
        let following = turn.tokens.filter { $0.start >= entity.end }.map(\.text)
        return following.first == "taken" ? (following.dropFirst().first ?? "") : (following.first ?? "")
    }

    /// "September, October and November 2011 combined": three periods or more listed with commas and "and",
    /// then "together" or "combined", are one period from the first to the last.
    static func listedTogether(_ turn: Turn, _ dates: [Entity]) -> [Entity] {
        guard let first = dates.first, let last = dates.last, ["together", "combined"].contains(wordAfter(turn, last)),
              let from = first.value["from"]?.stringValue, let to = last.value["to"]?.stringValue, from <= to
        else { return dates }
        for (earlier, later) in zip(dates, dates.dropFirst()) {
            let between = turn.tokens.filter { $0.start >= earlier.end && $0.end <= later.start }.map(\.text)
            guard between.allSatisfy({ [",", "and", "the", "&"].contains($0) }) else { return dates }
        }
        var merged = first
        merged.value = .object(["from": .string(from), "to": .string(to)])
        merged.end = last.end
        return [merged]
    }

    /// "up on last month", "better than last year", "compared with last week": the one period named is what
    /// the current one (this month, year or week so far) is measured against.
    static func comparisonBase(_ turn: Turn, today: Date) -> (current: (String, String), previous: (String, String))? {
        guard let entity = turn.entity(Entity.Kind.date), let from = entity.value["from"]?.stringValue,
              let to = entity.value["to"]?.stringValue,
              let before = turn.tokens.lastIndex(where: { $0.end <= entity.start })
        else { return nil }
        let word = turn.tokens[before].text
        let compared = before > 0 && ["compared", "compare", "comparison"].contains(turn.tokens[before - 1].text)
        guard ["on", "than", "against", "versus", "vs"].contains(word) || (["to", "with"].contains(word) && compared) else { return nil }
        let named = Tokenizer.tokenize(entity.text.lowercased()).map(\.text)
        guard !Set(named).isDisjoint(with: ["last", "previous"]),
              let unit = ["week", "month", "quarter", "year"].first(where: { named.contains($0) }),
              let current = PeriodParser(today: today).matches(Tokenizer.tokenize("this \(unit)")).first
        else { return nil }
        return ((ShopClock.dayString(current.from), ShopClock.dayString(current.to)), (from, to))
    }

    /// Where a correction starts, after a comma or a dash: "May, sorry I mean June", "Germany — no wait,
    /// France", "Q1, correction, Q2", "by revenue, I mean by units", "September — no, to October".
    static func correctionMarker(_ tokens: [Token]) -> (start: Int, end: Int)? {
        let markers: [[String]] = [["sorry", "i", "mean"], ["sorry", "i", "meant"], ["no", "wait"], ["i", "mean"], ["i", "meant"],
                                   ["make", "that"], ["or", "rather"], ["scratch", "that"], ["correction"], ["sorry"], ["no"], ["oops"]]
        for index in tokens.indices.dropFirst() where tokens[index - 1].kind == .symbol && tokens[index - 1].text != "?" {
            let rest = tokens[index...].map(\.text)
            if let marker = markers.first(where: { rest.starts(with: $0) }) {
                return (tokens[index].start, tokens[index + marker.count - 1].end)
            }
        }
        return nil
    }

    /// `turn` with what a correction replaced set aside: the last period, country, customer, product,
    /// brand or category named before the correction, when the correction names another.
    static func correcting(_ turn: Turn, at correction: (start: Int, end: Int)?) -> Turn {
        guard let marker = correction else { return turn }
        var turn = turn
        for kind in [Entity.Kind.date, Entity.Kind.country, Entity.Kind.customerID, Entity.Kind.product, Entity.Kind.brand, Entity.Kind.category] {
            let before = turn.entities.indices.filter { turn.entities[$0].type == kind && turn.entities[$0].end <= marker.start }
            if turn.entities.contains(where: { $0.type == kind && $0.start >= marker.end }), let replaced = before.last {
                turn.entities[replaced].type = "corrected"
            }
        }
        return turn
    }

    /// The metric word a correction takes back ("top 5 by revenue, I mean by units").
    static func correctedWords(_ turn: Turn, at correction: (start: Int, end: Int)?) -> Set<String> {
        guard let marker = correction else { return [] }
        let metrics: Set<String> = ["revenue", "units", "orders", "customers", "sales", "turnover", "items", "quantity", "spend", "aov", "takings"]
        let after = Set(turn.tokens.filter { $0.start >= marker.end && metrics.contains($0.text) }.map(\.text))
        guard let before = turn.tokens.last(where: { $0.end <= marker.start && metrics.contains($0.text) }), !after.isEmpty,
              !after.contains(before.text) else { return [] }
        return [before.text]
    }

    /// The period just before `from`…`to`: one of the unit named ("the week before" a month is the seven
    /// days before it), or of the same length when none is named ("and the one before?").
    static func periodBefore(from: String, to: String, words: Set<String>) -> (String, String) {
        let units: [(String, Calendar.Component, Int)] = [("day", .day, 1), ("week", .day, 7), ("fortnight", .day, 14), ("month", .month, 1),
                                                          ("quarter", .month, 3), ("year", .year, 1)]
        let calendar = ShopClock.calendar
        guard let (_, component, count) = units.first(where: { words.contains($0.0) }), let start = ShopClock.parseDay(from),
              let first = calendar.date(byAdding: component, value: -count, to: start),
              let last = calendar.date(byAdding: .day, value: -1, to: start)
        else { return previousPeriod(from: from, to: to) }
        return (ShopClock.dayString(first), ShopClock.dayString(last))
    }
}

