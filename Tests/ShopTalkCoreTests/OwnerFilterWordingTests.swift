import Foundation
@testable import ShopTalkCore
import Testing

/// Owners name who and where in many ways: a customer as an account, a shopper with an id or a number
/// that owns something ("14911's orders"), a country by where its people are based ("Dutch-based
/// buyers", "our Swiss clientele"), and their home market by that name. None of those words is a product.
@Suite("Owner questions: filters in other words")
struct OwnerFilterWordingTests {
    static let names = OwnerQuestionTests.names + ["HOME SWEET HOME MUG", "HOME SWEET HOME BOTTLE", "ENAMEL BREAD BIN CREAM", "BREAD BIN DINER STYLE RED",
                                                       "PANTRY CHOPPING BOARD", "GUMBALL COAT RACK", "PIGGY BANK RETROSPOT", "CHRISTMAS CARD SCREEN PRINT",
                                                       "WOODLAND HEIGHT CHART STICKERS", "GARDEN METAL SIGN", "KITCHEN METAL SIGN"]
    let matcher = ProductNameMatcher(products: names.enumerated().map { (Int64($0.offset + 1), $0.element) })

    func query(_ text: String) throws -> SalesQuery {
        // The store's product names are in the vocabulary, as the server gives them.
        let vocabulary = CatalogVocabulary(brands: [], categories: [], colors: [], products: Self.names)
        let today = OwnerQuestionTests.today
        let turn = Turn(
            text: text, tokens: Tokenizer.tokenize(text), intent: Intent(name: Intent.Name.businessQuery, confidence: 0.9),
            entities: EntityExtractor().extract(text, vocabulary: vocabulary, currency: "GBP", today: today),
            context: ChatContext(store: Store(id: 1, slug: "s", name: "S", currency: "GBP"), role: .owner, sessionID: "o")
        )
        guard case .query(let query) = QuestionParser(today: today).parse(turn, previous: nil, matcher: matcher) else {
            throw TestFailure("\(text) was not parsed into a query")
        }
        return query
    }

    struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test(arguments: [
        ("client 15311 – revenue in 2011?", "15311"),
        ("acct 15311 - how many orders so far", "15311"),
        ("units bought by the shopper whose id is 15311 in may 2011", "15311"),
        ("how much has 15311's spending come to this year", "15311"),
        ("list 15311’s orders in 2011", "15311"),
    ])
    func aCustomerIsNamedByAccountShopperOrOwnership(_ text: String, _ customer: String) throws {
        let asked = try query(text)
        #expect(asked.filter.customer == customer && asked.filter.productIDs == nil, "\(text): \(asked.filter.customer ?? "-")")
    }

    @Test func aYearOwningSomethingIsNoCustomer() throws {
        let asked = try query("what was 2011's revenue")
        #expect(asked.filter.customer == nil && asked.metric == .revenue)
        #expect(try query("customers 4/2011 by revenue").filter.customer == nil)
    }

    @Test func aCountrySaidByWhereItsPeopleAreBased() throws {
        #expect(try query("return rate of our Dutch-based buyers in 2011").filter.country == "Netherlands")
        let clientele = try query("the five biggest spenders in our French clientele")
        #expect(clientele.filter.country == "France" && clientele.kind == .ranking(.customer, limit: 5, ascending: false))
    }

    @Test func theHomeMarketAndABreakdownNameNoProduct() throws {
        let home = try query("our home market, the United Kingdom: revenue in May 2011?")
        #expect(home.filter.productIDs == nil && home.filter.country == "United Kingdom", "\(home.filter.productIDs ?? [])")
        let broken = try query("break down 2011's orders from France by day of the week")
        #expect(broken.filter.productIDs == nil && broken.kind == .breakdown(.weekday), "\(broken.kind)")
        #expect(try query("how many home sweet home mugs did we sell in 2011").filter.productIDs != nil, "goods are still goods")
    }

    @Test func aRankingOfGoodsForOneCustomerRanksTheGoods() throws {
        let asked = try query("best 3 products by revenue for client 15311 in 2011")
        #expect(asked.kind == .ranking(.product, limit: 3, ascending: false) && asked.filter.customer == "15311", "\(asked.kind)")
    }

    @Test func atLeastRanksNothing() throws {
        let asked = try query("share of french buyers in 2011 who ordered at least twice")
        #expect(asked.metric == .repeatRate && asked.kind == .total, "\(asked.kind)")
        #expect(try query("which product sold least in 2011").kind == .ranking(.product, limit: 5, ascending: true))
    }

    @Test func newAndReturningAskedApart() throws {
        #expect(try query("of the buyers in France in 2011, how many were new, how many returning?").kind == .customerMix)
    }

    @Test func salesThatMoveAsAPercentageChange() throws {
        let asked = try query("by what percentage did sales to Germany move between September and October 2011?")
        #expect(asked.kind == .compare && asked.metric == .revenue, "\(asked.kind) \(asked.metric)")
        #expect(try query("how many units did we move in October 2011").metric == .units)
    }

    @Test func twoNeighbouringPeriodsJoinedByAndAreOne() throws {
        let joined = try query("what did we take in September and October 2011")
        #expect(joined.kind == .total && joined.from == "2011-09-01" && joined.to == "2011-10-31", "\(joined.kind)")
        let weighed = try query("revenue in September and October 2011: which was higher?")
        #expect(weighed.kind == .compare, "a question that weighs them compares")
        let apart = try query("what did we take in March and October 2011")
        #expect(apart.kind != .total || apart.from != "2011-03-01" || apart.to != "2011-10-31", "months apart are not one span")
    }

    @Test func numbersSaidInWords() throws {
        #expect(SpokenNumbers.write("customer one-five-three-one-one") == "customer 15311")
        #expect(SpokenNumbers.write("customer fifteen thousand three hundred and forty-one") == "customer 15341")
        #expect(SpokenNumbers.write("twenty-one") == "21")
        // Too many digits to be a number stay words (and never overflow).
        let long = Array(repeating: "nine", count: 40).joined(separator: "-")
        #expect(SpokenNumbers.write("customer \(long)") == "customer \(long)")
        #expect(try query(SpokenNumbers.write("a dozen top products by units in 2011")).kind == .ranking(.product, limit: 12, ascending: false))
        #expect(try query("half a dozen best customers, 2011").kind == .ranking(.customer, limit: 6, ascending: false))
    }

    @Test func countsOfPeopleAndSpreadsheetWords() throws {
        #expect(try query("headcount of buyers in may 2011").metric == .customers)
        #expect(try query("how many separate customer accounts placed orders in 2011").metric == .customers)
        let penny = try query("aov for france in 2011, to the penny")
        #expect(penny.metric == .aov && penny.filter.productIDs == nil)
        let line = try query("what's the line for takings in june 2011")
        #expect(line.metric == .revenue && line.filter.productIDs == nil)
    }

    @Test func aLongPeriodDoesNotOutweighTheQuestion() throws {
        let asked = try query(SpokenNumbers.write("six best products by revenue, the second quarter of 2011"))
        #expect(asked.kind == .ranking(.product, limit: 6, ascending: false) && asked.from == "2011-04-01", "\(asked.kind)")
    }
}
