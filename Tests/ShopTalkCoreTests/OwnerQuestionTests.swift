import Foundation
@testable import ShopTalkCore
import Testing

/// Owners' questions in ordinary words, parsed into the query they mean, with the clock at 2011-12-10
/// as in the Online Retail sample. Each row is a phrasing that used to be misread.
@Suite("Owner questions in ordinary words")
struct OwnerQuestionTests {
    static let today = ShopClock.parseDay("2011-12-10")!
    static let names = [
        "LETTER \"A\" BLING KEY RING", "LETTER \"B\" BLING KEY RING", "ANTIQUE GLASS PLACE SETTING", "WHITE HANGING HEART T-LIGHT HOLDER",
        "NATURAL SLATE HEART CHALKBOARD", "SET OF 3 CAKE TINS PANTRY DESIGN", "REGENCY CAKESTAND 3 TIER", "JUMBO BAG RED RETROSPOT",
        "SMALL CHINESE STYLE SCISSOR", "LARGE CHINESE STYLE SCISSOR", "RED KITCHEN SCALES", "IVORY KITCHEN SCALES", "FRENCH BLUE METAL DOOR SIGN 1",
        "I'M ON HOLIDAY METAL SIGN", "IF YOU CAN'T STAND THE HEAT MUG",
    ]
    let matcher = ProductNameMatcher(products: names.enumerated().map { (Int64($0.offset + 1), $0.element) })

    func parse(_ text: String, today: Date = today, previous: SalesQuery? = nil) -> QuestionParser.Outcome {
        let vocabulary = CatalogVocabulary(brands: [], categories: [], colors: [])
        let entities = EntityExtractor().extract(text, vocabulary: vocabulary, currency: "GBP", today: today)
        let turn = Turn(
            text: text, tokens: Tokenizer.tokenize(text), intent: Intent(name: Intent.Name.businessQuery, confidence: 0.9),
            entities: entities, context: ChatContext(store: Store(id: 1, slug: "s", name: "S", currency: "GBP"), role: .owner, sessionID: "o")
        )
        return QuestionParser(today: today).parse(turn, previous: previous, matcher: matcher)
    }

    func query(_ text: String, today: Date = today) throws -> SalesQuery {
        guard case .query(let query) = parse(text, today: today) else {
            Issue.record("\(text) was not parsed into a query: \(parse(text, today: today))")
            throw CancellationError()
        }
        return query
    }

    @Test(arguments: [
        "Which 3 countries bring in the most revenue?", "How many orders has customer 14646 placed?",
        "what did we take in during the first quarter of 2011?", "how much did the Germans spend with us",
        "how many different customers did we have in 2011?", "did we move many units in october?",
    ])
    func ordinaryWordsNeverNameAProduct(_ text: String) throws {
        #expect(try query(text).filter.productIDs == nil)
    }

    @Test func aProductNeedsADistinctiveWordAndThenIsFound() throws {
        let holders = try query("how many white hanging heart t-light holders in december 2010")
        #expect(holders.filter.productIDs == [4])
        #expect(holders.metric == .units)
        #expect(holders.filter.from == "2010-12-01" && holders.filter.to == "2010-12-31")
        let chalkboards = try query("how many natural slate heart chalkboards went out in 2011?")
        #expect(chalkboards.filter.productIDs == [5] && chalkboards.metric == .units)
    }

    @Test(arguments: [
        ("did we move many jumbo bags in 2011", SalesQuery.Metric.units),
        ("how many cake tins shifted last month", .units),
        ("how many different customers did we have in 2011?", .customers),
        ("how many unique buyers in november", .customers),
        ("orders from customer 17841 in 2011", .orders),
        ("what did we take in during the first quarter of 2011?", .revenue),
        ("Which 3 countries bring in the most revenue?", .revenue),
        ("how much did we sell in november", .revenue),
    ])
    func theMetricIsTheOneTheWordsMean(_ text: String, _ metric: SalesQuery.Metric) throws {
        #expect(try query(text).metric == metric)
    }

