import Foundation
@testable import ShopTalkCore
import Testing

/// The dialogue policy, rule by rule, over the demo store in memory: each test states what the
/// classifier read and the conversation so far, and checks where the policy sends the turn.
@Suite("Dialogue policy")
struct DialoguePolicyTests {
    static let today = ShopClock.parseDay("2026-11-21")!
    static let shop = InMemoryShop(today: today)
    let router = TurnRouter.standard(catalog: shop)
    let extractor = EntityExtractor()

    func turn(_ text: String, _ intent: String, confidence: Double = 0.8, role: ChatContext.Role = .customer) async throws -> Turn {
        let shop = Self.shop
        let entities = extractor.extract(
            text, vocabulary: try await shop.vocabulary(storeID: 1), currency: "USD", today: Self.today
        )
        return Turn(
            text: text, tokens: Tokenizer.tokenize(text), intent: Intent(name: intent, confidence: confidence), entities: entities,
            context: ChatContext(store: shop.store, role: role, sessionID: "s1")
        )
    }

    func route(_ text: String, _ intent: String, confidence: Double = 0.8, role: ChatContext.Role = .customer,
               state: inout ConversationState) async throws -> (Route, Turn) {
        var turn = try await turn(text, intent, confidence: confidence, role: role)
        let route = try await router.route(&turn, state: &state)
        return (route, turn)
    }

