import Foundation

/// The periods of an owner's question: which of the dates said are the question's own, and how one or
/// two of them set the period of the query, or the period and the one it is compared with.
extension QuestionParser {
    /// The date entities of the question, and the periods asked about (from, to), at most one per span of
    /// days. `main` holds the starts of the question proper's tokens, nil when it has no asides.
    static func askedPeriods(_ turn: Turn, main: Set<Int>?, sameLastYear: Bool) -> (entities: [Entity], periods: [(String, String)]) {
        let said = turn.entities.filter { $0.type == Entity.Kind.date && !(sameLastYear && $0.text.lowercased() == "last year") }
        // "summer chart rundown for Q3 2011": a season said in passing gives way to a period named outright over the same days.
        let dateEntities = said.filter { season in
            guard PeriodParser.seasons[season.text.lowercased()] != nil, let from = season.value["from"]?.stringValue,
                  let to = season.value["to"]?.stringValue else { return true }
            // Only a period that overlaps the season without holding it or lying inside it ("Q3" against summer).
            return !said.contains { other in
                guard other.start != season.start, PeriodParser.seasons[other.text.lowercased()] == nil,
                      let otherFrom = other.value["from"]?.stringValue, let otherTo = other.value["to"]?.stringValue else { return false }
                return otherFrom <= to && from <= otherTo && !(otherFrom <= from && to <= otherTo) && !(from <= otherFrom && otherTo <= to)
            }
        }
        // "I reckon Q3 was 20% up on Q2. What's the real change from Q2 to Q3?": a period said again on its own
        // beside a range from one to the other is the range's end, not a third period.
        let ends = dateEntities.flatMap { range in ["opening", "closing"].compactMap { range.value[$0] } }
        let restated = dateEntities.filter { date in ends.contains { $0["from"] == date.value["from"] && $0["to"] == date.value["to"] } }
        let mainDates = dateEntities.filter { date in main?.contains(date.start) != false && !restated.contains { $0.start == date.start } }
        let dates = Self.oneRange(turn, mainDates.isEmpty ? dateEntities : mainDates).compactMap { entity -> (String, String)? in
            // A period open at its start ("until March") has no "from": it runs from before any sale.
            guard let to = entity.value["to"]?.stringValue else { return nil }
            let from = entity.value["from"]?.stringValue ?? PeriodParser.openStartDay
            return (from, to)
        }.reduce(into: [(String, String)]()) { kept, period in
            // "the summer of 2011, June through August" names one period twice: not a comparison.
            if !kept.contains(where: { $0.0 <= period.1 && period.0 <= $0.1 }) { kept.append(period) }
        }
        return (dateEntities, dates)
    }

    /// Sets the query's period from the periods asked about: one sets it; two make a comparison (the first
    /// against the second); a comparison with one or none compares it with the period before, the same
    /// days of a year before, or this month so far with last month.
    static func setPeriods(_ query: inout SalesQuery, dates: [(String, String)], turn: Turn, has: (String) -> Bool, sameLastYear: Bool, today: Date) {
        if case .compare = query.kind, dates.count >= 2 {
            (query.from, query.to) = dates[0]
            (query.compareFrom, query.compareTo) = has("same") ? Self.sameDays(dates[0], in: dates[1]) ?? dates[1] : dates[1]
            Self.likeForLike(&query, today: today)
        } else if case .compare = query.kind, dates.count == 1, let (first, last) = Self.monthToMonth(turn, period: dates[0]) {
            // "how did revenue change from August to September 2011": September against August.
            (query.from, query.to) = last
            (query.compareFrom, query.compareTo) = first
        } else if case .compare = query.kind, dates.count == 1, let base = Self.comparisonBase(turn, today: today) {
            // "is revenue up or down on last month": this month so far against the same days of last month.
            (query.from, query.to) = base.current
            (query.compareFrom, query.compareTo) = base.previous
            Self.likeForLike(&query, today: today)
        } else if case .compare = query.kind, dates.count == 1 {
            (query.from, query.to) = dates[0]
            (query.compareFrom, query.compareTo) = has("year on year") || has("year over year") || has("same period last year")
                || sameLastYear
                ? Self.yearBefore(from: dates[0].0, to: dates[0].1) : Self.previousPeriod(from: dates[0].0, to: dates[0].1)
        } else if case .compare = query.kind, query.from == nil, has("year on year") || has("year over year") {
            // "revenue yoy": this year so far against the same days of last year.
            let start = ShopClock.dayString(ShopClock.calendar.date(from: ShopClock.calendar.dateComponents([.year], from: today)) ?? today)
            (query.from, query.to) = (start, ShopClock.dayString(today))
            (query.compareFrom, query.compareTo) = Self.yearBefore(from: start, to: ShopClock.dayString(today))
        } else if case .compare = query.kind, query.from == nil {
            // "are we doing better than last month": this month so far against last month.
            let parser = PeriodParser(today: today)
            let thisMonth = parser.matches(Tokenizer.tokenize("this month"))[0]
            let lastMonth = parser.matches(Tokenizer.tokenize("last month"))[0]
            (query.from, query.to) = (ShopClock.dayString(thisMonth.from), ShopClock.dayString(thisMonth.to))
            (query.compareFrom, query.compareTo) = (ShopClock.dayString(lastMonth.from), ShopClock.dayString(lastMonth.to))
            Self.likeForLike(&query, today: today)
        } else if let period = dates.first {
            (query.from, query.to) = period
        }
    }

