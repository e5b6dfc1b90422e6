import Foundation
@testable import ShopTalkCore
import Testing

/// A bookkeeper's words: customers are "accounts" on the sales ledger, orders are "sales invoices", figures
/// are "net of returns", periods run "to" a date ("the half-year to 30 September") or "up to today", and
/// the month asked for may sit in the talk before the metric ("our slowest month last year, by units?").
@Suite("Owner questions: a bookkeeper's words")
struct OwnerBookkeepingTests {
    let owner = OwnerFilterWordingTests()

    /// As the chat reads an owner's message: shorthand written out first.
    func query(_ text: String) throws -> SalesQuery { try owner.query(OwnerShorthand.expand(text)) }

    @Test func accountsAreCustomersButTheManagementAccountsAreNot() throws {
        #expect(try query("how many accounts placed orders in May 2011?").metric == .customers)
        let dutch = try query("how many Dutch accounts bought from us in 2011?")
        #expect(dutch.metric == .customers && dutch.filter.country == "Netherlands")
        #expect(try query("the 3 largest accounts by turnover since January 2011").kind == .ranking(.customer, limit: 3, ascending: false))
        let one = try query("acct 14911: invoices raised in 2011")
        #expect(one.filter.customer == "14911" && one.metric == .orders)
        let books = try query("for the management accounts: turnover in Q2 2011")
        #expect(books.metric == .revenue && books.kind == .total && books.from == "2011-04-01")
        #expect(try query("which single account spent the most in October 2011?").kind == .ranking(.customer, limit: 1, ascending: false))
        // A stock line is a product in general.
        let lines = try query("our 4 best-selling lines to German accounts in 2011")
        #expect(lines.kind == .ranking(.product, limit: 4, ascending: false) && lines.filter.country == "Germany" && lines.filter.productIDs == nil)
    }

    @Test func salesInvoicesAreOrdersAndNetOfReturnsIsNoReturnRate() throws {
        let invoices = try query("number of sales invoices for Germany in March 2011")
        #expect(invoices.metric == .orders && invoices.filter.country == "Germany")
        let net = try query("units net of returns: July 2011 versus June 2011 as a percentage")
        #expect(net.metric == .units && net.kind == .compare)
    }

    @Test func aMonthWithTheMostOrTheLeastIsTheBestOrWorstMonth() throws {
        let most = try query("which month saw the most invoices in 2011?")
        #expect(most.kind == .extreme(.month, best: true) && most.metric == .orders)
        #expect(try query("what week brought in the least revenue in 2011").kind == .extreme(.week, best: false))
        // The month in the talk, the figure after it.
        #expect(try query("Our slowest month in 2011, by units?").kind == .extreme(.month, best: false))
        // A question of its own beside it still asks its own question.
        let own = try query("May 2011 was our best month. How much revenue did we take in June 2011?")
        if case .extreme = own.kind { Issue.record("a question of its own was read as the best month") }
    }

    @Test func periodsRunningToADate() throws {
        let half = try query("turnover for the half-year to 30 September 2011")
        #expect(half.from == "2011-04-01" && half.to == "2011-09-30")
        let halfYear = try query("takings in the half year to 31 March 2011")
        #expect(halfYear.from == "2010-10-01" && halfYear.to == "2011-03-31")
        let upToToday = try query("revenue from 1 March 2011 up to today")
        #expect(upToToday.from == "2011-03-01" && upToToday.to == "2011-12-10")
    }

    @Test func aProductNamedInTheTalkAndPointedBackToWithIts() throws {
        let rack = try query("Doing the stocktake on the gumball rack - what were its takings in 2011?")
        let id = try #require(OwnerFilterWordingTests.names.firstIndex(of: "GUMBALL COAT RACK")).advanced(by: 1)
        #expect(rack.filter.productIDs == [Int64(id)] && rack.metric == .revenue)
        // Without "its" the talk's goods are not the question's.
        #expect(try query("Doing the stocktake on the gumball rack - what were our takings in 2011?").filter.productIDs == nil)
    }

    @Test func theSizeOfARankingSaidInASentenceOfItsOwnIsKept() throws {
        #expect(try query("Which customers spent most with us this year? Give me the top 4.").kind == .ranking(.customer, limit: 4, ascending: false))
    }
}
