/// The chat pipeline: understands a message in the light of the session's state (entities, intent,
/// references to what was shown, pending questions), routes it to the handler for its intent and
/// returns the reply. It knows nothing of sockets or databases; the catalog and orders come in through
/// `CatalogStore` and `OrderStore`.
public struct ChatEngine: Sendable {
    let classifier: any IntentClassifying
    let extractor: EntityExtractor
    let catalog: any CatalogStore
    let clock: ShopClock
    let handlers: HandlerTable
    let router: TurnRouter
    let access: AccessPolicy

    let discounts: any DiscountStore
    /// Brings in the shop's people (when the stores keep handoffs).
    let handoffs: HandoffFlow?

    /// The data the pipeline reads and writes, behind the storage boundary.
    public struct Stores: Sendable {
        public var catalog: any CatalogStore
        public var orders: any OrderStore
        public var discounts: any DiscountStore
        public var tickets: any TicketStore
        public var history: any PurchaseHistory
        public var analytics: any SalesAnalytics
        public var credits: (any CreditsReport)?
        /// The shop's policies; a shop without a store for them answers policy questions by offering a person.
        public var policies: any PolicyStore
        /// Where cancellations, address changes and returns are carried out; without one, the chat only
        /// looks orders up, and a return request is a ticket.
        public var orderActions: (any OrderActionStore)?
        /// When those actions are allowed.
        public var orderActionPolicy: OrderActionPolicy
        /// Loyalty points; without them the chat doesn't talk about points.
        public var loyalty: (any LoyaltyStore)?
        /// Handoffs to the shop's people; without them a request for a person is a ticket.
        public var handoffs: (any HandoffDesk)?

        public init(
            catalog: any CatalogStore, orders: any OrderStore, discounts: any DiscountStore, tickets: any TicketStore,
            history: any PurchaseHistory, analytics: any SalesAnalytics, credits: (any CreditsReport)? = nil,
            policies: any PolicyStore = InMemoryPolicyStore(), orderActions: (any OrderActionStore)? = nil,
            orderActionPolicy: OrderActionPolicy = OrderActionPolicy(), loyalty: (any LoyaltyStore)? = nil, handoffs: (any HandoffDesk)? = nil
        ) {
            self.handoffs = handoffs
            self.loyalty = loyalty
            self.policies = policies
            self.orderActions = orderActions
            self.orderActionPolicy = orderActionPolicy
            self.analytics = analytics
            self.credits = credits
            self.catalog = catalog
            self.orders = orders
            self.discounts = discounts
            self.tickets = tickets
            self.history = history
        }
    }

    let assistant: AIAssistant?

    /// An engine over `stores` with ShopTalk's standard handlers and dialogue policy.
    public init(
        classifier: any IntentClassifying, extractor: EntityExtractor, stores: Stores, clock: ShopClock,
        lookupGuard: LookupGuard? = nil, assistant: AIAssistant? = nil
    ) {
        self.init(
            classifier: classifier, extractor: extractor, stores: stores, clock: clock,
            handlers: .standard(stores: stores, extractor: extractor, clock: clock, lookupGuard: lookupGuard, assistant: assistant),
            router: .standard(catalog: stores.catalog, orderActions: stores.orderActions != nil, loyalty: stores.loyalty != nil), assistant: assistant
        )
    }

    /// An engine with the given handler table and dialogue policy (the composition root's choice).
    public init(
        classifier: any IntentClassifying, extractor: EntityExtractor, stores: Stores, clock: ShopClock,
        handlers: HandlerTable, router: TurnRouter, access: AccessPolicy = AccessPolicy(), assistant: AIAssistant? = nil
    ) {
        self.classifier = classifier
        self.extractor = extractor
        self.catalog = stores.catalog
        self.discounts = stores.discounts
        self.handoffs = stores.handoffs.map { HandoffFlow(desk: $0, tickets: stores.tickets, clock: clock) }
        self.clock = clock
        self.handlers = handlers
        self.router = router
        self.access = access
        self.assistant = assistant
    }

    /// What the pipeline understood of a message, before any handler ran.
    public struct Understanding: Sendable {
        public var tokens: [Token]
        public var entities: [Entity]
        public var intent: Intent
    }

    /// Entities and the classifier's intent for `text` in `store` (no dialogue context).
    public func understand(_ text: String, store: Store) async throws -> Understanding {
        let tokens = Tokenizer.tokenize(text)
        let vocabulary = try await catalog.vocabulary(storeID: store.id)
        let entities = extractor.extract(text, tokens: tokens, vocabulary: vocabulary, currency: store.currency, today: clock.today())
        return Understanding(tokens: tokens, entities: entities, intent: classifier.classify(text, entities: entities))
    }

