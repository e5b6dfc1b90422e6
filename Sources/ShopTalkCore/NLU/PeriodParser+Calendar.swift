import Foundation

/// Calendar arithmetic for `PeriodParser`: months, quarters and weeks as inclusive day ranges.
extension PeriodParser {
    // MARK: - Calendar helpers

    /// "month's" → "month", as in "last month's customers".
    static func withoutPossessive(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }

    static func unit(_ word: String) -> Calendar.Component? {
        switch word {
        case "day", "days": return .day
        case "week", "weeks": return .weekOfYear
        case "month", "months": return .month
        case "year", "years": return .year
        default: return nil
        }
    }

    /// The current week (from Monday), month, quarter or year, to today.
    func current(_ unit: String) -> (from: Date, to: Date)? {
        switch unit {
        case "week": return (startOfWeek(today), today)
        case "month": return (startOfMonth(today), today)
        case "quarter": return (quarterStart(calendar.component(.year, from: today), quarterOf(today)), today)
        case "year": return (startOfYear(today), today)
        default: return nil
        }
    }

    /// "first half of 2011", "second half 2011", "H1 2011", "h2": January–June or July–December; without a
    /// year, the most recent such half that has begun.
    func half(at i: Int, _ w: [String]) -> Match? {
        guard i < w.count else { return nil }
        var which: Int?
        var last = i
        if ["first", "1st", "second", "2nd"].contains(w[i]), i + 1 < w.count, w[i + 1] == "half" {
            which = w[i].hasPrefix("f") || w[i] == "1st" ? 1 : 2
            last = i + 1
        } else if w[i] == "h1" || w[i] == "h2" {
            which = w[i] == "h1" ? 1 : 2
        }
        guard let which else { return nil }
        var year = calendar.component(.year, from: today)
        let yearAt = last + 1 < w.count && w[last + 1] == "of" ? last + 2 : last + 1
        if yearAt < w.count, let y = yearValue(w[yearAt]) {
            year = y
            last = yearAt
        } else if firstOfMonth(year, which == 1 ? 1 : 7) > today {
            year -= 1
        }
        return Match(first: i, last: last, from: firstOfMonth(year, which == 1 ? 1 : 7), to: clamp(lastOfMonth(year, which == 1 ? 6 : 12)))
    }

    /// The previous whole week, month, quarter or year.
    func previous(_ unit: String) -> (from: Date, to: Date)? {
        switch unit {
        case "week":
            let start = adding(.day, -7, to: startOfWeek(today))
            return (start, adding(.day, 6, to: start))
        case "month":
            let start = adding(.month, -1, to: startOfMonth(today))
            return (start, adding(.day, -1, to: startOfMonth(today)))
        case "quarter":
            var year = calendar.component(.year, from: today)
            var quarter = quarterOf(today) - 1
            if quarter == 0 { quarter = 4; year -= 1 }
            return (quarterStart(year, quarter), quarterEnd(year, quarter))
        case "year":
            let year = calendar.component(.year, from: today) - 1
            return (firstOfMonth(year, 1), lastOfMonth(year, 12))
        default: return nil
        }
    }

    /// The year of the most recent `month`/`day` that is not in the future.
    func recentYear(month: Int, day dayNumber: Int) -> Int {
        let year = calendar.component(.year, from: today)
        if let candidate = day(year, month, min(dayNumber, 28)), candidate <= today { return year }
        return year - 1
    }

    func yearValue(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1990...2100).contains(year) else { return nil }
        return year
    }

    func dayValue(_ word: String) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = String(digits.dropLast(2)) }
        guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    func day(_ year: Int, _ month: Int, _ day: Int) -> Date? {
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day
        else { return nil }
        return date
    }

    func endOfMonth(_ year: Int, _ month: Int) -> Date? {
        guard let start = day(year, month, 1) else { return nil }
        return calendar.date(byAdding: DateComponents(month: 1, day: -1), to: start)
    }

    // Years are bounded to 1990–2100 and counts below 1,000 before they get here, so Foundation's calendar
    // always has an answer; the fallbacks exist so that no outside input can reach a trapping `!`.
    func adding(_ component: Calendar.Component, _ value: Int, to date: Date) -> Date {
        calendar.date(byAdding: component, value: value, to: date) ?? date
    }

    func firstOfMonth(_ year: Int, _ month: Int) -> Date { day(year, month, 1) ?? today }

    func lastOfMonth(_ year: Int, _ month: Int) -> Date { endOfMonth(year, month) ?? today }

    /// A period that has not ended yet runs to today.
    func clamp(_ date: Date) -> Date { min(date, today) }

    func startOfWeek(_ date: Date) -> Date {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        return adding(.day, -((weekday + 5) % 7), to: date)
    }

    func startOfMonth(_ date: Date) -> Date {
        firstOfMonth(calendar.component(.year, from: date), calendar.component(.month, from: date))
    }

    func startOfYear(_ date: Date) -> Date {
        firstOfMonth(calendar.component(.year, from: date), 1)
    }

    func quarterOf(_ date: Date) -> Int { (calendar.component(.month, from: date) - 1) / 3 + 1 }
    func quarterStart(_ year: Int, _ quarter: Int) -> Date { firstOfMonth(year, (quarter - 1) * 3 + 1) }
    func quarterEnd(_ year: Int, _ quarter: Int) -> Date { lastOfMonth(year, quarter * 3) }
}
