import Testing
@testable import ShopTalkCore

/// Questions typed the way a query tool takes them are written out in words before they are understood.
@Suite("Owner query syntax")
struct OwnerQuerySyntaxTests {
    @Test(arguments: [
        ("select count(distinct customer_id) where country = 'Netherlands' and year = 2011", "count of distinct customer id, in Netherlands and in 2011"),
        ("orders | country: France | 2011-Q3", "orders, in France, Q3 2011"),
        ("revenue where date >= '2011-03-07' and date <= '2011-03-13'", "revenue, from 2011-03-07 to 2011-03-13"),
        ("units where order_date between '2011-02-01' and '2011-02-28'", "units, between 2011-02-01 and 2011-02-28"),
        ("sum(revenue) where customer_id = 12583 and date >= '2011-05-01'", "sum of revenue, customer 12583 and since 2011-05-01"),
        ("top products by units where month = '2011-10' order by units desc limit 3", "top products by units, October 2011 by units top 3"),
        ("select country, sum(revenue) group by country order by sum(revenue) desc limit 4", "country, sum of revenue by country by revenue top 4"),
        ("aov, H2-2011", "aov, H2 2011"),
        ("new customers 2011 Q1", "new customers Q1 2011"),
        ("revenue by customer for H1 2011, top 5 rows", "revenue by customer for H1 2011, top 5"),
        ("avg(order value) | n=3 | market=EIRE", "avg of order value, top 3, in EIRE"),
    ])
    func queriesAreWrittenOut(typed: String, written: String) {
        #expect(OwnerQuerySyntax.rewrite(typed) == written)
    }

    @Test(arguments: [
        "how much did we make last month?",
        "Units last month: ?",
        "where do most of our customers live?",
        "what's the 'best' seller this year",
        "Netherlands, first half of 2011: revenue?",
        "revenue this month = ?",
    ])
    func plainQuestionsAreLeftAlone(question: String) {
        let rewritten = OwnerQuerySyntax.rewrite(question)
        #expect(rewritten == question || rewritten == question.replacingOccurrences(of: "'best'", with: "best"))
    }

    func query(_ text: String) throws -> SalesQuery {
        try OwnerQuestionTests().query(OwnerShorthand.expand(OwnerQuerySyntax.rewrite(text)))
    }

    @Test func conditionsBecomeFiltersAndPeriods() throws {
        let distinct = try query("select count(distinct customer_id) where country = 'France' and year = 2011")
        #expect(distinct.metric == .customers && distinct.filter.country == "France" && distinct.from == "2011-01-01")
        let piped = try query("orders | country: France | 2011-Q3")
        #expect(piped.metric == .orders && piped.from == "2011-07-01" && piped.to == "2011-09-30" && piped.kind == .total)
        let week = try query("revenue where date >= '2011-03-07' and date <= '2011-03-13'")
        #expect(week.metric == .revenue && week.from == "2011-03-07" && week.to == "2011-03-13" && week.kind == .total)
        let since = try query("sum(revenue) where customer_id = 12583 and date >= '2011-05-01'")
        #expect(since.filter.customer == "12583" && since.from == "2011-05-01" && since.kind == .total)
        #expect(try query("count(orders), 2011-10").metric == .orders)
    }

    @Test func groupingAndLimitsRank() throws {
        let countries = try query("select country, sum(revenue) group by country order by sum(revenue) desc limit 4")
        #expect(countries.kind == .ranking(.country, limit: 4, ascending: false) && countries.metric == .revenue)
        let customers = try query("sum of revenue by customer id for 2011-Q2, top 3 rows")
        #expect(customers.kind == .ranking(.customer, limit: 3, ascending: false) && customers.from == "2011-04-01")
    }
}
