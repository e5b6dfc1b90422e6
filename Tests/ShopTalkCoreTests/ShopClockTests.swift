import Foundation
@testable import ShopTalkCore
import Testing

@Suite("Shop clock")
struct ShopClockTests {
    /// The arithmetic start of a day is the calendar's, before and after 1970, at and around midnight.
    @Test func theStartOfADayIsTheCalendars() {
        var seconds: Double = -3_000_000_000
        while seconds < 4_000_000_000 {
            for offset in [0, 0.5, 1, 86_399, 86_399.999, 86_400] as [Double] {
                let date = Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400 + offset)
                #expect(ShopClock.startOfDay(date) == ShopClock.calendar.startOfDay(for: date), "\(date)")
            }
            seconds += 9_876_543.21
        }
        #expect(ShopClock(offset: 0).today() == ShopClock.calendar.startOfDay(for: Date()))
    }
}