    /// A comparison of a period not yet over with a whole one compares the same number of days: "this
    /// month" on 1 December is one day, so it is set against the first day of November, and the answer
    /// says so.
    static func likeForLike(_ query: inout SalesQuery, today: Date) {
        guard let from = query.from.flatMap(ShopClock.parseDay), let to = query.to.flatMap(ShopClock.parseDay),
              let otherFrom = query.compareFrom.flatMap(ShopClock.parseDay), let otherTo = query.compareTo.flatMap(ShopClock.parseDay),
              ShopClock.dayString(to) == ShopClock.dayString(today)
        else { return }
        let calendar = ShopClock.calendar
        let days = calendar.dateComponents([.day], from: from, to: to).day ?? 0
        let otherDays = calendar.dateComponents([.day], from: otherFrom, to: otherTo).day ?? 0
        guard days >= 0, days < otherDays, let cut = calendar.date(byAdding: .day, value: days, to: otherFrom) else { return }
        query.compareTo = ShopClock.dayString(cut)
        query.likeForLike = true
    }

    /// "from August to September 2011", "between June and July": the first and the last month of a
    /// range of whole months, when the range spans more than one month. The range is the date that gave
    /// `period` (the question proper's, not a period in the sentence before it).
    static func monthToMonth(_ turn: Turn, period: (String, String)) -> (first: (String, String), last: (String, String))? {
        let dates = turn.entities.filter { $0.type == Entity.Kind.date }
        let named = dates.first { $0.value["from"]?.stringValue == period.0 && $0.value["to"]?.stringValue == period.1 } ?? dates.first
        // "from Q1 2011 to Q2 2011", "the second quarter to the third quarter": the two periods named.
        if let entity = named, let opening = entity.value["opening"], let closing = entity.value["closing"],
           let openingFrom = opening["from"]?.stringValue, let openingTo = opening["to"]?.stringValue,
           let closingFrom = closing["from"]?.stringValue, let closingTo = closing["to"]?.stringValue, openingTo < closingFrom {
            return ((openingFrom, openingTo), (closingFrom, closingTo))
        }
        // A span counted in units ("the three months to the end of September") is one period, not two months.
        let spanWords: Set<String> = ["day", "days", "week", "weeks", "fortnight", "month", "months", "quarter", "quarters", "year", "years", "end", "start"]
        guard let entity = named,
              [" to ", " through ", " thru ", " and ", " until ", " till ", "-"].contains(where: { entity.text.lowercased().contains($0) }),
              Set(Tokenizer.tokenize(entity.text.lowercased()).map(\.text)).isDisjoint(with: spanWords),
              let from = entity.value["from"]?.stringValue.flatMap(ShopClock.parseDay),
              let to = entity.value["to"]?.stringValue.flatMap(ShopClock.parseDay)
        else { return nil }
        let calendar = ShopClock.calendar
        guard calendar.component(.day, from: from) == 1,
              calendar.dateComponents([.year, .month], from: from) != calendar.dateComponents([.year, .month], from: to),
              let nextMonth = calendar.date(byAdding: .month, value: 1, to: from),
              let endOfFirst = calendar.date(byAdding: .day, value: -1, to: nextMonth),
              let lastStart = calendar.date(from: calendar.dateComponents([.year, .month], from: to))
        else { return nil }
        return ((ShopClock.dayString(from), ShopClock.dayString(endOfFirst)), (ShopClock.dayString(lastStart), ShopClock.dayString(to)))
    }

    /// The period of the same length just before `from`…`to`: the whole months before a span of whole
    /// months, else as many days.
    static func previousPeriod(from: String, to: String) -> (String, String) {
        let calendar = ShopClock.calendar
        guard let start = ShopClock.parseDay(from), let end = ShopClock.parseDay(to),
              let dayAfter = calendar.date(byAdding: .day, value: 1, to: end),
              let dayBefore = calendar.date(byAdding: .day, value: -1, to: start)
        else { return (from, to) }
        if calendar.component(.day, from: start) == 1, calendar.component(.day, from: dayAfter) == 1 {
            let months = calendar.dateComponents([.month], from: start, to: dayAfter).month ?? 1
            guard let previousStart = calendar.date(byAdding: .month, value: -max(1, months), to: start) else { return (from, to) }
            return (ShopClock.dayString(previousStart), ShopClock.dayString(dayBefore))
        }
        let length = (calendar.dateComponents([.day], from: start, to: end).day ?? 0).addingReportingOverflow(1).partialValue
        guard let previousStart = calendar.date(byAdding: .day, value: -length, to: start) else { return (from, to) }
        return (ShopClock.dayString(previousStart), ShopClock.dayString(dayBefore))
    }
}