    @Test func theRulesAreTriedInTheOrderTheREADMEGives() {
        #expect(router.rules.map(\.name) == [
            "out-of-range amount", "owner description", "owner AI credits", "owner alerts", "owner analytics", "yes to an offer",
            "answer to a pending question", "order number named", "filter released", "reference to the products shown",
            "refinement of the search",
        ])
    }

    @Test func anAmountNoShopSellsAtIsRefusedWhateverElseIsGoingOn() async throws {
        var state = ConversationState()
        state.pending = .orderNumber(for: Intent.Name.orderStatus)
        let (route, _) = try await route("phones under $100000000000000000", Intent.Name.findProducts, state: &state)
        #expect(route == .amountTooLarge)
    }

    @Test func descriptionsAndCreditsAreOwnerRoutesOnly() async throws {
        var state = ConversationState()
        #expect(try await route("write a description for the Sony WH-1000XM5", Intent.Name.productDetails, role: .owner, state: &state).0 == .describeProduct)
        #expect(try await route("write a description for the Sony WH-1000XM5", Intent.Name.productDetails, state: &state).0 != .describeProduct)
        #expect(try await route("how many AI credits do I have left?", Intent.Name.businessQuery, role: .owner, state: &state).0 == .aiCredits)
        #expect(try await route("mark the mug alert done", Intent.Name.complaint, role: .owner, state: &state).0 == .ownerAlerts)
        // A shopper has no alerts: the words are left to the shopper's rules.
        #expect(try await route("mark the mug alert done", Intent.Name.complaint, role: .customer, state: &state).0 != .ownerAlerts)
        #expect(try await route("how many AI credits do I have left?", Intent.Name.businessQuery, state: &state).0 == .intent(Intent.Name.businessQuery))
        #expect(!AccessPolicy().permits(.intent(Intent.Name.businessQuery), role: .customer))
        #expect(!AccessPolicy().permits(.aiCredits, role: .customer))
    }

    @Test func anOwnerAskingAboutGoodsOverAPeriodAsksAboutSales() async throws {
        var state = ConversationState()
        let (route, _) = try await route("pink running shoes in March 2026", Intent.Name.findProducts, role: .owner, state: &state)
        #expect(route == .intent(Intent.Name.businessQuery))
        var customer = ConversationState()
        #expect(try await self.route("pink running shoes in March 2026", Intent.Name.findProducts, state: &customer).0 != .intent(Intent.Name.businessQuery))
    }

    @Test func anOwnersCountOrAmountOverAPeriodIsAboutTheBusiness() async throws {
        var state = ConversationState()
        let (route, _) = try await route("how many credit notes went out in March 2026?", Intent.Name.outOfScope, confidence: 0.3, role: .owner, state: &state)
        #expect(route == .intent(Intent.Name.businessQuery))
        var again = ConversationState()
        #expect(try await self.route("what is the weather like in March 2026?", Intent.Name.outOfScope, confidence: 0.3, role: .owner, state: &again).0
            != .intent(Intent.Name.businessQuery), "no count, no amount: not a figure")
        var customer = ConversationState()
        #expect(try await self.route("how many credit notes went out in March 2026?", Intent.Name.outOfScope, confidence: 0.3, state: &customer).0
            != .intent(Intent.Name.businessQuery))
    }

    @Test func anOwnersQuestionInTheTradesWordsIsNoGrievance() async throws {
        var state = ConversationState()
        let (asked, _) = try await route("over the summer, how many of our buyers ordered from us twice or more?", Intent.Name.complaint,
                                         role: .owner, state: &state)
        #expect(asked == .intent(Intent.Name.businessQuery))
        var made = ConversationState()
        #expect(try await route("what did the blue teapot make us in 2025", Intent.Name.outOfScope, confidence: 0.3, role: .owner,
                                state: &made).0 == .intent(Intent.Name.businessQuery))
        var grievance = ConversationState()
        #expect(try await route("the console keeps logging me out, so annoying", Intent.Name.complaint, role: .owner, state: &grievance).0
            == .intent(Intent.Name.complaint), "a grievance without figures stays one")
    }

    @Test func anOwnerCountingOrdersOverAPeriodAsksAboutNoOneOrder() async throws {
        var state = ConversationState()
        let counted = try await route("how many times has somebody placed an order with us this month?", Intent.Name.orderStatus, role: .owner, state: &state)
        #expect(counted.0 == .intent(Intent.Name.businessQuery))
        var one = ConversationState()
        #expect(try await self.route("where is order ORD-20260301-0004 placed this month?", Intent.Name.orderStatus, role: .owner, state: &one).0
            != .intent(Intent.Name.businessQuery))
    }

    @Test func anOwnerAskingForAChangeBetweenPeriodsAsksAboutTheBusiness() async throws {
        var state = ConversationState()
        #expect(try await route("what's the exact percentage change from Q2 2011 to Q3 2011?", Intent.Name.outOfScope, confidence: 0.3,
                                role: .owner, state: &state).0 == .intent(Intent.Name.businessQuery))
        var shopper = ConversationState()
        #expect(try await route("what's the exact percentage change from Q2 2011 to Q3 2011?", Intent.Name.outOfScope, confidence: 0.3,
                                role: .customer, state: &shopper).0 != .intent(Intent.Name.businessQuery), "only an owner's")
    }

    @Test func anOwnersFollowUpStaysWithTheAnalytics() async throws {
        var state = ConversationState()
        state.lastIntent = Intent.Name.businessQuery
        let (route, turn) = try await route("and in Germany?", Intent.Name.outOfScope, confidence: 0.3, role: .owner, state: &state)
        #expect(route == .intent(Intent.Name.businessQuery))
        #expect(turn.intent.confidence >= 0.7)
        // A customer saying the same is not asking the shop's figures.
        var customer = ConversationState()
        customer.lastIntent = Intent.Name.businessQuery
        #expect(try await self.route("and in Germany?", Intent.Name.outOfScope, confidence: 0.3, state: &customer).0 != .intent(Intent.Name.businessQuery))
    }

    @Test func yesToAnOfferRepeatsTheSearchAndAnythingElseWithdrawsIt() async throws {
        var state = ConversationState()
        state.pending = .searchWithout(slot: "brand")
        #expect(try await route("yes please", Intent.Name.thanks, state: &state).0 == .intent(Intent.Name.findProducts))
        #expect(state.pending == .searchWithout(slot: "brand"))
        let (route, _) = try await route("no, where is my order?", Intent.Name.orderStatus, confidence: 0.9, state: &state)
        #expect(route == .intent(Intent.Name.orderStatus))
        #expect(state.pending == nil)
    }

    @Test func anAnswerGoesBackToTheQuestionAndAClearNewTopicDropsIt() async throws {
        var state = ConversationState()
        state.pending = .orderNumber(for: Intent.Name.orderStatus)
        #expect(try await route("it's ORD-20250105-0001", Intent.Name.outOfScope, confidence: 0.3, state: &state).0 == .intent(Intent.Name.orderStatus))
        // Unclear: taken as a try at answering, so the question is asked again.
        #expect(try await route("hmm hang on", Intent.Name.outOfScope, confidence: 0.3, state: &state).0 == .intent(Intent.Name.orderStatus))
        #expect(state.pending != nil)
        // Clear: the shopper moved on.
        #expect(try await route("show me laptops", Intent.Name.findProducts, confidence: 0.95, state: &state).0 == .intent(Intent.Name.findProducts))
        #expect(state.pending == nil)
    }

    @Test func aReturnWaitingForItsOrderNumberTakesTheNumber() async throws {
        var state = ConversationState()
        state.pending = .orderNumber(for: Intent.Name.returnRefund)
        #expect(try await route("ORD-20250105-0001", Intent.Name.findProducts, confidence: 0.5, state: &state).0 == .intent(Intent.Name.returnRefund))
    }

    @Test func anOrderNumberReadAsASearchIsAnOrderQuestion() async throws {
        var state = ConversationState()
        #expect(try await route("ORD-20250105-0001?", Intent.Name.findProducts, confidence: 0.5, state: &state).0 == .intent(Intent.Name.orderStatus))
    }

    @Test func lettingGoOfAFilterGoesOnWithTheSearch() async throws {
        var state = ConversationState()
        state.slots.category = "laptops"
        state.slots.color = "silver"
        #expect(try await route("ok forget the colour", Intent.Name.outOfScope, confidence: 0.3, state: &state).0 == .intent(Intent.Name.findProducts))
        // Without a search going on there is nothing to let go of.
        var fresh = ConversationState()
        #expect(try await route("ok forget the colour", Intent.Name.outOfScope, confidence: 0.3, state: &fresh).0 == .intent(Intent.Name.outOfScope))
    }

    @Test func aReferenceByPositionOrNameAsksAboutThatProduct() async throws {
        let sony = Self.shop.products.filter { $0.brand == "Sony" && $0.category == "headphones" }.prefix(3)
        try #require(sony.count == 3)
        var state = ConversationState()
        state.lastShown = sony.map(\.id)
        let (byPosition, second) = try await route("is the second one good for gaming?", Intent.Name.findProducts, confidence: 0.5, state: &state)
        #expect(byPosition == .intent(Intent.Name.productDetails))
        #expect(second.referenced == [sony[sony.startIndex + 1].id])
        // The card's Details button names the product: two cards of one brand are told apart.
        let third = sony[sony.startIndex + 2]
        let (byName, named) = try await route("tell me about the \(third.name)", Intent.Name.productDetails, state: &state)
        #expect(byName == .intent(Intent.Name.productDetails))
        #expect(named.referenced == [third.id])
        // "Show me cheaper ones" is a new search, not a question about these.
        let (cheaper, again) = try await route("show me cheaper ones than the first", Intent.Name.findProducts, state: &state)
        #expect(cheaper == .intent(Intent.Name.findProducts))
        #expect(again.referenced.isEmpty)
    }

    @Test func aShortMessageWithCatalogWordsRefinesTheSearchGoingOn() async throws {
        var state = ConversationState()
        state.slots.category = "shoes"
        #expect(try await route("in black?", Intent.Name.outOfScope, confidence: 0.3, state: &state).0 == .intent(Intent.Name.findProducts))
        var idle = ConversationState()
        #expect(try await route("in black?", Intent.Name.outOfScope, confidence: 0.3, state: &idle).0 == .intent(Intent.Name.outOfScope))
    }

    @Test func aSizeAskedOfNoneOfSeveralShownNarrowsTheListInstead() async throws {
        let shoes = Self.shop.products.filter { $0.category == "shoes" }.prefix(4)
        try #require(shoes.count == 4)
        var state = ConversationState()
        state.lastShown = shoes.map(\.id)
        #expect(try await route("size 10?", Intent.Name.checkStock, state: &state).0 == .intent(Intent.Name.findProducts))
        #expect(try await route("got them in black?", Intent.Name.checkStock, state: &state).0 == .intent(Intent.Name.findProducts))
        // One of them named keeps the stock question; so does a size asked of the one product in focus.
        let (second, _) = try await route("is the second one in size 10?", Intent.Name.checkStock, state: &state)
        #expect(second == .intent(Intent.Name.checkStock))
        var focused = ConversationState()
        focused.lastShown = [shoes[shoes.startIndex].id]
        #expect(try await route("size 10?", Intent.Name.checkStock, state: &focused).0 == .intent(Intent.Name.checkStock))
    }

    @Test func aTurnNoRuleSettlesGoesToItsClassifiedIntent() async throws {
        var state = ConversationState()
        #expect(try await route("what's your returns policy?", Intent.Name.storePolicy, state: &state).0 == .intent(Intent.Name.storePolicy))
    }
}
