import Foundation
@testable import ShopTalkCore
import Testing

/// Owners rank in the idioms of leagues and charts ("top of the table", "chart-toppers", "rack up"), and
/// check a figure someone gave them before asking for the real one: the sentence that asks is the
/// question, the believed figure and who believes it are talk.
@Suite("Owner questions: league idioms and figures to check")
struct OwnerIdiomAndBeliefTests {
    let owner = OwnerFilterWordingTests()

    func query(_ text: String) throws -> SalesQuery { try owner.query(SpokenNumbers.write(text)) }

    @Test(arguments: [
        ("who's top of the table for spending in 2011?", SalesQuery.Kind.ranking(.customer, limit: 1, ascending: false)),
        ("our chart-toppers in may 2011, top 10 by units", .ranking(.product, limit: 10, ascending: false)),
        ("who are the front-runners among our customers in france? top 3 by spend", .ranking(.customer, limit: 3, ascending: false)),
        ("which 4 countries lead the way on revenue in 2011?", .ranking(.country, limit: 4, ascending: false)),
        ("who's winning among products this year? top 3 please", .ranking(.product, limit: 3, ascending: false)),
        ("who's been our biggest spender since day one?", .ranking(.customer, limit: 10, ascending: false)),
    ])
    func leagueIdiomsRank(_ text: String, _ kind: SalesQuery.Kind) throws {
        let asked = try query(text)
        #expect(asked.kind == kind && asked.filter.productIDs == nil, "\(text): \(asked.kind)")
    }

    @Test func sharesAndCountsAreNoRankings() throws {
        #expect(try query("what share of customers ordered 2 or more times in 2011?").kind == .total)
    }

    @Test func idiomsWhoseWordsAreGoodsNameNoProduct() throws {
        let rack = try query("how many orders did france rack up in 2011?")
        #expect(rack.metric == .orders && rack.filter.productIDs == nil && rack.filter.country == "France")
        let board = try query("how much revenue did we put on the board in may 2011?")
        #expect(board.metric == .revenue && board.filter.productIDs == nil)
        #expect(try query("how many pantry chopping boards did we sell in 2011").filter.productIDs != nil)
    }

    @Test func aSeasonSaidInPassingGivesWayToAQuarter() throws {
        let asked = try query("summer sales rundown for Q3 2011")
        #expect(asked.from == "2011-07-01" && asked.to == "2011-09-30", "\(asked.from ?? "-")")
        let fall = try query("orders in the fall of 2011")
        #expect(fall.from == "2011-09-01" && fall.to == "2011-11-30", "a year holding the season keeps it")
    }

    @Test func theSentenceThatAsksIsTheQuestion() throws {
        let average = try query("My accountant thinks customer 15311's orders average £500 each. What's their actual average order value?")
        #expect(average.metric == .aov && average.filter.customer == "15311", "\(average.metric)")
        let change = try query("France's revenue jumped 40% from Q1 2011 to Q2 2011, my rep says. What was the actual percent change for France?")
        #expect(change.kind == .compare && change.filter.country == "France", "\(change.kind)")
        // The believed change names the same quarters the question does: the question's range is split.
        let repeated = try query("I reckon Q4 2010 revenue was about 10% below Q1 2011. What's the real percentage change from Q4 2010 to Q1 2011?")
        #expect(repeated.kind == .compare && repeated.from == "2011-01-01" && repeated.to == "2011-03-31"
            && repeated.compareFrom == "2010-10-01" && repeated.compareTo == "2010-12-31", "\(repeated.from ?? "-")…\(repeated.compareFrom ?? "-")")
        let bank = try query("The bank asked for revenue per customer for 2011 and I guessed £800 off the top of my head. What's the real figure?")
        #expect(bank.metric == .revenuePerCustomer && bank.kind == .total && bank.filter.productIDs == nil, "\(bank.kind)")
    }

    @Test func theFormOfTheAnswerNamesNoGoods() throws {
        let chart = try query("orders in may 2011, just the number, no chart please")
        #expect(chart.metric == .orders && chart.filter.productIDs == nil, "\(chart.filter.productIDs ?? [])")
        let sign = try query("revenue change from april to may 2011 as one number with a % sign")
        #expect(sign.kind == .compare && sign.filter.productIDs == nil)
    }
}
