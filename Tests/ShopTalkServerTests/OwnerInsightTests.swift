import Foundation
import ShopTalkCore
@testable import ShopTalkServer
import Testing

/// Customer and basket views on the 8 good lines of the fixture, with figures worked out by hand from
/// the CSV (see the comments), and the plan every answer carries.
@Suite("Owner insights on the fixture")
struct OwnerInsightTests {
    @Test func customerAndBasketViewsFollowTheDefinitionsAndShowTheirPlan() async throws {
        let (database, token, _) = try await AnalyticsTests().fixtureStore()
        try await withLiveServer(testConfiguration(database, today: "2011-12-10") { $0.seedDemoStore = false }) { client in
            try await ownerChat(client, store: "fixture", token: token) { chat in
                // 12345 ordered twice (1001, 1006; C1004 is a return), 12346 and 12347 once: 1 of 3.
                let repeatRate = try await chat.say("what was our repeat customer rate in 2011?")
                #expect(repeatRate["result"]?["metric"] == .string("repeat_rate"))
                #expect(repeatRate.resultValue == 33.3)
                let plan = repeatRate["result"]?["plan"]
                #expect(plan?["period"] == .string("2011-01-01 to 2011-12-10"))
                #expect(plan?["definition"]?.stringValue?.hasPrefix("repeat rate = customers with 2+ orders") == true)
                #expect(plan?["source"]?.stringValue?.contains("data 2011-01-05 to 2011-03-20") == true)
                // Units on orders 6+2+12+1+4+3+10 = 38 over 5 orders.
                #expect(try await chat.say("average basket size in 2011").resultValue == 7.6)
                // 1 cancellation invoice of 6.
                #expect(try await chat.say("what's our return rate in 2011?").resultValue == 16.7)
                // 40.80 + 30.60 − 5.10 + 28.65 + 46.50 = 141.45 over 3 customers.
                #expect(try await chat.say("revenue per customer in 2011").resultValue == 47.15)
                // March: 12347 is new (28.65), 12345 returning (46.50).
                let mix = try await chat.say("new vs returning customers in March 2011")
                #expect(mix.resultRows == [[.string("new"), .number(1), .number(28.65)], [.string("returning"), .number(1), .number(46.5)]])
                let country = try await chat.say("revenue per customer in France in 2011")
                #expect(country["result"]?["plan"]?["filters"] == .array([.string("country = France")]))
                // Wednesday 5 Jan, Thursday 20 Jan and 3 Feb, Tuesday 15 Mar, Sunday 20 Mar.
                let weekdays = try await chat.say("orders by day of the week in 2011")
                #expect(weekdays.resultRows.filter { $0[1] != .number(0) }.map { $0[0] }
                        == [.string("Tuesday"), .string("Wednesday"), .string("Thursday"), .string("Sunday")])
                #expect(weekdays.resultRows.first { $0[0] == .string("Thursday") }?[1] == .number(2))
                let together = try await chat.say("which products are bought together?")
                #expect(together.resultRows.count == 2)
                #expect(together.resultRows.allSatisfy { $0[2] == .number(1) })
                // A rate per customer has no meaning per month: refused with what works instead.
                let refused = try await chat.say("repeat customer rate by month")
                #expect(refused.string("text")?.contains("for a period") == true)
            }
        }
    }

    @Test func aMonthNotOverIsMarkedPartialAndNeverCalledTheLowest() async throws {
        let (database, token, _) = try await AnalyticsTests().fixtureStore()
        try await withLiveServer(testConfiguration(database, today: "2011-03-16") { $0.seedDemoStore = false }) { client in
            try await ownerChat(client, store: "fixture", token: token) { chat in
                let series = try await chat.say("sales by month this year")
                guard case .array(let points)? = series["result"]?["points"] else {
                    Issue.record("no points")
                    return
                }
                #expect(points.map { $0["partial"] } == [nil, nil, .bool(true)])
                #expect(series.string("text")?.contains("Mar 2011 is partial") == true)
                #expect(series.string("text")?.contains("lowest Feb 2011") == true)
                #expect(series["suggestions"] != nil)
            }
        }
    }
}