    /// Understands `text` and answers it, updating `state`.
    public func respond(to typed: String, state: inout ConversationState, context: ChatContext) async throws -> Reply {
        // Owners' query syntax ("country = 'France'"), shorthand ("rev last mth") and spoken numbers ("twenty eleven") are written out before
        // anything reads the message.
        let text = context.role == .owner ? SpokenNumbers.write(OwnerShorthand.expand(OwnerQuerySyntax.rewrite(typed))) : typed
        let understanding = try await understand(text, store: context.store)
        var turn = Turn(
            text: text, tokens: understanding.tokens, intent: understanding.intent, entities: understanding.entities,
            context: context
        )
        // While a person has the conversation, the assistant keeps quiet (see `HandoffFlow`).
        let flow = context.role == .customer ? handoffs : nil
        var reply: Reply
        if let flow, let answer = try await flow.continueWith(turn, state: &state) {
            reply = answer
        } else {
            let route = try await router.route(&turn, state: &state)
            let handler = access.permits(route, role: context.role)
                ? handlers.handler(for: route, intent: turn.intent.name) : AccessPolicy.Refusal()
            reply = try await handler.handle(turn, state: &state)
            if let assistant {
                try await useAssistant(assistant, on: &reply, turn: turn)
            }
            try await flow?.afterHandler(&reply, turn: turn, state: &state)
        }
        reply.entities = understanding.entities
        try await attachDiscounts(&reply, store: context.store)
        reply.suggestions = Self.suggestions(reply.suggestions, state: state)
        state.lastIntent = reply.intent.name
        state.turns += 1
        return reply
    }

    /// The language model, where the shop turned it on: a grounded answer for what the rules could not
    /// place, and friendlier wording of owners' computed answers. Owners are told when no call was made.
    func useAssistant(_ assistant: AIAssistant, on reply: inout Reply, turn: Turn) async throws {
        let outcome: AIAssistant.Outcome
        if reply.intent.name == Intent.Name.outOfScope {
            let products = (try? await catalog.search(ProductQuery(text: turn.text, inStockOnly: false, limit: 5), storeID: turn.context.store.id).products) ?? []
            outcome = await assistant.fallback(turn, products: products, onDelta: turn.context.onDelta)
        } else if turn.context.role == .owner, reply.result != nil, reply.result?.metric != "ai_credits" {
            outcome = await assistant.phrase(reply.text, storeID: turn.context.store.id, onDelta: turn.context.onDelta)
        } else {
            return
        }
        switch outcome {
        case .text(let text): reply.text = text
        case .refused(let reason) where turn.context.role == .owner: reply.text += " (No AI used: \(reason))"
        case .refused, .failed: break
        }
    }

    /// Two to four suggestions: the handler's, topped up from the context.
    static func suggestions(_ given: [String], state: ConversationState) -> [String] {
        var result: [String] = []
        for suggestion in given where !result.contains(suggestion) { result.append(suggestion) }
        let fallback: [String]
        if case .email = state.pending {
            fallback = ["I don't know the email", "Check another order"]
        } else {
            fallback = !state.lastShown.isEmpty ? ["Show more", "Cheaper ones", "Any discounts on these?"] : SmallTalkHandler.starters
        }
        for suggestion in fallback where result.count < 2 && !result.contains(suggestion) { result.append(suggestion) }
        return Array(result.prefix(4))
    }

    /// Marks every product card with the active discount codes that can apply to it, and names them in a
    /// price answer.
    func attachDiscounts(_ reply: inout Reply, store: Store) async throws {
        guard let cards = reply.products, !cards.isEmpty else { return }
        let now = clock.now()
        let evaluator = DiscountEvaluator()
        let active = try await discounts.discounts(storeID: store.id).filter { !$0.isPersonal && evaluator.availabilityFailure($0, at: now) == nil }
        var updated = cards
        for index in updated.indices {
            let card = updated[index]
            let fitting = active.filter { discount in
                (discount.category.map { $0.sameIgnoringCase(card.category) } ?? true)
                    && (discount.brand.map { $0.sameIgnoringCase(card.brand) } ?? true)
            }
            updated[index].discounts = fitting.map(\.code)
            // A code with a minimum spend above this product's price says so, rather than look usable.
            var notes: [String: String] = [:]
            for discount in fitting {
                if let minimum = discount.minSpend, minimum > Money(checkedMajor: card.price) ?? .zero {
                    notes[discount.code] = "needs a \(minimum.formatted(currency: store.currency)) order"
                }
            }
            updated[index].discountNotes = notes.isEmpty ? nil : notes
        }
        reply.products = updated
        if reply.intent.name == Intent.Name.priceInquiry, updated.count == 1, !updated[0].discounts.isEmpty {
            let rules = active.filter { updated[0].discounts.contains($0.code) }
                .map { "\($0.code) (\(DiscountPhrases.rule($0, currency: store.currency)))" }
            reply.text += " Codes that can apply: " + rules.joined(separator: "; ") + "."
        }
    }
}
