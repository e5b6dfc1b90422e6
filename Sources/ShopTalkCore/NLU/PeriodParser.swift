import Foundation

/// Finds dates and periods in tokens, relative to `today`, as inclusive day ranges:
/// today, yesterday, this/last week, month, quarter and year, "in March" (the most recent March not in
/// the future), "March 2011", "between January and March 2011", "from 2011-06-01 to 2011-06-15",
/// "between 1 and 7 November 2011", "Q1 2011", "the first quarter", "2011", "since June",
/// "so far this year", "summer 2011", "over the last 30 days", "June through August".
/// A period that has not ended yet runs to today.
public struct PeriodParser: Sendable {
    /// A found period: the token range it covers and its first and last day.
    public struct Match: Sendable, Equatable {
        public var first: Int
        public var last: Int
        public var from: Date
        public var to: Date
        /// For a range between two named periods ("Q1 2011 to Q2 2011", "June through August"), the
        /// first and the last of them, so that a comparison can set one against the other.
        public var opening: ClosedRange<Date>? = nil
        public var closing: ClosedRange<Date>? = nil
    }

    let today: Date
    let calendar = ShopClock.calendar

    public init(today: Date) {
        self.today = ShopClock.startOfDay(today)
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4]
    static let seasons: [String: (Int, Int)] = ["spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)]
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "thirty": 30, "sixty": 60, "ninety": 90,
    ]

    /// Words at least one of which every period contains; most shoppers' messages have none, and are
    /// not scanned pattern by pattern (3 % of the pipeline's CPU went to scanning them).
    static let anchors: Set<String> = Set(months.keys).union(seasons.keys).union([
        "today", "yesterday", "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
        "fortnight", "fortnights", "ytd", "mtd", "qtd", "wtd", "far", "h1", "h2", "half", "date", "q1", "q2", "q3", "q4", "month-to-date",
        "quarter-to-date", "year-to-date", "week-to-date",
    ])

    /// Whether `tokens` could hold a period: an anchor word (possessives folded) or a year.
    static func mayHoldPeriod(_ tokens: [Token]) -> Bool {
        // "'11".
        zip(tokens, tokens.dropFirst()).contains { ["'", "’"].contains($0.text) && $1.kind == .number && $1.text.count == 2 }
        || tokens.contains { token in
            // A year, or a date written with dots ("1.3.2011").
            if token.kind == .number { return token.text.count == 4 && token.text.allSatisfy(\.isNumber) || token.text.filter { $0 == "." }.count == 2 }
            // "cy2011", "4th-18th".
            if token.text.count == 6 && token.text.hasPrefix("cy") || token.text.first?.isNumber == true && token.text.contains("-") { return true }
            // "sep-nov" arrives as one word.
            return anchors.contains(token.text) || anchors.contains(withoutPossessive(token.text))
                || (token.text.contains("-") && token.text.split(separator: "-").contains { anchors.contains(String($0)) })
        }
    }

    /// Every period in `tokens`, left to right, without overlaps.
    public func matches(_ tokens: [Token]) -> [Match] {
        guard Self.mayHoldPeriod(tokens) else { return [] }
        let words = tokens.map(\.text)
        var found: [Match] = []
        var index = 0
        // The unit of the last quarter or half named, for "the first quarter against the second".
        var unit: String?
        while index < words.count {
            if let match = match(at: index, words) {
                found.append(match)
                unit = words[match.first...match.last].last { $0 == "quarter" || $0 == "half" } ?? unit
                index = match.last + 1
            } else if let unit, words[index] == "the", index + 1 < words.count, Self.ordinals[words[index + 1]] != nil,
                      index + 2 >= words.count || Self.unit(words[index + 2]) == nil && !["half", "quarter"].contains(words[index + 2]),
                      let elided = match(at: index, Array(words[...(index + 1)]) + [unit] + words[(index + 2)...]) {
                // "…compare with the second": the unit named before.
                found.append(Match(first: elided.first, last: index + 1, from: elided.from, to: elided.to))
                index += 2
            } else {
                index += 1
            }
        }
        // "this month until today": the end already said, not a second period.
        if found.count > 1 {
            found.removeAll { match in
                match.first == match.last && words[match.first] == "today" && match.first > 0 && ["until", "till", "to"].contains(words[match.first - 1])
            }
        }
        return found
    }

    // MARK: - Patterns, tried longest first at each position

