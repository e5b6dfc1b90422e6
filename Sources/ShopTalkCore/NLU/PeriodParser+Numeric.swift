import Foundation

/// Dates written with numbers only: "1.3.2011" and "01/03/2011" (day first, as most of the world
/// writes them, unless the second number can only be a day), and "3/2011" (a month).
extension PeriodParser {
    func numericDate(at i: Int, _ w: [String]) -> Match? {
        func word(_ offset: Int) -> String? { i + offset < w.count ? w[i + offset] : nil }
        let first = w[i]
        // "1.3.2011": day, month and year, as most of the world writes them.
        if first.filter({ $0 == "." }).count == 2 {
            let parts = first.split(separator: ".").map(String.init)
            if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, let dayNumber = Int(parts[0]), let month = Int(parts[1]),
               let year = yearValue(parts[2]), (1...12).contains(month), let date = day(year, month, dayNumber) {
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
        return nil
    }
}
