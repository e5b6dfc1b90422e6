import Foundation
@testable import ShopTalkCore
import Testing

/// Products named as an owner remembers them: parts of the name in another order, split by "with the",
/// and American spellings of a British catalog.
@Suite("Owner questions: products as remembered")
struct OwnerProductNameTests {
    static let names = [
        "LUNCH BAG APPLE DESIGN", "CHARLOTTE BAG APPLES DESIGN", "COFFEE MUG APPLES DESIGN", "SCOTTIE DOG HOT WATER BOTTLE",
        "CHOCOLATE HOT WATER BOTTLE", "LOVE HOT WATER BOTTLE", "SET OF 4 PANTRY JELLY MOULDS", "PANTRY APPLE CORER", "GREY HEART HOT WATER BOTTLE",
    ]
    let matcher = ProductNameMatcher(products: names.enumerated().map { (Int64($0.offset + 1), $0.element) })

    func query(_ text: String) throws -> SalesQuery {
        let today = OwnerQuestionTests.today
        let vocabulary = CatalogVocabulary(brands: [], categories: [], colors: [], products: Self.names)
        let entities = EntityExtractor().extract(text, vocabulary: vocabulary, currency: "GBP", today: today)
        let turn = Turn(
            text: text, tokens: Tokenizer.tokenize(text), intent: Intent(name: Intent.Name.businessQuery, confidence: 0.9),
            entities: entities, context: ChatContext(store: Store(id: 1, slug: "s", name: "S", currency: "GBP"), role: .owner, sessionID: "o")
        )
        guard case .query(let query) = QuestionParser(today: today).parse(turn, previous: nil, matcher: matcher) else {
            Issue.record("\(text) was not parsed into a query")
            throw CancellationError()
        }
        return query
    }

    @Test(arguments: [
        ("units of the apple design lunch bag in november 2011", Int64(1)),
        ("how many customers bought the hot water bottle with the scottie dog in 2011", 4),
        ("customers for the pantry jelly molds in q3 2011", 7),
        ("revenue from the gray heart hot water bottle last month", 9),
    ])
    func everyPartOfTheNameCounts(_ text: String, _ product: Int64) throws {
        #expect(try query(text).filter.productIDs == [product])
    }
}
