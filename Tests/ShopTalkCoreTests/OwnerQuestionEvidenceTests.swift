import Foundation
@testable import ShopTalkCore
import Testing

/// Periods written with "the" and ordinals, counts of a named thing, and how much evidence a product
/// needs, with the clock at 2011-12-10 as in the Online Retail sample.
@Suite("Owner questions: periods, counts and product evidence")
struct OwnerQuestionEvidenceTests {
    let owner = OwnerQuestionTests()

    func query(_ text: String) throws -> SalesQuery {
        try owner.query(SpokenNumbers.write(text))
    }

    @Test(arguments: [
        ("orders between the 3rd of May and the 9th of June", "2011-05-03", "2011-06-09"),
        ("units from the second to the eighth of october", "2011-10-02", "2011-10-08"),
        ("what did we make between the tenth and the twentieth of march twenty eleven", "2011-03-10", "2011-03-20"),
        ("aov from the first of april to the thirtieth of june", "2011-04-01", "2011-06-30"),
        ("top 5 products by units feb-apr", "2011-02-01", "2011-04-30"),
        ("orders in may of last year", "2010-05-01", "2010-05-31"),
        ("revenue for july of 2011", "2011-07-01", "2011-07-31"),
        ("new customers since the 1st of september", "2011-09-01", "2011-12-10"),
        ("how many orders in both august and september", "2011-08-01", "2011-09-30"),
        ("revenue for the months of march and april together", "2011-03-01", "2011-04-30"),
    ])
    func periodsWithTheAndOrdinals(_ text: String, _ from: String, _ to: String) throws {
        let parsed = try query(text)
        #expect(parsed.from == from && parsed.to == to, "\(parsed.from ?? "-")…\(parsed.to ?? "-")")
        #expect(parsed.kind != .compare)
    }

    @Test func anElidedUnitIsTheOneNamedBefore() throws {
        let quarters = try query("did the third quarter beat the second on revenue")
        #expect(quarters.kind == .compare && quarters.from == "2011-07-01" && quarters.compareFrom == "2011-04-01")
        let halves = try query("compare orders in the first half with the second")
        #expect(halves.from == "2011-01-01" && halves.compareFrom == "2011-07-01")
    }

    @Test func aCustomerIdReadOutInGroupsIsOneNumber() throws {
        #expect(try query("revenue from customer fourteen six forty six in twenty eleven").filter.customer == "14646")
    }

    @Test(arguments: [
        ("how many distinct orders did customer 12583 place", SalesQuery.Metric.orders),
        ("how many individual buyers in march", .customers),
        ("buyers from spain last month, how many?", .customers),
        ("how many did customers in france buy last month", .units),
        ("what's every customer worth to us on average this year", .revenuePerCustomer),
        ("brand new customers who had never ordered before, how many in october", .newCustomers),
    ])
    func aCountNamesWhatItCounts(_ text: String, _ metric: SalesQuery.Metric) throws {
        #expect(try query(text).metric == metric)
    }

    @Test func wordsAsTypedBeatAMisspeltName() {
        let matcher = ProductNameMatcher(products: [(1, "TRADITIONAL WOODEN SKIPPING ROPE"), (2, "SET/3 RABBITS FLOWER SKIPPPING ROPE")])
        let text = "qty of skipping rope, all time"
        let entities = EntityExtractor().extract(text, vocabulary: CatalogVocabulary(brands: [], categories: [], colors: []), currency: "GBP", today: OwnerQuestionTests.today)
        let turn = Turn(text: text, tokens: Tokenizer.tokenize(text), intent: Intent(name: Intent.Name.businessQuery, confidence: 0.9), entities: entities,
                        context: ChatContext(store: Store(id: 1, slug: "s", name: "S", currency: "GBP"), role: .owner, sessionID: "o"))
        guard case .query(let query) = QuestionParser(today: OwnerQuestionTests.today).parse(turn, previous: nil, matcher: matcher) else {
            Issue.record("asked which product")
            return
        }
        #expect(query.filter.productIDs == [1])
    }

    @Test func talkWithoutProductWordsIsNotAProduct() throws {
        let talk = try query("revenue last week, my spreadsheet total seems odd")
        #expect(talk.filter.productIDs == nil && talk.metric == .revenue)
        let ranking = try query("for the quarterly newsletter, top 3 products by units in 2011")
        #expect(ranking.filter.productIDs == nil)
        let aside = try query("how are the red kitchen scales going, units in november?")
        #expect(aside.filter.productIDs == [11] && aside.metric == .units)
        guard case .unknownProduct = owner.parse("units of the zebra teapot") else {
            Issue.record("a kind of goods with an unknown name is asked about")
            return
        }
    }
}