    @Test func whatSoldBestLastMonthRanksProductsByUnits() throws {
        let best = try query("what sold best last month?")
        #expect(best.kind == .ranking(.product, limit: 5, ascending: false))
        #expect(best.metric == .units && best.from == "2011-11-01" && best.to == "2011-11-30")
        let five = try query("which five products sold the most in Q3 2011")
        #expect(five.kind == .ranking(.product, limit: 5, ascending: false) && five.metric == .units)
        // The best month is still the best month.
        #expect(try query("what was our best month in 2011?").kind == .extreme(.month, best: true))
    }

    @Test func aSingularCategoryOrBrandGroupsTheAnswer() throws {
        #expect(try query("which category makes the most money?").kind == .ranking(.category, limit: 5, ascending: false))
        #expect(try query("best selling brand this year").kind == .ranking(.brand, limit: 5, ascending: false))
    }

    @Test func demonymsNameCountries() throws {
        #expect(try query("how much did the Germans spend with us").filter.country == "Germany")
        #expect(try query("revenue from our Dutch customers in 2011").filter.country == "Netherlands")
    }

    @Test func oneSeasonNamedTwiceIsOnePeriodNotAComparison() throws {
        let summer = try query("total revenue over the summer of 2011, June through August")
        #expect(summer.kind == .total && summer.from == "2011-06-01" && summer.to == "2011-08-31")
    }

    @Test func aChangeFromOneMonthToTheNextComparesThoseMonths() throws {
        let change = try query("what percentage did revenue change from August to September 2011")
        #expect(change.kind == .compare)
        #expect(change.from == "2011-09-01" && change.to == "2011-09-30")
        #expect(change.compareFrom == "2011-08-01" && change.compareTo == "2011-08-31")
    }

    @Test func aMonthNotYetOverIsComparedWithTheSameDaysOfTheLast() throws {
        let firstOfDecember = ShopClock.parseDay("2011-12-01")!
        let compared = try query("how did this month compare to last month?", today: firstOfDecember)
        #expect(compared.from == "2011-12-01" && compared.to == "2011-12-01")
        #expect(compared.compareFrom == "2011-11-01" && compared.compareTo == "2011-11-01")
        #expect(compared.likeForLike == true)
        // A whole month against a whole month is left alone.
        let whole = try query("compare october 2011 with september 2011")
        #expect(whole.compareTo == "2011-09-30" && whole.likeForLike == nil)
    }

    @Test func periodsOwnersWriteInOtherOrders() throws {
        let half = try query("what did we take in during the first half of 2011")
        #expect(half.from == "2011-01-01" && half.to == "2011-06-30")
        #expect(try query("revenue in H2 2011").to == "2011-12-10")
        let days = try query("units of jumbo bag red retrospot shifted between April 11 and 17, 2011?")
        #expect(days.from == "2011-04-11" && days.to == "2011-04-17")
        let between = try query("What were my total sales between April 22, 2011 and May 9, 2011?")
        #expect(between.from == "2011-04-22" && between.to == "2011-05-09")
        let dated = try query("revenue from June 8, 2011 to July 3, 2011")
        #expect(dated.from == "2011-06-08" && dated.to == "2011-07-03")
    }

    @Test func aWordSetAsideTellsTwoNamesApartAndColoursStayInTheName() throws {
        #expect(try query("how many small chinese style scissors did we sell in 2011").filter.productIDs == [9])
        #expect(try query("How much revenue did the red kitchen scales bring in during autumn 2011?").filter.productIDs == [11])
    }

    @Test func demonymsThatAlsoNameGoodsNeedPeople() throws {
        #expect(try query("how many items did Polish customers buy last month").filter.country == "Poland")
        #expect(try query("How much did the Belgians spend with us during last month?").filter.country == "Belgium")
        let sign = try query("how many french blue metal door signs did we sell")
        #expect(sign.filter.country == nil && sign.filter.productIDs == [13])
    }