    private func match(at i: Int, _ w: [String]) -> Match? {
        func word(_ offset: Int) -> String? { i + offset < w.count ? w[i + offset] : nil }
        let first = w[i]

        // Ranges: "between X and Y", "from X to Y", "X through/to/until Y", "X - Y".
        if first == "between" || first == "from" {
            let connectors: Set<String> = first == "between" ? ["and", "-", "to"] : ["to", "until", "till", "through", "thru", "-"]
            // "between the 1st of February and the 15th of March" ("the second quarter" keeps its "the").
            if let range = range(startingAt: i + 1, w, connectors: connectors) ?? (word(1) == "the" ? range(startingAt: i + 2, w, connectors: connectors) : nil) {
                return Match(first: i, last: range.last, from: range.from, to: range.to, opening: range.opening, closing: range.closing)
            }
        }
        if let range = range(startingAt: i, w, connectors: ["through", "thru", "until", "till", "to", "-", "–"]), range.last > i || first.contains("-") {
            return range
        }
        // "since June", "since 2011-06-01", "since last month", "since the start of October".
        if first == "since" || first == "after" {
            var start = i + 1
            if word(1) == "the", ["start", "beginning"].contains(word(2) ?? ""), word(3) == "of" { start = i + 4 }
            if ["start", "beginning"].contains(word(1) ?? ""), word(2) == "of" { start = i + 3 }
            if word(1) == "the", start == i + 1 { start = i + 2 }  // "since the 1st of June"
            // "after March": from the day after it ("after the start of October" from its first day).
            let from = { (point: Match) in first == "after" && start <= i + 2 ? adding(.day, 1, to: point.to) : point.from }
            if let point = point(at: start, w), from(point) <= today { return Match(first: i, last: point.last, from: from(point), to: today) }
        }
        if let open = openStart(at: i, w) { return open }
        // "so far this year", "year to date", "ytd", "month to date".
        if first == "so", word(1) == "far" {
            if word(2) == "this", let unit = word(3), let period = current(unit) {
                return Match(first: i, last: i + 3, from: period.from, to: today)
            }
            return Match(first: i, last: i + 1, from: startOfYear(today), to: today)
        }
        if first == "ytd" { return Match(first: i, last: i, from: startOfYear(today), to: today) }
        if first == "mtd" { return Match(first: i, last: i, from: startOfMonth(today), to: today) }
        if (first == "year" || first == "month"), word(1) == "to", word(2) == "date" {
            return Match(first: i, last: i + 2, from: first == "year" ? startOfYear(today) : startOfMonth(today), to: today)
        }
        // "over the last 30 days", "past 2 weeks", "last 3 months".
        var lead = i
        if ["over", "in", "during", "for"].contains(first), word(1) == "the" { lead = i + 2 } else if first == "the" { lead = i + 1 }
        if let part = partOfMonth(at: lead, w) { return Match(first: i, last: part.last, from: part.from, to: part.to) }
        if let span = span(at: i, lead: first == "from" ? i : lead, w) { return span }
        // "last 2 full months": whole ones before the current one.
        if lead + 3 < w.count, ["last", "past", "previous"].contains(w[lead]), ["full", "complete", "whole", "entire"].contains(w[lead + 2]),
           let count = Int(w[lead + 1]) ?? Self.numberWords[w[lead + 1]], count > 0, count < 1000, let component = Self.unit(w[lead + 3]) {
            let current = component == .day ? today : component == .weekOfYear ? startOfWeek(today)
                : component == .month ? startOfMonth(today) : startOfYear(today)
            return Match(first: i, last: lead + 3, from: adding(component, -count, to: current), to: adding(.day, -1, to: current))
        }
        // "week of 14 November" (Monday to Sunday), "week commencing 14 Nov" (seven days from it).
        // "w/c Monday 7 Nov", written as a clerk does, is the week commencing.
        let clerk = first == "w" && word(1) == "/" && word(2) == "c"
        if first == "week" || (first == "the" && word(1) == "week") || clerk {
            // `at` is the word before the how ("week", or the "/" of "w/c"); a weekday before the date is passed over.
            let at = first == "week" ? i : i + 1
            let how = clerk ? "commencing" : at + 1 < w.count ? w[at + 1] : ""
            let dayAt = at + 2 < w.count && Self.weekdays.contains(w[at + 2]) ? at + 3 : at + 2
            if ["of", "commencing", "starting", "beginning"].contains(how), let day = point(at: dayAt, w), day.from == day.to {
                let start = how == "of" ? startOfWeek(day.from) : day.from
                return Match(first: i, last: day.last, from: start, to: clamp(adding(.day, 6, to: start)))
            }
        }
        if lead < w.count, ["last", "past", "previous"].contains(w[lead]), lead + 2 < w.count,
           let count = Int(w[lead + 1]) ?? Self.numberWords[w[lead + 1]], count > 0, count < 1000,
           let component = Self.unit(w[lead + 2]) {
            let from = adding(component, component == .day ? -(count - 1) : -count, to: today)
            let start = component == .day ? from : adding(.day, 1, to: from)
            return Match(first: i, last: lead + 2, from: start, to: today)
        }
        if let point = point(at: i, w) {
            return point
        }
        return nil
    }