/// Desk shorthand: counts written with "#", "cust", ratios with "/", months as "m/yyyy", weeks by a day.
@Suite("Owner questions: desk shorthand")
struct OwnerShorthandDeskTests {
    let owner = OwnerQuestionTests()

    func query(_ text: String) throws -> SalesQuery {
        try owner.query(OwnerShorthand.expand(text))
    }

    @Test(arguments: [
        ("# of orders", "number of orders"), ("#orders nov", "number of orders nov"), ("# new cust q2", "number of new customers q2"), ("cust 12583 rev", "customer 12583 revenue"),
        ("rev/cust 2011", "revenue per customer 2011"), ("order #1234", "order #1234"), ("top cust by rev", "top customers by revenue"),
    ])
    func shorthandIsWrittenOut(_ typed: String, _ written: String) {
        #expect(OwnerShorthand.expand(typed) == written)
    }

    @Test func countsRatiosAndPeriodsInShorthand() throws {
        let count = try query("# of cust 4/2011")
        #expect(count.metric == .customers && count.from == "2011-04-01" && count.to == "2011-04-30")
        let ratio = try query("rev/cust 2011")
        #expect(ratio.metric == .revenuePerCustomer && ratio.filter.customer == nil && ratio.from == "2011-01-01")
        let range = try query("orders 2/2011 to 4/2011")
        #expect(range.from == "2011-02-01" && range.to == "2011-04-30")
        let week = try query("rev wk of 16 nov")  // a Wednesday
        #expect(week.from == "2011-11-14" && week.to == "2011-11-20")
        let full = try query("units last 2 full mths")
        #expect(full.from == "2011-10-01" && full.to == "2011-11-30")
        let dutch = try query("dutch aov in october")
        #expect(dutch.filter.country == "Netherlands" && dutch.metric == .aov)
    }

    @Test func aPurposeSaidLastIsNoProduct() throws {
        #expect(try query("units sold in q3, need it for the bank").filter.productIDs == nil)
        #expect(try query("items per order 2011-10").filter.from == "2011-10-01")
    }
}

/// Owners writing in a second language: dates as most of the world writes them, false friends, and
/// comparatives for rankings.
@Suite("Owner questions: second-language phrasings")
struct OwnerQuestionSecondLanguageTests {
    let owner = OwnerQuestionTests()

    func query(_ text: String) throws -> SalesQuery {
        try owner.query(OwnerShorthand.expand(SpokenNumbers.write(text)))
    }

    @Test(arguments: [
        ("orders from 2.5.2011 to 20.5.2011", "2011-05-02", "2011-05-20"),
        ("revenue since 15.9.2011", "2011-09-15", "2011-12-10"),
        ("how many customers between 05/04/2011 and 25/04/2011", "2011-04-05", "2011-04-25"),
        ("units on 07/06/2011", "2011-06-07", "2011-06-07"),
        ("revenue of the actual month until today", "2011-12-01", "2011-12-10"),
        ("units in the second trimester of 2011", "2011-04-01", "2011-06-30"),
        ("orders in the first semester 2011", "2011-01-01", "2011-06-30"),
        ("revenue 2011 year 9 month", "2011-09-01", "2011-09-30"),
    ])
    func datesAndPeriods(_ text: String, _ from: String, _ to: String) throws {
        let parsed = try query(text)
        #expect(parsed.from == from && parsed.to == to && parsed.kind != .compare, "\(parsed.from ?? "-")…\(parsed.to ?? "-") \(parsed.kind)")
    }

    @Test func comparativesRankAndPercentagesCompare() throws {
        #expect(try query("which 4 countries are bringing us more money in 2011").kind == .ranking(.country, limit: 4, ascending: false))
        #expect(try query("the 5 first products more sold in october").kind == .ranking(.product, limit: 5, ascending: false))
        let grown = try query("of how much percent is revenue grown from september to october")
        #expect(grown.kind == .compare && grown.from == "2011-10-01" && grown.compareFrom == "2011-09-01")
        #expect(try query("orders q3 against q2 in germany").kind == .compare)
        #expect(try query("which customers bought more than one time in 2011").metric == .repeatRate)
    }

    @Test func falseFriendsAndOtherWordsForFigures() throws {
        #expect(try query("the medium ticket in november").metric == .aov)
        #expect(try query("average bill amount per order last month").filter.productIDs == nil)
        #expect(try query("how much spends one client in average this year").metric == .revenuePerCustomer)
        #expect(try query("new clients and clients already buying before, october").kind == .customerMix)
        let sells = try query("the sells of march 2011")
        #expect(sells.metric == .revenue && sells.from == "2011-03-01")
    }
}