    @Test func rankingsAndChangesInOtherWords() throws {
        #expect(try query("list our 3 biggest customers August through October 2011").kind == .ranking(.customer, limit: 3, ascending: false))
        #expect(try query("what were the 3 best-selling items since July 2011?").kind == .ranking(.product, limit: 3, ascending: false))
        let change = try query("What's the percentage change in revenue from September 2011 to Oct 2011?")
        #expect(change.kind == .compare && change.from == "2011-10-01" && change.compareFrom == "2011-09-01")
    }

    @Test func aCountryGoesByAllItsNames() {
        #expect(SalesFilter.countryNames("United States").contains("USA"))
        #expect(SalesFilter.countryNames("usa").contains("United States"))
        #expect(SalesFilter.countryNames("Germany") == ["Germany"])
    }

    // MARK: - Talk around the question, shorthand, slang and other words for the same figures

    func expanded(_ text: String) throws -> SalesQuery {
        try query(OwnerShorthand.expand(text))
    }

    @Test func shorthandIsWrittenOutWholeWordsOnly() {
        #expect(OwnerShorthand.expand("rev last mth?") == "revenue last month?")
        #expect(OwnerShorthand.expand("Custs this yr, by wk") == "Customers this year, by week")
        #expect(OwnerShorthand.expand("revenue for reviews of q3 2011") == "revenue for reviews of q3 2011")
    }

    @Test(arguments: [
        "Quick question before my 10am call: what were the takings last month?",
        "Hello there! I was just curious how many orders came in during October 2011",
        "My bookkeeper keeps nagging, so - number of customers in 2011?",
        "Can't sleep. What's the average order value for November 2011, thanks a lot",
        "sorry to pester you again, how many units went out last week",
        "I'm wondering how many of last month's customers were new and how many came back",
        "i'm after the total revenue in 2011",
    ])
    func talkAroundTheQuestionNamesNoProduct(_ text: String) throws {
        let parsed = try query(text)
        #expect(parsed.filter.productIDs == nil, "\(text) → \(parsed.filter.productLabel ?? "")")
    }

    @Test func aPartMadeOfProductWordsBelongsToTheQuestion() throws {
        let holders = try query("White hanging heart t-light holders — how many went out in 2011?")
        #expect(holders.filter.productIDs == [4] && holders.metric == .units)
        #expect(try query("Hi! The regency cakestand: how many did we sell last month?").filter.productIDs == [7])
        let mix = try query("Of the customers who ordered in May 2011, how many were new and how many were returning?")
        #expect(mix.kind == .customerMix && mix.from == "2011-05-01")
    }

    @Test func politeVerbsAreNeitherProductsNorReports() throws {
        let stated = try query("Kindly state the total units sold in March 2011")
        #expect(stated.filter.productIDs == nil && stated.metric == .units)
        let reported = try query("Please could you report the average order value for May 2011")
        #expect(reported.kind == .total && reported.metric == .aov)
        #expect(try query("summarise last week").kind == .report)
    }

    @Test func namedPeriodsAtBothEndsOfARangeAreCompared() throws {
        let quarters = try query("percentage change in revenue from the first quarter of 2011 to the second quarter of 2011")
        #expect(quarters.kind == .compare)
        #expect(quarters.from == "2011-04-01" && quarters.to == "2011-06-30")
        #expect(quarters.compareFrom == "2011-01-01" && quarters.compareTo == "2011-03-31")
        let short = try query("units growth from Q2 2011 to Q3 2011")
        #expect(short.metric == .units && short.from == "2011-07-01" && short.compareFrom == "2011-04-01" && short.compareTo == "2011-06-30")
        #expect(try query("revenue in the third quarter of 2011").from == "2011-07-01")
    }