    /// "X to Y" where X and Y are months, days of a month, or dates.
    private func range(startingAt i: Int, _ w: [String], connectors: Set<String>) -> Match? {
        guard i < w.count else { return nil }
        // "1 and 7 November 2011", "1-7 Nov", "the 14th to the 20th of November".
        if let startDay = dayValue(w[i]), i + 2 < w.count, connectors.contains(w[i + 1]) {
            var position = w[i + 2] == "the" ? i + 3 : i + 2
            if let endDay = position < w.count ? dayValue(w[position]) : nil {
                position += position + 1 < w.count && w[position + 1] == "of" ? 2 : 1
                if position < w.count, let month = Self.months[w[position]] {
                    var last = position
                    var year: Int?
                    if last + 1 < w.count, let y = yearValue(w[last + 1]) { year = y; last += 1 }
                    let resolvedYear = year ?? recentYear(month: month, day: endDay)
                    if let from = day(resolvedYear, month, startDay), let to = day(resolvedYear, month, endDay), from <= to {
                        return Match(first: i, last: last, from: from, to: clamp(to))
                    }
                }
            }
        }
        // "jan-mar" arrives as one word.
        let halves = w[i].split(separator: "-").map(String.init)
        if halves.count == 2, let startMonth = Self.months[halves[0]], let endMonth = Self.months[halves[1]] {
            var last = i
            var year = recentYear(month: endMonth, day: 1)
            if i + 1 < w.count, let y = yearValue(w[i + 1]) { year = y; last += 1 }
            let startYear = startMonth <= endMonth ? year : year - 1
            return Match(first: i, last: last, from: firstOfMonth(startYear, startMonth), to: clamp(lastOfMonth(year, endMonth)))
        }
        // "April 11 and 17, 2011", "March 9-15 2011".
        if let month = Self.months[w[i]], i + 3 < w.count, let startDay = dayValue(w[i + 1]), connectors.contains(w[i + 2]),
           let endDay = dayValue(w[i + 3]) {
            var last = i + 3
            var year: Int?
            let next = last + 1 < w.count && w[last + 1] == "," ? last + 2 : last + 1
            if next < w.count, let y = yearValue(w[next]) { year = y; last = next }
            let resolvedYear = year ?? recentYear(month: month, day: endDay)
            if let from = day(resolvedYear, month, startDay), let to = day(resolvedYear, month, endDay), from <= to {
                return Match(first: i, last: last, from: from, to: clamp(to))
            }
        }
        // Month to month: "January and March 2011", "June through August".
        if let startMonth = Self.months[w[i]] {
            var position = i + 1
            var startYear: Int?
            if position < w.count, let y = yearValue(w[position]) { startYear = y; position += 1 }
            if position + 1 < w.count, connectors.contains(w[position]), let endMonth = Self.months[w[position + 1]] {
                var last = position + 1
                var endYear: Int?
                if last + 1 < w.count, let y = yearValue(w[last + 1]) { endYear = y; last += 1 }
                let resolvedEnd: Int
                if let endYear {
                    resolvedEnd = endYear
                } else if let startYear {
                    resolvedEnd = endMonth >= startMonth ? startYear : startYear + 1
                } else {
                    resolvedEnd = recentYear(month: endMonth, day: 1)
                }
                let resolvedStart = startYear ?? (startMonth <= endMonth ? resolvedEnd : resolvedEnd - 1)
                guard let from = day(resolvedStart, startMonth, 1), let end = endOfMonth(resolvedEnd, endMonth), from <= end else { return nil }
                let closingStart = firstOfMonth(resolvedEnd, endMonth)
                return Match(first: i, last: last, from: from, to: clamp(end), opening: from...lastOfMonth(resolvedStart, startMonth),
                             closing: min(closingStart, clamp(end))...clamp(end))
            }
            // Not month to month: "June 8, 2011 to July 3" is read below, date to date.
        }
        // Date to date: "2011-06-01 to 2011-06-15", "1 June to 15 June 2011", "1 January 2011 up to today".
        if let start = point(at: i, w) {
            var connector = start.last + 1
            if connector + 1 < w.count, w[connector] == "up", w[connector + 1] == "to", connectors.contains("to") { connector += 1 }
            if connector + 1 < w.count, connectors.contains(w[connector]),
               let end = point(at: connector + 1, w) ?? (w[connector + 1] == "the" ? point(at: connector + 2, w) : nil), start.from <= end.to {
                return Match(first: i, last: end.last, from: start.from, to: end.to, opening: start.from...start.to, closing: end.from...end.to)
            }
        }
        return nil
    }