/// The people around an owner ask in their own trade's words: the bookkeeper's invoices, the
/// warehouse's goods out of the door, the teenager's texting.
@Suite("Owner questions: words of the trade and of texting")
struct OwnerQuestionTradeWordsTests {
    let owner = OwnerQuestionTests()

    func query(_ text: String) throws -> SalesQuery {
        try owner.query(OwnerShorthand.expand(SpokenNumbers.write(text)))
    }

    @Test(arguments: [
        ("invoices raised in the second quarter of 2011", SalesQuery.Metric.orders),
        ("mean invoice value for may 2011", .aov),
        ("pieces that left through the door in june 2011", .units),
        ("units we picked, packed and dispatched in september", .units),
        ("how many ppl ordered from us in aug", .customers),
        ("what did we take w the germans in 2011 tbh", .revenue),
    ])
    func tradeAndTextingWordsNameTheFigure(_ text: String, _ metric: SalesQuery.Metric) throws {
        let parsed = try query(text)
        #expect(parsed.metric == metric && parsed.filter.productIDs == nil, "\(parsed.metric) \(parsed.filter.productIDs ?? [])")
    }

    @Test func aBareCountCountsTheThingTheSentenceIsAboutAndShortWordsNameNothing() throws {
        #expect(try query("busy month for orders, how many came in during october?").metric == .orders)
        #expect(try query("so many orders recently. how many units did they hold in october?").metric == .units)
        let polite = try query("I am needing the revenue for june 2011 please")
        #expect(polite.metric == .revenue && polite.filter.productIDs == nil)
    }

    @Test func goodsLeavingTheShopAreUnitsOfThatProductAndSpeedRanks() throws {
        let shelf = try query("how many red kitchen scales flew off the shelves in 2011")
        #expect(shelf.filter.productIDs == [11] && shelf.metric == .units)
        let door = try query("how many french blue metal door signs went out the door this year")
        #expect(door.filter.productIDs == [13])
        #expect(try query("which 4 lines sold fastest in november").kind == .ranking(.product, limit: 4, ascending: false))
        #expect(try query("quickest movers last month, top 3").kind == .ranking(.product, limit: 3, ascending: false))
    }

    @Test func textingShorthandIsWrittenOut() {
        #expect(OwnerShorthand.expand("how many ppl bought w us rn") == "how many people bought with us now")
        #expect(OwnerShorthand.expand("tbh whats rev for nov") == " whats revenue for nov")
    }
}

/// Questions that correct themselves, come wrapped in sentences of context, or follow another.
@Suite("Owner questions: corrections, context and follow-ups")
struct OwnerQuestionCorrectionTests {
    let owner = OwnerQuestionTests()

    func query(_ text: String, previous: SalesQuery? = nil) throws -> SalesQuery {
        let text = OwnerShorthand.expand(SpokenNumbers.write(text))
        guard case .query(let query) = owner.parse(text, previous: previous) else {
            Issue.record("\(text) was not parsed into a query: \(owner.parse(text, previous: previous))")
            throw CancellationError()
        }
        return query
    }

    @Test func aCorrectionReplacesWhatItCorrects() throws {
        let month = try query("revenue in march, sorry i mean april 2011")
        #expect(month.from == "2011-04-01" && month.to == "2011-04-30" && month.kind == .total)
        #expect(try query("orders from france — no wait, spain — last month").filter.country == "Spain")
        #expect(try query("top 3 customers by orders, i mean by revenue, in 2011").metric == .revenue)
        let compared = try query("how did units in october compare to august — no, to september 2011?")
        #expect(compared.from == "2011-10-01" && compared.compareFrom == "2011-09-01")
        let product = try query("units of the red kitchen scales, sorry, the ivory kitchen scales in 2011")
        #expect(product.filter.productIDs == [12])
    }

    @Test func sentencesOfContextNameNoProductUnlessTheyHoldAWholeName() throws {
        let talk = try query("My accountant is asking again. What were the takings in May 2011? She needs it in front of her by noon.")
        #expect(talk.metric == .revenue && talk.filter.productIDs == nil && talk.from == "2011-05-01")
        let named = try query("We keep running short of the regency cakestand 3 tier. How many of those did we sell in 2011?")
        #expect(named.filter.productIDs == [7] && named.metric == .units)
        #expect(try query("france's revenue in june 2011").filter.country == "France")
    }