    @Test func otherWordsForTheSameFigures() throws {
        #expect(try query("what's the average spend per order in Q1 2011").metric == .aov)
        #expect(try query("how many items per order on average in June 2011").metric == .basketSize)
        #expect(try query("what fraction of customers placed more than one order in 2011").metric == .repeatRate)
        let orders = try query("Did orders go up in November compared with October? by how many percent")
        #expect(orders.kind == .compare && orders.metric == .orders)
        let people = try query("were there more customers in March 2011 than in February 2011?")
        #expect(people.kind == .compare && people.metric == .customers)
        #expect(try query("how many orders did customer 12345 make in 2011").metric == .orders)
        #expect(try expanded("custs in oct").metric == .customers)
        #expect(try expanded("aov this yr").from == "2011-01-01")
        #expect(try expanded("how many punters bought something in May 2011").metric == .customers)
    }

    @Test func rankingsNamedInOtherWords() throws {
        let dutch = try query("which 3 items did our Dutch customers buy most in 2011")
        #expect(dutch.kind == .ranking(.product, limit: 3, ascending: false) && dutch.filter.country == "Netherlands")
        #expect(try query("who were our top spenders in 2011?").kind == .ranking(.customer, limit: 10, ascending: false))
        let flogged = try expanded("what did we flog the most of in October 2011")
        #expect(flogged.kind == .ranking(.product, limit: 5, ascending: false) && flogged.metric == .units)
        #expect(try query("top 5 French customers this year").kind == .ranking(.customer, limit: 5, ascending: false))
    }

    @Test(arguments: ["how much money did we make in May 2011", "repeat rate this year", "who are our biggest spenders",
                      "how many customers bought from us in August 2011", "average value per order in 2011"])
    func theseReadAsQuestionsAboutTheBusiness(_ text: String) {
        #expect(QuestionParser.looksAnalytic(Tokenizer.tokenize(text).filter { $0.kind != .symbol }.map(\.text)))
    }

    @Test(arguments: ["what do people buy with the red kitchen scales?", "which products do customers buy together with red kitchen scales",
                      "what else gets purchased alongside the red kitchen scales", "things ppl purchase at the same time as red kitchen scales"])
    func buyingTogetherInOtherWordsAsksForPairs(_ text: String) throws {
        let words = Tokenizer.tokenize(OwnerShorthand.expand(text)).filter { $0.kind != .symbol }.map(\.text)
        #expect(QuestionParser.looksAnalytic(words))
        let pairs = try expanded(text)
        #expect(pairs.kind == .boughtTogether(limit: 10) && pairs.filter.productIDs == [11], "\(pairs.kind)")
    }

    @Test func ordersWithGoodsAreCountedNotPaired() throws {
        #expect(try query("how many orders with red kitchen scales in 2011").kind == .total)
    }

    @Test func typosOfTheWordsQuestionsTurnOnAreCorrected() {
        #expect(OwnerShorthand.expand("revnue in Novembr, custmers too") == "revenue in November, customers too")
        #expect(OwnerShorthand.expand("average order value and return rate") == "average order value and return rate")
        #expect(OwnerShorthand.expand("new v returning") == "new vs returning")
    }

    @Test func listedPeriodsTakenTogetherAndSpansComparedWithTheSpanBefore() throws {
        let listed = try query("how many customers in july, august and september 2011 combined")
        #expect(listed.metric == .customers && listed.kind == .total && listed.from == "2011-07-01" && listed.to == "2011-09-30")
        let pair = try query("repeat rate for november 2010 and february 2011 taken together")
        #expect(pair.kind == .total && pair.from == "2010-11-01" && pair.to == "2011-02-28")
        let span = try query("how did orders in the 3 months to the end of june 2011 compare with the 3 months before that")
        #expect(span.kind == .compare && span.from == "2011-04-01" && span.to == "2011-06-30" && span.compareFrom == "2011-01-01")
        let placed = try query("percentage change in units from the opening quarter of 2011 to the final quarter of 2011")
        #expect(placed.from == "2011-10-01" && placed.compareFrom == "2011-01-01" && placed.compareTo == "2011-03-31")
    }

