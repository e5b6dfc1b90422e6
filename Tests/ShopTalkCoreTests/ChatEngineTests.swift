import Foundation
@testable import ShopTalkCore
import Testing

/// The whole engine over the demo store in memory, with a classifier whose readings the test states:
/// what flows from one turn into the next, and what each role may reach.
@Suite("Chat engine over in-memory stores")
struct ChatEngineTests {
    static let today = ShopClock.parseDay("2026-11-21")!

    func engine(_ shop: InMemoryShop, _ readings: [String: (String, Double)]) -> ChatEngine {
        ChatEngine(
            classifier: ScriptedClassifier(readings), extractor: EntityExtractor(), stores: shop.stores,
            clock: ShopClock(today: Self.today)
        )
    }

    @Test func aComplaintAfterAnOrderLookupCarriesThatOrdersNumber() async throws {
        let shop = InMemoryShop(today: Self.today)
        let order = try #require(shop.orders.first)
        let lookup = "where is my order \(order.number)?"
        let complaint = "it arrived broken and I'm really annoyed"
        let engine = engine(shop, [lookup: (Intent.Name.orderStatus, 0.9), order.email: (Intent.Name.outOfScope, 0.2),
                                   complaint: (Intent.Name.complaint, 0.9)])
        let context = ChatContext(store: shop.store, role: .customer, sessionID: "s1")
        var state = ConversationState()
        let asked = try await engine.respond(to: lookup, state: &state, context: context)
        #expect(asked.text.contains("email"))
        #expect(state.pending == .email(orderNumber: order.number))
        let answered = try await engine.respond(to: order.email, state: &state, context: context)
        #expect(answered.intent.name == Intent.Name.orderStatus)
        #expect(answered.text.contains(order.number))
        #expect(state.pending == nil)
        _ = try await engine.respond(to: complaint, state: &state, context: context)
        #expect(shop.tickets.last?.orderNumber == order.number)
    }

    @Test func anEmailGivenBeforeTheNumberIsKept() async throws {
        let shop = InMemoryShop(today: Self.today)
        let order = try #require(shop.orders.first)
        let first = "my email is \(order.email), where is my parcel?"
        let engine = engine(shop, [first: (Intent.Name.orderStatus, 0.9)])
        let context = ChatContext(store: shop.store, role: .customer, sessionID: "s2")
        var state = ConversationState()
        _ = try await engine.respond(to: first, state: &state, context: context)
        #expect(state.pending == .orderNumber(for: Intent.Name.orderStatus, email: order.email))
        let reply = try await engine.respond(to: order.number, state: &state, context: context)
        #expect(reply.text.contains(order.number) && state.pending == nil)
    }

    @Test func aCustomerAskingForTheShopsFiguresIsRefusedWithoutData() async throws {
        let shop = InMemoryShop(today: Self.today)
        let question = "what were the top 5 products by revenue last month?"
        let engine = engine(shop, [question: (Intent.Name.businessQuery, 0.9)])
        var state = ConversationState()
        let reply = try await engine.respond(to: question, state: &state, context: ChatContext(store: shop.store, role: .customer, sessionID: "s3"))
        #expect(reply.intent.name == Intent.Name.businessQuery)
        #expect(reply.text.hasPrefix("Sorry, I can't share"))
        #expect(reply.result == nil && reply.products == nil)
    }

    @Test func aBrandQuestionAfterASearchNarrowsItRatherThanAskWhichOneWasMeant() async throws {
        let shop = InMemoryShop(today: Self.today)
        let engine = engine(shop, ["show me headphones": (Intent.Name.findProducts, 0.9), "does Sony make any?": (Intent.Name.findProducts, 0.6)])
        let context = ChatContext(store: shop.store, role: .customer, sessionID: "s4")
        var state = ConversationState()
        let first = try await engine.respond(to: "show me headphones", state: &state, context: context)
        #expect(first.products?.contains { $0.brand == "Sony" } == true)
        let reply = try await engine.respond(to: "does Sony make any?", state: &state, context: context)
        #expect(!reply.text.contains("Which one"))
        let cards = try #require(reply.products)
        #expect(!cards.isEmpty && cards.allSatisfy { $0.brand == "Sony" && $0.category == "headphones" })
    }

    @Test func countsAndNounsReadLikeAPersonWroteThem() {
        var slots = ConversationState.Slots()
        slots.category = "headphones"
        slots.color = "black"
        #expect(CatalogPhrases.describe(slots, text: nil, currency: "USD", one: true) == "black headphone set")
        #expect(CatalogPhrases.describe(slots, text: nil, currency: "USD") == "black headphones")
        #expect(CatalogPhrases.count(1, "order") == "1 order" && CatalogPhrases.count(3, "order") == "3 orders")
        #expect(CatalogPhrases.singularNoun("accessories") == "accessory" && CatalogPhrases.singularNoun("tvs") == "TV")
    }

    @Test func pendingQuestionsStoredByTheFirstVersionStillDecode() throws {
        let legacy = [
            (#"{"expecting":"email","intent":"order_status","collected":{"order_number":"ORD-1"}}"#, PendingQuestion.email(orderNumber: "ORD-1")),
            (#"{"expecting":"order_number","intent":"return_refund","collected":{}}"#, .orderNumber(for: Intent.Name.returnRefund)),
            (#"{"expecting":"confirm","intent":"find_products","collected":{"drop":"price"}}"#, .searchWithout(slot: "price")),
            (#"{"expecting":"confirm_description","intent":"product_details","collected":{"product":"7","draft":"Nice."}}"#,
             .saveDescription(productID: 7, draft: "Nice.")),
            (#"{"expecting":"product_choice","intent":"business_query","collected":{"options":"A\nB","question":"sales of heart"}}"#,
             .productChoice(options: ["A", "B"], question: "sales of heart")),
        ]
        for (json, expected) in legacy {
            let decoded = try JSONDecoder().decode(PendingQuestion.self, from: Data(json.utf8))
            #expect(decoded == expected)
            // And the current form round-trips.
            let again = try JSONDecoder().decode(PendingQuestion.self, from: JSONEncoder().encode(decoded))
            #expect(again == expected)
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PendingQuestion.self, from: Data(#"{"kind":"telepathy"}"#.utf8))
        }
    }

    @Test func aStateWrittenBeforeVersionsDecodesAsVersionOne() throws {
        var old = ConversationState()
        old.version = nil
        old.pending = .email(orderNumber: "ORD-9")
        let decoded = try JSONDecoder().decode(ConversationState.self, from: JSONEncoder().encode(old))
        #expect(decoded.version == nil && decoded.pending == .email(orderNumber: "ORD-9"))
        #expect(ConversationState().version == ConversationState.currentVersion)
    }
}
