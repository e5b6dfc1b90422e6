import Foundation

/// Dates written with numbers only: "1.3.2011" and "01/03/2011" (day first, as most of the world
/// writes them, unless the second number can only be a day), "2011.10.01" (year first) and "3/2011" (a
/// month); as spreadsheets write them, "Mar-2011", "mar-11" (a month) and "01-Jun-2011" (a day); and a
/// month by its place in the year, "the ninth month of 2011", "month 11 of 2011".
extension PeriodParser {
    static let monthOrdinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7,
        "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12,
    ]

    func numericDate(at i: Int, _ w: [String]) -> Match? {
        func word(_ offset: Int) -> String? { i + offset < w.count ? w[i + offset] : nil }
        let first = w[i]
        if first.filter({ $0 == "." }).count == 2 {
            let parts = first.split(separator: ".").map(String.init)
            // "1.3.2011": day, month and year, as most of the world writes them.
            if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, let dayNumber = Int(parts[0]), let month = Int(parts[1]),
               let year = yearValue(parts[2]), (1...12).contains(month), let date = day(year, month, dayNumber) {
                return Match(first: i, last: i, from: date, to: date)
            }
            // "2011.10.01": year first.
            if parts.count == 3, let year = yearValue(parts[0]), parts[1].count <= 2, parts[2].count <= 2, let month = Int(parts[1]),
               let dayNumber = Int(parts[2]), (1...12).contains(month), let date = day(year, month, dayNumber) {
                return Match(first: i, last: i, from: date, to: date)
            }
        }
        // "01/03/2011": day first, unless the second number can only be a day ("03/25/2011").
        if let a = Int(first), first.count <= 2, word(1) == "/", let b = word(2).flatMap({ Int($0) }), word(2)?.count ?? 3 <= 2, word(3) == "/",
           let year = word(4).flatMap(yearValue) {
            let (dayNumber, month) = b > 12 ? (b, a) : (a, b)
            if (1...12).contains(month), let date = day(year, month, dayNumber) { return Match(first: i, last: i + 4, from: date, to: date) }
        }
        // "3/2011", "03/2011": a month.
        if let month = Int(first), (1...12).contains(month), first.count <= 2, word(1) == "/", let year = word(2).flatMap(yearValue) {
            return Match(first: i, last: i + 2, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
        }
        // "Mar-2011": a month; "01-Jun-2011": a day of it.
        if let (year, month) = monthAndYear(first) {
            return Match(first: i, last: i, from: firstOfMonth(year, month), to: clamp(lastOfMonth(year, month)))
        }
        if let dayNumber = Int(first), first.count <= 2, word(1) == "-", let (year, month) = word(2).flatMap(monthAndYear),
           let date = day(year, month, dayNumber) {
            return Match(first: i, last: i + 2, from: date, to: date)
        }
        // "'11", "all of ’11": a year said by its last two digits; "CY2011": a calendar year.
        if ["'", "’"].contains(first), let next = word(1), next.count == 2, let short = Int(next) {
            return Match(first: i, last: i + 1, from: firstOfMonth(2000 + short, 1), to: clamp(lastOfMonth(2000 + short, 12)))
        }
        if first.hasPrefix("cy"), let year = yearValue(String(first.dropFirst(2))) {
            return Match(first: i, last: i, from: firstOfMonth(year, 1), to: clamp(lastOfMonth(year, 12)))
        }
        // "4th-18th of April 2011", "1-15 March": two days of one month, typed as one word.
        let days = first.split(separator: "-").map(String.init)
        if days.count == 2, let start = dayValue(days[0]), let end = dayValue(days[1]), start <= end {
            let at = word(1) == "of" ? i + 2 : i + 1
            if at < w.count, let month = Self.months[w[at]] {
                let year = at + 1 < w.count ? yearValue(w[at + 1]) : nil
                let known = year ?? recentYear(month: month, day: start)
                if let from = day(known, month, start), let to = day(known, month, end) {
                    return Match(first: i, last: year == nil ? at : at + 1, from: from, to: clamp(to))
                }
            }
        }
        // "the ninth month of 2011", "month 11 of 2011".
        let at = first == "the" ? i + 1 : i
        let place: (month: Int, last: Int)? = at + 3 < w.count && w[at + 1] == "month" && w[at + 2] == "of"
            ? Self.monthOrdinals[w[at]].map { ($0, at + 3) }
            : at + 3 < w.count && w[at] == "month" && w[at + 2] == "of" ? Int(w[at + 1]).flatMap { (1...12).contains($0) ? ($0, at + 3) : nil } : nil
        if let place, let year = yearValue(w[place.last]) {
            return Match(first: i, last: place.last, from: firstOfMonth(year, place.month), to: clamp(lastOfMonth(year, place.month)))
        }
        return nil
    }

    /// "mar-2011", "jun-11": a month name and its year joined by a hyphen.
    private func monthAndYear(_ word: String) -> (Int, Int)? {
        let parts = word.split(separator: "-").map(String.init)
        guard parts.count == 2, let month = Self.months[parts[0]], parts[1].allSatisfy(\.isNumber) else { return nil }
        if let year = yearValue(parts[1]) { return (year, month) }
        guard parts[1].count == 2, let short = Int(parts[1]) else { return nil }
        return (2000 + short, month)
    }
}