    @Test func partsOfMonthsFortnightsAndWholePeriods() throws {
        let early = try query("units in the first fortnight of October 2011")
        #expect(early.from == "2011-10-01" && early.to == "2011-10-14")
        let late = try query("revenue for the second fortnight of november 2011")
        #expect(late.from == "2011-11-15" && late.to == "2011-11-30")
        let tenDays = try query("orders in the first 10 days of November 2011")
        #expect(tenDays.from == "2011-11-01" && tenDays.to == "2011-11-10")
        let fortnight = try query("how many customers over the last fortnight")
        #expect(fortnight.from == "2011-11-27" && fortnight.to == "2011-12-10")
        let full = try query("top customers in the last full quarter")
        #expect(full.from == "2011-07-01" && full.to == "2011-09-30")
        let since = try query("revenue since the start of October")
        #expect(since.from == "2011-10-01" && since.to == "2011-12-10")
    }

    @Test func countriesInPassingAndByNationality() throws {
        let ranking = try query("top 5 countries by revenue in 2011 - is Germany still up there?")
        #expect(ranking.kind == .ranking(.country, limit: 5, ascending: false) && ranking.filter.country == nil)
        #expect(try query("how much have we made off the Dutch since the start of October").filter.country == "Netherlands")
        #expect(try query("German sales in March 2011").filter.country == "Germany")
        #expect(QuestionParser.looksAnalytic(["how", "much", "have", "we", "made", "off", "the", "dutch"]))
    }

    @Test func aFigureTakenBackIsNotAskedFor() throws {
        #expect(try query("units sold in May 2011 - no wait, not units, revenue").metric == .revenue)
        #expect(try query("revenue rather than units for June 2011").metric == .revenue)
        #expect(try expanded("new v returning customers in France this year").kind == .customerMix)
    }

    @Test(arguments: [
        "Pull the revenue figures for October 2011", "grab me the order count for last week please",
        "um so how many quid did we take yesterday", "did we clear 40k in sales in November 2011?",
        "how many orders containing a regency cakestand in 2011", "send over the takings for the first quarter of 2011",
    ])
    func requestsFillersAndThresholdsNameNoOtherProduct(_ text: String) throws {
        let parsed = try query(text)
        #expect(parsed.filter.productIDs == nil || parsed.filter.productIDs == [7], "\(text) → \(parsed.filter.productLabel ?? "")")
    }

    @Test func moreWaysToNameAFigure() throws {
        #expect(try query("items sold in September 2011").metric == .units)
        #expect(try query("how many first-timers did we get in October 2011").metric == .newCustomers)
        #expect(try query("how many things does the average order have this year").metric == .basketSize)
        let tracking = try query("how are customer numbers tracking against last month, percentage-wise")
        #expect(tracking.kind == .compare && tracking.metric == .customers)
    }

    @Test func searchBoxShorthandAndHedges() throws {
        #expect(OwnerShorthand.expand("top10 products nov") == "top 10 products nov")
        #expect(try expanded("top10 products nov 2011").kind == .ranking(.product, limit: 10, ascending: false))
        let quarter = try query("revenue 2011 q3")
        #expect(quarter.from == "2011-07-01" && quarter.to == "2011-09-30")
        let mom = try expanded("orders nov 2011 mom")
        #expect(mom.kind == .compare && mom.from == "2011-11-01" && mom.compareFrom == "2011-10-01")
        let yoy = try expanded("revenue december 2011 yoy")
        #expect(yoy.kind == .compare && yoy.compareFrom == "2010-12-01" && yoy.compareTo == "2010-12-10")
        let hedged = try query("I'd love to know, roughly if possible and no rush, how many orders we had in May 2011")
        #expect(hedged.filter.productIDs == nil && hedged.metric == .orders)
        let range = try query("units of the regency cakestand between 1 March 2011 and 15 March 2011")
        #expect(range.kind == .total && range.from == "2011-03-01" && range.to == "2011-03-15")
        #expect(try query("revenue from the customer with the id 12680 in 2011").filter.customer == "12680")
        #expect(try query("how many customers came back and bought again in 2011").filter.productIDs == nil)
    }