    /// Quarter `number` named by the words `first...last`, of the year that follows ("2011", "of 2011") or
    /// else the latest one begun by today.
    func quarter(_ number: Int, first: Int, last: Int, _ w: [String]) -> Match {
        func word(_ index: Int) -> String? { index < w.count ? w[index] : nil }
        var end = last
        var year = calendar.component(.year, from: today)
        if let y = word(last + 1).flatMap(yearValue) {
            year = y; end += 1
        } else if word(last + 1) == "of", let y = word(last + 2).flatMap(yearValue) {
            year = y; end += 2
        } else if quarterStart(year, number) > today { year -= 1 }
        return Match(first: first, last: end, from: quarterStart(year, number), to: clamp(quarterEnd(year, number)))
    }

    /// A single day, month, quarter, season, year or relative period.
    func point(at i: Int, _ w: [String]) -> Match? {
        guard i < w.count else { return nil }
        func word(_ offset: Int) -> String? { i + offset < w.count ? w[i + offset] : nil }
        let first = w[i]
        // "the opening quarter of 2011", "the back half of 2011" (`PeriodParser+Spans`).
        if let placed = placed(at: i, lead: first == "the" ? i + 1 : i, w) { return placed }
        switch first {
        case "today": return Match(first: i, last: i, from: today, to: today)
        case "yesterday":
            let day = adding(.day, -1, to: today)
            return Match(first: i, last: i, from: day, to: day)
        case "this", "current":
            if let unit = word(1).map(Self.withoutPossessive), let period = current(unit) { return Match(first: i, last: i + 1, from: period.from, to: today) }
        case "last", "previous", "past":
            if let unit = word(1).map(Self.withoutPossessive), let period = previous(unit) {
                return Match(first: i, last: i + 1, from: period.from, to: period.to)
            }
            // "the last full quarter", "last complete month": the previous whole one.
            if ["full", "complete", "whole", "entire"].contains(word(1) ?? ""), let unit = word(2).map(Self.withoutPossessive), let period = previous(unit) {
                return Match(first: i, last: i + 2, from: period.from, to: period.to)
            }
            if word(1) == "fortnight" { return Match(first: i, last: i + 1, from: adding(.day, -13, to: today), to: today) }
        case "the":
            // "the first quarter", "the last quarter".
            if let ordinal = word(1).flatMap({ Self.ordinals[$0] }), word(2) == "quarter" {
                return quarter(ordinal, first: i, last: i + 2, w)
            }
            if let half = half(at: i + 1, w) { return Match(first: i, last: half.last, from: half.from, to: half.to) }
            if let inner = point(at: i + 1, w), ["last", "previous", "past", "this", "current"].contains(w[i + 1]) {
                return Match(first: i, last: inner.last, from: inner.from, to: inner.to)
            }
        default: break
        }
        if let half = half(at: i, w) { return half }
        // "Q1 2011", "q3", and "second quarter of 2011" without its article.
        if first.count == 2, first.hasPrefix("q"), let number = Int(first.dropFirst()), (1...4).contains(number) {
            return quarter(number, first: i, last: i, w)
        }
        if let ordinal = Self.ordinals[first], word(1) == "quarter" { return quarter(ordinal, first: i, last: i + 1, w) }
        // "summer 2011".
        // "fall" is autumn before a year or after "in", "the", "this", "last"…, not in "rise or fall".
        let fallIsSeason = first != "fall" || word(1).flatMap(yearValue) != nil
            || (i > 0 && ["in", "the", "this", "last", "next", "during", "of", "over", "since", "previous"].contains(w[i - 1]))
        if fallIsSeason, let (startMonth, endMonth) = Self.seasons[first] {
            var last = i
            var year = calendar.component(.year, from: today)
            if let y = word(1).flatMap(yearValue) { year = y; last += 1 } else if firstOfMonth(year, startMonth) > today { year -= 1 }
            let endYear = endMonth < startMonth ? year + 1 : year
            return Match(first: i, last: last, from: firstOfMonth(year, startMonth), to: clamp(lastOfMonth(endYear, endMonth)))
        }
        // ISO dates "2011-06-01".
        if first.count == 10, let date = ShopClock.parseDay(first) {
            return Match(first: i, last: i, from: date, to: date)
        }
        if let written = numericDate(at: i, w) { return written }
        // "5 March 2011", "5th of march".
        if let dayNumber = dayValue(first) {
            var position = i + 1
            if word(1) == "of" { position += 1 }
            if position < w.count, let month = Self.months[w[position]] {
                var last = position
                var year: Int?
                if let y = (last + 1 < w.count ? yearValue(w[last + 1]) : nil) { year = y; last += 1 }
                let resolved = year ?? recentYear(month: month, day: dayNumber)
                if let date = day(resolved, month, dayNumber) { return Match(first: i, last: last, from: date, to: date) }
            }
        }
        // "March 5 2011", "March 2011", "in March".
        // "May" is a month only where a verb could not stand: before a year or "9, 2011", or after "in", "since", "and"…
        let mayIsMonth = word(1).flatMap(yearValue) != nil || (word(1).flatMap(dayValue) != nil && (word(2).flatMap(yearValue) != nil || word(2) == ","))
            || (i > 0 && ["in", "of", "for", "during", "since", "and", "to", "until", "till", "through", "thru", "from", "between"].contains(w[i - 1]))
        if let month = Self.months[first], first != "may" || mayIsMonth {
            if let dayNumber = word(1).flatMap(dayValue), dayNumber <= 31 {
                var last = i + 1
                var year: Int?
                if let y = word(2).flatMap(yearValue) { year = y; last += 1 } else if word(2) == ",", let y = word(3).flatMap(yearValue) { year = y; last += 2 }
                let resolved = year ?? recentYear(month: month, day: dayNumber)
                if let date = day(resolved, month, dayNumber) { return Match(first: i, last: last, from: date, to: date) }
            }
            if let year = word(1).flatMap(yearValue) {
                return Match(first: i, last: i + 1, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
            }
            // "December of 2010", "December of last year", "March of this year".
            if word(1) == "of" {
                let thisYear = calendar.component(.year, from: today)
                let named: (year: Int, last: Int)? = word(2).flatMap(yearValue).map { ($0, i + 2) }
                    ?? (word(3) == "year" ? ["last": thisYear - 1, "previous": thisYear - 1, "this": thisYear][word(2) ?? ""].map { ($0, i + 3) } : nil)
                if let named {
                    return Match(first: i, last: named.last, from: firstOfMonth(named.year, month), to: clamp(lastOfMonth(named.year, month)))
                }
            }
            let year = recentYear(month: month, day: 1)
            return Match(first: i, last: i, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
        }
        // "2011-06-01" and "2011-06" arrive as number tokens split by hyphens.
        if let year = yearValue(first), word(1) == "-", let month = word(2).flatMap({ Int($0) }), (1...12).contains(month),
           word(2)?.count == 2 {
            if word(3) == "-", let dayNumber = word(4).flatMap({ Int($0) }), word(4)?.count == 2, let date = day(year, month, dayNumber) {
                return Match(first: i, last: i + 4, from: date, to: date)
            }
            return Match(first: i, last: i + 2, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
        }
        // The year first, as in a search box or in Chinese order: "2011 q3", "2011 november", "2011 year 3 month".
        if let year = yearValue(first), word(1) == "year", let next = word(2) {
            if let month = Self.months[next] {
                return Match(first: i, last: i + 2, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
            }
            if let month = Int(next), (1...12).contains(month), word(3) == "month" {
                return Match(first: i, last: i + 3, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
            }
        }
        if let year = yearValue(first), let next = word(1) {
            if next.count == 2, next.hasPrefix("q"), let quarter = Int(next.dropFirst()), (1...4).contains(quarter) {
                return Match(first: i, last: i + 1, from: quarterStart(year, quarter), to: clamp(quarterEnd(year, quarter)))
            }
            if let month = Self.months[next] {
                return Match(first: i, last: i + 1, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
            }
        }
        // A year on its own: "in 2011", "2011".
        if let year = yearValue(first) {
            return Match(first: i, last: i, from: firstOfMonth(year, 1), to: clamp(lastOfMonth(year, 12)))
        }
        return nil
    }
}
