import Foundation

/// The one source of "now" for the whole server.
///
/// Every use of the current date goes through a `ShopClock`, so that `--today` can pin the server's
/// notion of the date for demos, reproducible tests and analytics over historical data. A pinned clock
/// still advances: it keeps the real time of day and runs on from the pinned date, so timeouts and
/// session expiry behave as usual.
public struct ShopClock: Sendable {
    /// Seconds added to the system clock.
    public let offset: TimeInterval

    /// The calendar every date computation uses: Gregorian, in UTC.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The real clock.
    public static let system = ShopClock(offset: 0)

    public init(offset: TimeInterval) {
        self.offset = offset
    }

    /// A clock whose today is `today` (the time of day stays real).
    public init(today: Date, reference: Date = Date()) {
        let calendar = Self.calendar
        self.offset = calendar.startOfDay(for: today).timeIntervalSince(calendar.startOfDay(for: reference))
    }

    /// The current instant.
    public func now() -> Date {
        Date().addingTimeInterval(offset)
    }

    /// The start (00:00 UTC) of the current day.
    public func today() -> Date {
        Self.startOfDay(now())
    }

    /// 00:00 UTC of `date`'s day: the calendar's `startOfDay`, by arithmetic, since UTC days are all 86,400
    /// seconds long (Foundation's calendar call was 1 % of the server's CPU, made for every message).
    public static func startOfDay(_ date: Date) -> Date {
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400)
    }

    /// Parses `YYYY-MM-DD` into midnight UTC of that day.
    public static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day
        else { return nil }
        return date
    }

    /// Formats a date as `YYYY-MM-DD` in UTC.
    public static func dayString(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