    @Test func aRecognisedProductNeedsMoreThanQuestionWords() {
        let text = "if you can, how many orders did we get in May 2011"
        var entities = EntityExtractor().extract(text, vocabulary: CatalogVocabulary(brands: [], categories: [], colors: []), currency: "GBP", today: Self.today)
        entities.append(Entity(type: Entity.Kind.product, value: .string("IF YOU CAN'T STAND THE HEAT MUG"), text: "if you can", start: 0, end: 10))
        let turn = Turn(text: text, tokens: Tokenizer.tokenize(text), intent: Intent(name: Intent.Name.businessQuery, confidence: 0.9),
                        entities: entities, context: ChatContext(store: Store(id: 1, slug: "s", name: "S", currency: "GBP"), role: .owner, sessionID: "o"))
        guard case .query(let parsed) = QuestionParser(today: Self.today).parse(turn, previous: nil, matcher: matcher) else {
            Issue.record("not parsed")
            return
        }
        #expect(parsed.filter.productIDs == nil && parsed.metric == .orders)
    }

    @Test(arguments: [
        ("revenue in twenty eleven", "revenue in 2011"), ("orders in march two thousand and ten", "orders in march 2010"),
        ("units on the twenty first of november", "units on the 21st of november"), ("november the third", "november the 3rd"),
        ("customer one two six eight zero", "customer 12680"), ("top five products", "top 5 products"),
        ("which one sold more, the first half or the second?", "which one sold more, the first half or the second?"),
        ("more than one order", "more than one order"), ("twenty-first of may", "21st of may"), ("nineteen ninety nine", "1999"),
        ("did we clear three thousand pounds", "did we clear 3000 pounds"), ("twenty twenty-six", "2026"),
        ("customer seventeen five eleven", "customer 17511"), ("customer twelve six eighty", "customer 12680"),
        ("from the fourteenth to the twentieth of november", "from the 14th to the 20th of november"),
        ("between the first and the fifteenth of may", "between the 1st and the 15th of may"),
        ("the first and second quarter", "the first and second quarter"),
    ])
    func spokenNumbersAreWrittenAsDigits(_ spoken: String, _ written: String) {
        #expect(SpokenNumbers.write(spoken) == written)
    }

    @Test func spokenNumbersOfAnyLengthNeverTrap() {
        let long = Array(repeating: "hundred", count: 60).joined(separator: " ")
        #expect(!SpokenNumbers.write("nine " + long).isEmpty)
        #expect(!SpokenNumbers.write(Array(repeating: "nine thousand", count: 40).joined(separator: " ")).isEmpty)
        #expect(!SpokenNumbers.write(Array(repeating: "nine", count: 400).joined(separator: " ")).isEmpty)
    }

    @Test func spokenDatesAreReadAsPeriods() throws {
        let day = try query(SpokenNumbers.write("how many orders on the twenty first of november twenty eleven"))
        #expect(day.from == "2011-11-21" && day.to == "2011-11-21")
        #expect(try expanded("how many uh orders in may 2011").metric == .orders)
        let year = try query(SpokenNumbers.write("okay shop assistant revenue from germany in twenty ten"))
        #expect(year.from == "2010-01-01" && year.filter.country == "Germany" && year.filter.productIDs == nil)
    }

    @Test func theOnePeriodNamedInAComparisonIsItsBase() throws {
        let up = try query("is revenue up or down on last month?")
        #expect(up.kind == .compare && up.from == "2011-12-01" && up.to == "2011-12-10")
        #expect(up.compareFrom == "2011-11-01" && up.compareTo == "2011-11-10" && up.likeForLike == true)
        let year = try query("how do orders compare with last year")
        #expect(year.from == "2011-01-01" && year.compareFrom == "2010-01-01")
        let november = try query("how did November 2011 compare to the month before")
        #expect(november.from == "2011-11-01" && november.compareFrom == "2011-10-01")
    }

    @Test func newAgainstReturningInOtherWords() throws {
        #expect(try query("in October 2011 how many customers were first-timers and how many had bought before").kind == .customerMix)
        #expect(try query("new or existing customers last month?").kind == .customerMix)
    }
}
