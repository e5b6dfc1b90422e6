import Foundation
@testable import ShopTalkCore
import Testing

/// Owners new to the trade ask in everyday words: people for customers, things for items, times someone
/// bought for orders, what one order comes to for the average order value.
@Suite("Owner questions: everyday words")
struct OwnerEverydayWordsTests {
    let owner = OwnerQuestionTests()

    func query(_ text: String) throws -> SalesQuery {
        try owner.query(OwnerShorthand.expand(SpokenNumbers.write(text)))
    }

    @Test(arguments: [
        ("how many different people bought anything from us in may 2011?", SalesQuery.Metric.customers),
        ("how many separate times did folks buy from us in june 2011", .orders),
        ("how many times did somebody check out with us last month?", .orders),
        ("how many things did we send out in march 2011, minus what came back?", .units),
        ("on a typical order in april 2011, how much does a customer spend?", .aov),
        ("what did one of their orders come to on average in 2011, for customer number 12583?", .aov),
        ("what did the average person spend with us in 2011?", .revenuePerCustomer),
        ("how many people bought from us for the very first time in july 2011?", .newCustomers),
        ("what percentage of invoices did people cancel or send back in may 2011?", .returnRate),
        ("how many separate purchases came from france in 2011", .orders),
    ])
    func everydayWordsNameTheFigure(_ text: String, _ metric: SalesQuery.Metric) throws {
        let parsed = try query(text)
        #expect(parsed.metric == metric && parsed.filter.productIDs == nil, "\(parsed.metric) \(parsed.filter.productIDs ?? [])")
    }

    @Test func peopleAndThingsRankAndACustomerNumberIsACustomer() throws {
        #expect(try query("which three people spent the most with us in july 2011?").kind == .ranking(.customer, limit: 3, ascending: false))
        #expect(try query("which 4 things flew off the shelves in october 2011?").kind == .ranking(.product, limit: 4, ascending: false))
        #expect(try query("how much money has customer number 14911 given us altogether?").filter.customer == "14911")
        let firstMonths = try query("how many orders in the first three months of 2011")
        #expect(firstMonths.from == "2011-01-01" && firstMonths.to == "2011-03-31")
    }

    /// "up to the end of March" once answered March alone, and "before April" answered April.
    @Test func aPeriodOpenAtItsStartHoldsEverythingBeforeItsEnd() throws {
        for (text, to) in [("what was revenue up to the end of March 2011?", "2011-03-31"), ("total revenue through March 2011", "2011-03-31"),
                           ("how much did we sell before April 2011", "2011-03-31"), ("orders until 15 May 2011", "2011-05-15")] {
            let parsed = try query(text)
            #expect(parsed.from == nil && parsed.to == to && parsed.filter.from == nil && parsed.filter.to == to, "\(text): \(parsed.from ?? "-") \(parsed.to ?? "-")")
            let plan = AnalyticsPlanner.plan(parsed, storeSlug: "demo", data: nil)
            #expect(plan.period == "up to \(to)")
        }
        #expect(AnalyticsPhrases.period(nil, "2011-03-31") == "up to and including 31 Mar 2011")
    }

    @Test func allOfAPersonsOrdersTogetherIsSpendPerCustomer() throws {
        #expect(try query("in 2011, what did each person spend with us on average, all their purchases added up?").metric == .revenuePerCustomer)
        #expect(try query("what did every customer spend on average in june 2011, with all of their orders counted together").metric == .revenuePerCustomer)
        #expect(try query("how much did one of their orders come to on average in 2011, for customer number 12583?").metric == .aov)
    }

    @Test func anApologyWithoutACorrectionIsTalk() throws {
        let asked = try query("How many orders came in during June 2011? Oops, I'm still getting used to the words people use for stock and goods.")
        #expect(asked.metric == .orders && asked.filter.productIDs == nil && asked.from == "2011-06-01", "\(asked.metric) \(asked.filter.productIDs ?? [])")
        let corrected = try query("How many orders came in during May 2011? Sorry, I mean June.")
        #expect(corrected.from == "2011-06-01")
    }

