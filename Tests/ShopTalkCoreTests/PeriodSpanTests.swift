import Foundation
@testable import ShopTalkCore
import Testing

/// Periods named by a length and one end, by their place among others, or as so many units ago, with the
/// clock on Saturday 21 November 2026.
@Suite("Periods by length, place and distance")
struct PeriodSpanTests {
    let extraction = EntityExtractionTests()

    @Test(arguments: [
        ("the fortnight ending 8 November 2026", "2026-10-26…2026-11-08"),
        ("the 7 days up to and including 3 June 2011", "2011-05-28…2011-06-03"),
        ("the three months to the end of June 2011", "2011-04-01…2011-06-30"),
        ("the 12 months ending October 2026", "2025-11-01…2026-10-31"),
        ("the 6 weeks up to today", "2026-10-11…2026-11-21"),
        ("in the four weeks beginning Monday 5 October 2026", "2026-10-05…2026-11-01"),
        ("the week starting Tuesday, 2 June 2026", "2026-06-02…2026-06-08"),
        ("the 30 days ending 31 August 2011", "2011-08-02…2011-08-31"),
    ])
    func aLengthAndAnEnd(text: String, expected: String) {
        #expect(extraction.period(text) == expected)
    }

    @Test(arguments: [
        ("two months ago", "2026-09-01…2026-09-30"),
        ("a week ago", "2026-11-09…2026-11-15"),
        ("3 days ago", "2026-11-18…2026-11-18"),
        ("the quarter before last", "2026-04-01…2026-06-30"),
        ("the month before last", "2026-09-01…2026-09-30"),
        ("the previous calendar year", "2025-01-01…2025-12-31"),
        ("this calendar month", "2026-11-01…2026-11-21"),
        ("month-to-date", "2026-11-01…2026-11-21"),
        ("quarter-to-date", "2026-10-01…2026-11-21"),
    ])
    func distancesFromToday(text: String, expected: String) {
        #expect(extraction.period(text) == expected)
    }

    @Test(arguments: [
        ("the opening quarter of 2011", "2011-01-01…2011-03-31"),
        ("the final quarter of 2010", "2010-10-01…2010-12-31"),
        ("the back half of 2011", "2011-07-01…2011-12-31"),
        ("the front half of 2025", "2025-01-01…2025-06-30"),
        ("the middle two quarters of 2011", "2011-04-01…2011-09-30"),
        ("the last 10 days of October 2011", "2011-10-22…2011-10-31"),
        ("the final week of February 2011", "2011-02-22…2011-02-28"),
        ("from the start of 2011 up to the end of April 2011", "2011-01-01…2011-04-30"),
        ("the first three months of 2011", "2011-01-01…2011-03-31"),
        ("the last 2 months of 2010", "2010-11-01…2010-12-31"),
        ("from the first to the last day of August 2011", "2011-08-01…2011-08-31"),
        ("on the first day of August 2011", "2011-08-01…2011-08-01"),
        ("the last day of August 2011", "2011-08-31…2011-08-31"),
    ])
    func placesAmongPeriods(text: String, expected: String) {
        #expect(extraction.period(text) == expected)
    }

    /// Open at the start: no "from", and the end where the words put it.
    @Test(arguments: [
        ("revenue up to the end of March 2011", "?…2011-03-31"),
        ("revenue through March 2011", "?…2011-03-31"),
        ("sales until 15 March 2011", "?…2011-03-15"),
        ("orders up to and including 2 May 2011", "?…2011-05-02"),
        ("revenue before April 2011", "?…2011-03-31"),
        ("revenue prior to 2011", "?…2010-12-31"),
        ("units sold by the end of June 2011", "?…2011-06-30"),
        ("before the end of March 2011", "?…2011-03-31"),
        ("till today", "?…2026-11-21"),
    ])
    func periodsOpenAtTheirStart(text: String, expected: String) {
        #expect(extraction.period(text) == expected)
    }

    @Test func afterAPeriodStartsTheDayAfterIt() {
        #expect(extraction.period("revenue after March 2026") == "2026-04-01…2026-11-21")
        #expect(extraction.period("orders after 3 June 2026") == "2026-06-04…2026-11-21")
        #expect(extraction.period("after the start of October") == "2026-10-01…2026-11-21")
        #expect(extraction.period("since March 2026") == "2026-03-01…2026-11-21")
    }

    @Test func wordsThatOnlyLookLikeAnOpenStartAreNoPeriod() {
        #expect(extraction.period("and the month before?") != "?…2026-10-31")
        #expect(extraction.period("orders that came through the website") == nil)
        #expect(extraction.period("June through August 2011") == "2011-06-01…2011-08-31")
        #expect(extraction.period("the three months to the end of June 2011") == "2011-04-01…2011-06-30")
    }

    /// Periods as spreadsheets and clerks write them, and months by their place in the year.
    @Test(arguments: [
        ("units, Feb-2011", "2011-02-01…2011-02-28"),
        ("orders in oct-10", "2010-10-01…2010-10-31"),
        ("revenue 05-Mar-2011", "2011-03-05…2011-03-05"),
        ("from 03-Jan-2011 to 09-Jan-2011", "2011-01-03…2011-01-09"),
        ("sales on 2011.02.14", "2011-02-14…2011-02-14"),
        ("the 2nd-9th of May 2011", "2011-05-02…2011-05-09"),
        ("units 10-20 June 2011", "2011-06-10…2011-06-20"),
        ("the third month of 2011", "2011-03-01…2011-03-31"),
        ("month 7 of 2011", "2011-07-01…2011-07-31"),
        ("revenue in the 12th month of 2010", "2010-12-01…2010-12-31"),
        ("all of '10", "2010-01-01…2010-12-31"),
        ("CY2010", "2010-01-01…2010-12-31"),
        ("orders w/c Wednesday 2 March 2011", "2011-03-02…2011-03-08"),
        ("the week commencing Monday 7 March 2011", "2011-03-07…2011-03-13"),
    ])
    func clerksAndSpreadsheets(text: String, expected: String) {
        #expect(extraction.period(text) == expected)
    }

    @Test func numbersThatOnlyLookLikeTheseFormsAreNoPeriod() {
        #expect(extraction.period("size 10-12 please") == nil)
        #expect(extraction.period("the wh-1000xm5 headphones") == nil)
        #expect(extraction.period("jumper in cy") == nil)
    }

    @Test func aLastQuarterAndALastFewDaysKeepTheirOldMeaning() {
        #expect(extraction.period("last quarter") == "2026-07-01…2026-09-30")
        #expect(extraction.period("over the last 30 days") == "2026-10-23…2026-11-21")
    }
}