    @Test func sentencesAboutTheOwnersLifeLendTheQuestionNoYearPlaceOrNumber() throws {
        let years = try query("We started trading in 2008 and took on a second van in June 2010. How many orders came in during August 2011?")
        #expect(years.metric == .orders && years.from == "2011-08-01" && years.to == "2011-08-31" && years.kind == .total)
        let places = try query("My sister just moved to Portugal, lucky her! Which 4 countries brought in the most revenue in 2011?")
        #expect(places.kind == .ranking(.country, limit: 4, ascending: false) && places.filter.country == nil)
        let numbers = try query("We've had 9 complaints about the courier since we switched. Top products by units in September 2011?")
        #expect(numbers.kind == .ranking(.product, limit: 5, ascending: false) && numbers.from == "2011-09-01")
        let goods = try query("I was up all morning boxing red kitchen scales. Average order value in May 2011?")
        #expect(goods.metric == .aov && goods.filter.productIDs == nil)
        // Sentences that ask for the figures, or correct the question, stay part of it.
        #expect(try query("I need the figures for France. What was revenue in Q3 2011?").filter.country == "France")
        let corrected = try query("Units sold in March 2011? Sorry, I mean April 2011.")
        #expect(corrected.from == "2011-04-01")
        #expect(try query("How many customers did we have in 2011? Sorry, my brain is fried today.").metric == .customers)
        let pointed = try query("October 2011 was when we ran the radio ads. How many orders did we get that month?")
        #expect(pointed.metric == .orders && pointed.from == "2011-10-01" && pointed.to == "2011-10-31")
        let asked = try query("How did we do in March 2011? What were the takings?")
        #expect(asked.metric == .revenue && asked.from == "2011-03-01")
    }

    @Test func orderingTwiceOrMoreIsTheRepeatRate() throws {
        #expect(try query("what share of our customers ordered two or more times in 2011?").metric == .repeatRate)
        #expect(try query("how many of our customers came back at least twice in 2011, as a percentage?").metric == .repeatRate)
    }

    @Test func aPartOfTheWholeTheFewestAndTheSameMonthLastYear() throws {
        let share = try query("what percentage of our revenue in 2011 came from france?")
        #expect(share.kind == .share && share.metric == .revenue && share.filter.country == "France")
        #expect(try query("which country bought the fewest units in 2011").kind == .ranking(.country, limit: 5, ascending: true))
        let sameMonth = try query("orders in october 2011 against the same month last year")
        #expect(sameMonth.kind == .compare && sameMonth.from == "2011-10-01" && sameMonth.compareFrom == "2010-10-01" && sameMonth.compareTo == "2010-10-31")
    }

    @Test func returnsAreCountedUnlessAShareIsAskedFor() throws {
        #expect(try query("how many returns did we get in november 2011").metric == .returns)
        #expect(try query("how many orders were cancelled in october 2011").metric == .returns)
        #expect(try query("returns by month in 2011").metric == .returns)
        #expect(try query("what share of invoices were cancellations in 2011").metric == .returnRate)
        #expect(try query("revenue net of returns in 2011").metric == .revenue)
    }

    @Test func changesAndSharesAreNotRankings() throws {
        #expect(try query("by what percentage did orders go up or down from march to april 2011").kind == .compare)
        let share = try query("what share of customers had 2 or more orders in 2011?")
        #expect(share.metric == .repeatRate && share.kind == .total)
    }

    @Test func aFollowUpMovesThePeriodAndANewShortQuestionStartsAfresh() throws {
        var previous = try query("revenue in germany in october 2011")
        let before = try query("and the month before?", previous: previous)
        #expect(before.from == "2011-09-01" && before.to == "2011-09-30" && before.filter.country == "Germany")
        let lastYear = try query("what about the same month last year?", previous: previous)
        #expect(lastYear.from == "2010-10-01" && lastYear.to == "2010-10-31")
        let week = try query("and the week before?", previous: previous)
        #expect(week.from == "2011-09-24" && week.to == "2011-09-30")
        let ranked = try query("top 5 products in germany in october 2011")
        let byRevenue = try query("by revenue instead", previous: ranked)
        #expect(byRevenue.kind == .ranking(.product, limit: 5, ascending: false) && byRevenue.metric == .revenue && byRevenue.from == "2011-10-01")
        #expect(try query("top 3 customers then", previous: ranked).filter.country == "Germany")
        previous = try query("units in germany last week")
        let fresh = try query("orders yesterday", previous: previous)
        #expect(fresh.metric == .orders && fresh.filter.country == nil && fresh.from == "2011-12-09")
    }
}

