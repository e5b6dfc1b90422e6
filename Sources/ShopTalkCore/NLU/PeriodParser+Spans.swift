import Foundation

/// Periods named by their length and one end, or by their place among others: "the fortnight ending 20
/// November 2011", "the three months to the end of September", "the 12 months ending November 2011",
/// "the six weeks up to today", "the four weeks beginning Monday 3 October", "two months ago", "the
/// quarter before last", "the previous calendar year", "month-to-date", "the opening quarter of 2011",
/// "the back half of 2011", "the middle two quarters", "the last seven days of January 2011".
extension PeriodParser {
    /// Lengths in days or months of the units a span is counted in.
    static func spanUnit(_ word: String) -> (component: Calendar.Component, size: Int)? {
        switch word {
        case "day", "days": return (.day, 1)
        case "week", "weeks": return (.day, 7)
        case "fortnight", "fortnights": return (.day, 14)
        case "month", "months": return (.month, 1)
        case "quarter", "quarters": return (.month, 3)
        case "year", "years": return (.month, 12)
        case "half-year", "half-years", "halfyear": return (.month, 6)
        default: return nil
        }
    }

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun",
    ]

    /// "month-to-date" and its kin, each one word.
    static let toDate: [String: String] = [
        "month-to-date": "month", "mtd": "month", "quarter-to-date": "quarter", "qtd": "quarter", "year-to-date": "year",
        "week-to-date": "week", "wtd": "week",
    ]

    /// A span starting at word `i`, whose words proper start at `lead` (after "the", "in the", "over the").
    func span(at i: Int, lead: Int, _ w: [String]) -> Match? {
        func word(_ index: Int) -> String? { index < w.count ? w[index] : nil }
        guard lead < w.count else { return nil }
        if let unit = Self.toDate[w[lead]], let period = current(unit) {
            return Match(first: i, last: lead, from: period.from, to: today)
        }
        // "the previous calendar year", "this calendar month".
        if ["last", "previous", "this", "current"].contains(w[lead]), word(lead + 1) == "calendar", let unit = word(lead + 2).map(Self.withoutPossessive) {
            let period = ["this", "current"].contains(w[lead]) ? current(unit) : previous(unit)
            if let period { return Match(first: i, last: lead + 2, from: period.from, to: min(period.to, today)) }
        }
        if let placed = placed(at: i, lead: lead, w) { return placed }
        if let bounded = bounded(at: i, lead: lead, w) { return bounded }
        // A count (one when none is said) and a unit.
        var at = lead
        var count = 1
        if let number = Int(w[at]) ?? Self.numberWords[w[at]] ?? (["a", "an"].contains(w[at]) ? 1 : nil) {
            guard (1...120).contains(number) else { return nil }
            count = number
            at += 1
        }
        // "the half year to 30 June 2011": six months.
        let halfYear = at == lead && w[at] == "half" && word(at + 1) == "year"
        if halfYear { at += 1 }
        guard let unitWord = word(at), let unit = halfYear ? (Calendar.Component.month, 6) : Self.spanUnit(unitWord) else { return nil }
        let next = word(at + 1) ?? ""
        // "two months ago", "a week ago": the whole unit that many back.
        if next == "ago", at > lead || ["a", "an"].contains(w[lead]) {
            return back(count, unitWord, first: i, last: at + 1)
        }
        // "the quarter before last".
        if next == "before", word(at + 2) == "last", at == lead {
            return back(2, unitWord, first: i, last: at + 2)
        }
        // "the fortnight ending 20 November 2011", "the 7 days up to and including 5 December", "the three months to
        // the end of September 2011", "the six weeks up to today".
        var end = at + 1
        let ending: Bool
        if ["ending", "ended", "through", "until", "till", "to"].contains(next) {
            ending = true
        } else if next == "up", word(at + 2) == "to" {
            ending = true
            end = at + 2
            if word(end + 1) == "and", word(end + 2) == "including" { end += 2 }
        } else if ["starting", "beginning", "commencing"].contains(next) {
            ending = false
        } else {
            return nil
        }
        var pointAt = end + 1
        if word(pointAt) == "the", ["end", "close"].contains(word(pointAt + 1) ?? ""), word(pointAt + 2) == "of" { pointAt += 3 }
        if word(pointAt) == "on" { pointAt += 1 }
        if let day = word(pointAt), Self.weekdays.contains(day) { pointAt += word(pointAt + 1) == "," ? 2 : 1 }
        guard let anchor = point(at: pointAt, w) else { return nil }
        return ending ? counted(count, unit, endingOn: anchor.to, first: i, last: anchor.last)
            : counted(count, unit, startingOn: anchor.from, first: i, last: anchor.last)
    }

    /// `count` units ending on `end`: months end-aligned when `end` closes a month ("the 12 months ending November").
    private func counted(_ count: Int, _ unit: (component: Calendar.Component, size: Int), endingOn end: Date, first: Int, last: Int) -> Match {
        let size = count * unit.size
        let from: Date
        let year = calendar.component(.year, from: end), month = calendar.component(.month, from: end)
        if unit.component == .day {
            from = adding(.day, -(size - 1), to: end)
        } else if end == lastOfMonth(year, month) {
            from = adding(.month, -(size - 1), to: firstOfMonth(year, month))  // whole months: "the 3 months ending 30 April"
        } else {
            from = adding(.day, 1, to: adding(.month, -size, to: end))
        }
        return Match(first: first, last: last, from: from, to: clamp(end))
    }

    private func counted(_ count: Int, _ unit: (component: Calendar.Component, size: Int), startingOn start: Date, first: Int, last: Int) -> Match {
        let end = adding(.day, -1, to: adding(unit.component, count * unit.size, to: start))
        return Match(first: first, last: last, from: start, to: clamp(end))
    }

    /// The whole week, month, quarter or year `count` back from the current one.
    private func back(_ count: Int, _ unitWord: String, first: Int, last: Int) -> Match? {
        guard let unit = Self.spanUnit(unitWord) else { return nil }
        switch unit.size {
        case 1 where unit.component == .day:
            let day = adding(.day, -count, to: today)
            return Match(first: first, last: last, from: day, to: day)
        case 7, 14:
            let start = adding(.day, -count * unit.size, to: startOfWeek(today))
            return Match(first: first, last: last, from: start, to: adding(.day, unit.size - 1, to: start))
        default:
            let months = unit.size
            let currentStart: Date
            switch months {
            case 1: currentStart = startOfMonth(today)
            case 3: currentStart = quarterStart(calendar.component(.year, from: today), quarterOf(today))
            default: currentStart = startOfYear(today)
            }
            let start = adding(.month, -months * count, to: currentStart)
            return Match(first: first, last: last, from: start, to: adding(.day, -1, to: adding(.month, months, to: start)))
        }
    }

    /// "the opening quarter of 2011", "the final quarter", "the back half of 2011", "the middle two quarters
    /// of 2011", "the last seven days of January 2011", "the final week of March".
    func placed(at i: Int, lead: Int, _ w: [String]) -> Match? {
        func word(_ index: Int) -> String? { index < w.count ? w[index] : nil }
        let place = w[lead]
        var unitAt = lead + 1
        var count = 1
        if place == "middle", let number = word(lead + 1).flatMap({ Int($0) ?? Self.numberWords[$0] }), number == 2 {
            count = 2
            unitAt += 1
        }
        guard let unitWord = word(unitAt) else { return nil }
        // "the first three months of 2011", "the last 2 months of 2010".
        if ["first", "last", "final", "opening", "closing"].contains(place), let number = word(lead + 1).flatMap({ Int($0) ?? Self.numberWords[$0] }),
           (1...12).contains(number), ["months", "month"].contains(word(lead + 2) ?? ""), word(lead + 3) == "of",
           let year = word(lead + 4).flatMap(yearValue) {
            let fromStart = ["first", "opening"].contains(place)
            let start = fromStart ? firstOfMonth(year, 1) : firstOfMonth(year, 13 - number)
            let end = fromStart ? lastOfMonth(year, number) : lastOfMonth(year, 12)
            return Match(first: i, last: lead + 4, from: start, to: clamp(end))
        }
        // "the last 7 days of January 2011", "the final week of March".
        if ["last", "final", "closing"].contains(place) {
            var n = 1
            var at = lead + 1
            if let number = word(at).flatMap({ Int($0) ?? Self.numberWords[$0] }) { n = number; at += 1 }
            guard (1...31).contains(n), let unit = word(at).flatMap(Self.spanUnit), unit.component == .day, word(at + 1) == "of",
                  let month = point(at: at + 2, w), calendar.component(.day, from: month.from) == 1, month.from < month.to,
                  let monthEnd = endOfMonth(calendar.component(.year, from: month.from), calendar.component(.month, from: month.from))
            else { return quarterOrHalf(place, count, unitWord, first: i, after: unitAt, w) }
            return Match(first: i, last: month.last, from: max(month.from, adding(.day, -(n * unit.size - 1), to: monthEnd)), to: clamp(monthEnd))
        }
        return quarterOrHalf(place, count, unitWord, first: i, after: unitAt, w)
    }

    private func quarterOrHalf(_ place: String, _ count: Int, _ unitWord: String, first: Int, after unitAt: Int, _ w: [String]) -> Match? {
        func word(_ index: Int) -> String? { index < w.count ? w[index] : nil }
        let quarters = ["quarter", "quarters"].contains(unitWord)
        guard quarters || unitWord == "half" else { return nil }
        let positions: [String: (quarter: Int, half: Int)] = [
            "opening": (1, 1), "front": (1, 1), "early": (1, 1), "closing": (4, 2), "final": (4, 2), "back": (4, 2), "latter": (4, 2),
            "middle": (2, 0),
        ]
        guard let position = positions[place], quarters ? (place != "middle" || count == 2) : position.half > 0 else { return nil }
        var last = unitAt
        var year = calendar.component(.year, from: today)
        let yearAt = word(unitAt + 1) == "of" ? unitAt + 2 : unitAt + 1
        let named = word(yearAt).flatMap(yearValue)
        if let named { year = named; last = yearAt }
        let firstQuarter = quarters ? position.quarter : (position.half == 1 ? 1 : 3)
        let lastQuarter = quarters ? position.quarter + (place == "middle" ? 1 : 0) : firstQuarter + 1
        if named == nil, quarterStart(year, firstQuarter) > today { year -= 1 }
        return Match(first: first, last: last, from: quarterStart(year, firstQuarter), to: clamp(quarterEnd(year, lastQuarter)))
    }

    /// The first day of a period open at its start: earlier than any sale, so that the period holds everything
    /// up to its end. `QuestionParser` reads it as no lower bound, and answers say "up to" instead of a first day.
    public static let openStartDay = "1900-01-01"

    /// "until March 2011", "through the end of March", "up to and including 15 March", "before April 2011",
    /// "prior to April", "by the end of March": everything up to that end (before a period: up to its day before).
    func openStart(at i: Int, _ w: [String]) -> Match? {
        func word(_ index: Int) -> String? { index < w.count ? w[index] : nil }
        var at = i + 1
        var before = false
        switch w[i] {
        case "until", "till", "til", "through", "thru": break
        case "before": before = true
        case "prior" where word(i + 1) == "to": before = true; at = i + 2
        case "up" where word(i + 1) == "to": at = i + 2
        case "by" where word(i + 1) == "the" && ["end", "close"].contains(word(i + 2) ?? "") && word(i + 3) == "of": break
        default: return nil
        }
        if word(at) == "and", word(at + 1) == "including" { at += 2 }
        if word(at) == "the", ["end", "close"].contains(word(at + 1) ?? ""), word(at + 2) == "of" {
            at += 3
            before = false  // "before the end of March" still holds March
        }
        guard let end = point(at: at, w) ?? (word(at) == "the" ? point(at: at + 1, w) : nil),
              let start = ShopClock.parseDay(Self.openStartDay) else { return nil }
        let last = before ? adding(.day, -1, to: end.from) : end.to
        guard start <= last else { return nil }
        return Match(first: i, last: end.last, from: start, to: clamp(last))
    }

    /// "from the start of 2011 up to the end of April", "the beginning of March 2011 to the end of May".
    private func bounded(at i: Int, lead: Int, _ w: [String]) -> Match? {
        func word(_ index: Int) -> String? { index < w.count ? w[index] : nil }
        var at = lead
        if word(at) == "from" { at += 1 }
        if word(at) == "the" { at += 1 }
        // "from the first to the last day of August": the whole month.
        if word(at) == "first", word(at + 1) == "to" {
            let end = word(at + 2) == "the" ? at + 3 : at + 2
            guard word(end) == "last", word(end + 1) == "day", word(end + 2) == "of", let month = point(at: end + 3, w) else { return nil }
            return Match(first: i, last: month.last, from: month.from, to: month.to)
        }
        guard ["start", "beginning"].contains(word(at) ?? ""), word(at + 1) == "of", let opening = point(at: at + 2, w) else { return nil }
        at = opening.last + 1
        if word(at) == "up", word(at + 1) == "to" {
            at += 2
        } else if ["to", "until", "till", "through", "thru"].contains(word(at) ?? "") {
            at += 1
        } else {
            return nil
        }
        if word(at) == "and", word(at + 1) == "including" { at += 2 }
        if word(at) == "the", ["end", "close"].contains(word(at + 1) ?? ""), word(at + 2) == "of" { at += 3 }
        guard let closing = point(at: at, w), opening.from <= closing.to else { return nil }
        return Match(first: i, last: closing.last, from: opening.from, to: clamp(closing.to))
    }

    /// "first fortnight of October", "second fortnight of November 2011", "first 10 days of November":
    /// the start of a month, or its second half.
    func partOfMonth(at i: Int, _ w: [String]) -> Match? {
        guard i + 3 < w.count else { return nil }
        let days: Int
        var ofAt = i + 2
        if w[i + 1] == "fortnight", w[i] == "first" || w[i] == "second" {
            days = w[i] == "first" ? 14 : 0
        } else if w[i] == "first", let count = Int(w[i + 1]) ?? Self.numberWords[w[i + 1]], (1...31).contains(count), ["days", "day"].contains(w[i + 2]) {
            days = count
            ofAt = i + 3
        } else if w[i] == "first", w[i + 1] == "day" {
            days = 1  // "the first day of August"
        } else {
            return nil
        }
        guard ofAt + 1 < w.count, w[ofAt] == "of", let month = point(at: ofAt + 1, w),
              calendar.component(.day, from: month.from) == 1, month.from < month.to
        else { return nil }
        let monthEnd = endOfMonth(calendar.component(.year, from: month.from), calendar.component(.month, from: month.from)) ?? month.to
        if days == 0 {
            return Match(first: i, last: month.last, from: adding(.day, 14, to: month.from), to: clamp(monthEnd))
        }
        return Match(first: i, last: month.last, from: month.from, to: clamp(min(adding(.day, days - 1, to: month.from), monthEnd)))
    }
}