    @Test func aDemonymBeforeAShorthandMetricNamesTheCountry() throws {
        let asked = try query("austrian qty march 2011")
        #expect(asked.metric == .units && asked.filter.country == "Austria", "\(asked.metric) \(asked.filter.country ?? "-")")
        if case .query(let knife) = owner.parse("units of the swiss army knife in 2011") {
            #expect(knife.filter.country == nil, "a demonym before goods names no country")
        }
    }

    @Test func aFigureWantedForSomeoneNamesNoProduct() throws {
        let asked = try query("q3 revenue for the accountant")
        #expect(asked.metric == .revenue && asked.filter.productIDs == nil && asked.from == "2011-07-01")
        let product = try query("revenue for the jumbo bag red retrospot in 2011")
        #expect(product.filter.productIDs != nil, "after a metric word, goods after 'for the' are the product")
    }

    @Test func aQuarterWithoutItsYearTakesTheYearOfTheOneItIsComparedWith() throws {
        let asked = try query("France: revenue of third quarter against second quarter of 2011, as a percentage")
        #expect(asked.kind == .compare && asked.filter.country == "France", "\(asked.kind)")
        #expect(asked.from == "2011-07-01" && asked.to == "2011-09-30", "\(asked.from ?? "-") \(asked.to ?? "-")")
        #expect(asked.compareFrom == "2011-04-01" && asked.compareTo == "2011-06-30", "\(asked.compareFrom ?? "-") \(asked.compareTo ?? "-")")
    }

    @Test func theSameDaysOfAnotherYearAreTheFirstPeriodMoved() throws {
        let asked = try query("compare revenue in the first ten days of march 2011 with the same ten days of march 2010")
        #expect(asked.kind == .compare && asked.from == "2011-03-01" && asked.to == "2011-03-10")
        #expect(asked.compareFrom == "2010-03-01" && asked.compareTo == "2010-03-10")
        let months = try query("compare revenue in march 2011 with april 2010")
        #expect(months.compareFrom == "2010-04-01" && months.compareTo == "2010-04-30", "no 'same': the second period as said")
    }

    @Test func comparisonsAndRankingsInOtherWords() throws {
        let asked = try query("Did units from Germany go up or down from March 2011 to April 2011? Give me the percentage.")
        #expect(asked.kind == .compare && asked.from == "2011-04-01" && asked.compareFrom == "2011-03-01")
        let fall = try query("did orders rise or fall in october 2011 compared to september 2011, in percent?")
        #expect(fall.kind == .compare && fall.from == "2011-10-01" && fall.to == "2011-10-31")
        #expect(try query("orders in the fall of 2011").from == "2011-09-01")
        #expect(try query("the leading 6 products by units in 2011").kind == .ranking(.product, limit: 6, ascending: false))
        #expect(try query("who is our number one customer by revenue this year?").kind == .ranking(.customer, limit: 1, ascending: false))
        let grossing = try query("In Q2 2011, what was the highest-grossing product?")
        #expect(grossing.kind == .ranking(.product, limit: 1, ascending: false) && grossing.metric == .revenue)
    }

    @Test func peopleNameCustomersOnlyWhenNothingElseIsRankedAndContextPointsBack() throws {
        #expect(try query("which 5 countries did people spend the most money in during 2011?").kind == .ranking(.country, limit: 5, ascending: false))
        #expect(try query("what were the ten things people bought the most of in 2011").kind == .ranking(.product, limit: 10, ascending: false))
        #expect(try query("how much have people paid us so far this year?").metric == .revenue)
        let fewer = try query("we sent out fewer things in february 2011 than in january 2011, by what percent?")
        #expect(fewer.kind == .compare && fewer.metric == .units)
        let typical = try query("On a typical order from Germany, how much does a customer spend? I mean the average, not the biggest or smallest.")
        #expect(typical.metric == .aov && typical.kind == .total && typical.filter.country == "Germany", "\(typical.metric) \(typical.kind)")
        #expect(try query("how many brand new people from france found us in 2011?").metric == .newCustomers)
        let pointed = try query("There's one person who buys a lot, their customer number is 12583. How much money have they given us altogether?")
        #expect(pointed.filter.customer == "12583" && pointed.metric == .revenue)
        let times = try query("The person with customer number 12583 seems to come back a lot. How many separate times did they buy from us in 2011?")
        #expect(times.metric == .orders && times.filter.customer == "12583")
    }
}
