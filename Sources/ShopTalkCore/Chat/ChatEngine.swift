/// The chat pipeline: understands a message in the light of the session's state (entities, intent,
/// references to what was shown, pending questions), routes it to the handler for its intent and
/// returns the reply. It knows nothing of sockets or databases; the catalog and orders come in through
/// `CatalogStore` and `OrderStore`.
public struct ChatEngine: Sendable {
    let classifier: any IntentClassifying
    let extractor: EntityExtractor
    let catalog: any CatalogStore
    let clock: ShopClock
    let handlers: [String: any ChatHandler]
    let fallback: any ChatHandler
    let references = ReferenceResolver()

    let discounts: any DiscountStore

    /// The data the pipeline reads and writes, behind the storage boundary.
    public struct Stores: Sendable {
        public var catalog: any CatalogStore
        public var orders: any OrderStore
        public var discounts: any DiscountStore
        public var tickets: any TicketStore
        public var history: any PurchaseHistory
        public var analytics: any SalesAnalytics
        public var credits: (any CreditsReport)?

        public init(
            catalog: any CatalogStore, orders: any OrderStore, discounts: any DiscountStore, tickets: any TicketStore,
            history: any PurchaseHistory, analytics: any SalesAnalytics, credits: (any CreditsReport)? = nil
        ) {
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
    let describer: DescriptionWriter
    let creditsHandler: CreditsHandler?

    public init(
        classifier: any IntentClassifying, extractor: EntityExtractor, stores: Stores, clock: ShopClock,
        lookupGuard: LookupGuard? = nil, assistant: AIAssistant? = nil
    ) {
        self.assistant = assistant
        self.describer = DescriptionWriter(catalog: stores.catalog, assistant: assistant)
        self.creditsHandler = stores.credits.map { CreditsHandler(report: $0, clock: clock) }
        self.classifier = classifier
        self.extractor = extractor
        self.catalog = stores.catalog
        self.discounts = stores.discounts
        self.clock = clock
        let catalog = stores.catalog
        let smallTalk = SmallTalkHandler()
        let search = CatalogHandler(catalog: catalog, extractor: extractor)
        let info = ProductInfoHandler(catalog: catalog)
        let deals = DiscountHandler(discounts: stores.discounts, catalog: catalog, clock: clock)
        self.fallback = smallTalk
        self.handlers = [
            Intent.Name.greeting: smallTalk,
            Intent.Name.goodbye: smallTalk,
            Intent.Name.thanks: smallTalk,
            Intent.Name.help: smallTalk,
            Intent.Name.outOfScope: smallTalk,
            Intent.Name.findProducts: search,
            Intent.Name.productRecommendation: RecommendationHandler(catalog: catalog, history: stores.history),
            Intent.Name.productDetails: info,
            Intent.Name.priceInquiry: info,
            Intent.Name.checkStock: info,
            Intent.Name.findDiscounts: deals,
            Intent.Name.applyDiscount: deals,
            Intent.Name.complaint: ComplaintHandler(tickets: stores.tickets, clock: clock),
            Intent.Name.returnRefund: ReturnRefundHandler(tickets: stores.tickets, clock: clock),
            Intent.Name.humanHandoff: HumanHandoffHandler(tickets: stores.tickets, clock: clock),
            Intent.Name.storePolicy: StorePolicyHandler(),
            Intent.Name.giftIdeas: GiftIdeasHandler(catalog: catalog),
            Intent.Name.orderStatus: OrderStatusHandler(orders: stores.orders, guardrail: lookupGuard ?? LookupGuard(clock: clock)),
            Intent.Name.businessQuery: BusinessQueryGate(analytics: AnalyticsHandler(analytics: stores.analytics, clock: clock)),
        ]
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
    public func respond(to text: String, state: inout ConversationState, context: ChatContext) async throws -> Reply {
        let understanding = try await understand(text, store: context.store)
        var turn = Turn(
            text: text, tokens: understanding.tokens, intent: understanding.intent, entities: understanding.entities,
            context: context
        )
        try await resolveDialogue(&turn, state: &state)
        let handler: any ChatHandler
        if turn.entities.contains(where: { $0.type == Entity.Kind.price && $0.value["outOfRange"] != nil }) {
            handler = AmountTooLargeHandler()
        } else if DescriptionWriter.wants(turn, state: state) {
            handler = describer
        } else if turn.context.role == .owner, CreditsHandler.wants(turn), let creditsHandler {
            handler = creditsHandler
        } else {
            handler = handlers[turn.intent.name] ?? fallback
        }
        var reply = try await handler.handle(turn, state: &state)
        if let assistant {
            try await useAssistant(assistant, on: &reply, turn: turn)
        }
        reply.entities = understanding.entities
        try await attachDiscounts(&reply, store: context.store)
        reply.suggestions = Self.suggestions(reply.suggestions, state: state)
        if context.role == .customer, reply.intent.name == Intent.Name.businessQuery, reply.products != nil {
            reply.products = nil
        }
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
        let fallback = state.pending?.expecting == "email" ? ["I don't know the email", "Check another order"]
            : !state.lastShown.isEmpty ? ["Show more", "Cheaper ones", "Any discounts on these?"]
            : SmallTalkHandler.starters
        for suggestion in fallback where result.count < 2 && !result.contains(suggestion) { result.append(suggestion) }
        return Array(result.prefix(4))
    }

    /// Marks every product card with the active discount codes that can apply to it, and names them in a
    /// price answer.
    func attachDiscounts(_ reply: inout Reply, store: Store) async throws {
        guard let cards = reply.products, !cards.isEmpty else { return }
        let now = clock.now()
        let evaluator = DiscountEvaluator()
        let active = try await discounts.discounts(storeID: store.id).filter { evaluator.availabilityFailure($0, at: now) == nil }
        var updated = cards
        for index in updated.indices {
            let card = updated[index]
            let fitting = active.filter { discount in
                (discount.category.map { $0.caseInsensitiveCompare(card.category) == .orderedSame } ?? true)
                    && (discount.brand.map { $0.caseInsensitiveCompare(card.brand) == .orderedSame } ?? true)
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

    /// Dialogue context: answers to pending questions, references to the last list, and catalog words in
    /// messages the classifier could not place.
    func resolveDialogue(_ turn: inout Turn, state: inout ConversationState) async throws {
        let confident = turn.intent.confidence >= 0.6
        if turn.context.role == .owner {
            // Owners' questions about the business, follow-ups to them, and answers to "which product?".
            let words = turn.tokens.map(\.text)
            let lowered = turn.text.lowercased()
            let followUp = state.lastIntent == Intent.Name.businessQuery
                && (words.first == "and" || lowered.hasPrefix("what about") || lowered.hasPrefix("how about") || lowered.hasPrefix("same for")
                    || (words.count <= 5 && turn.entities.contains { $0.type == Entity.Kind.date || $0.type == Entity.Kind.country }))
            if state.pending?.intent == Intent.Name.businessQuery || followUp
                || (turn.intent.name != Intent.Name.businessQuery && QuestionParser.looksAnalytic(words)
                    && ![Intent.Name.orderStatus, Intent.Name.complaint, Intent.Name.applyDiscount].contains(turn.intent.name)) {
                turn.intent = Intent(name: Intent.Name.businessQuery, confidence: max(turn.intent.confidence, 0.7))
                return
            }
            if turn.intent.name == Intent.Name.businessQuery { return }
        }
        if let pending = state.pending, pending.expecting == "confirm" {
            let words = Set(turn.tokens.map(\.text))
            let affirmative = !words.isDisjoint(with: ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "go", "why"])
                || turn.text.lowercased().hasPrefix("show them")
            if affirmative && !words.contains("no") {
                turn.intent = Intent(name: pending.intent, confidence: max(turn.intent.confidence, 0.9))
                return
            }
            state.pending = nil
        }
        if let pending = state.pending {
            let answers = pending.expecting == "order_number" ? turn.entity(Entity.Kind.orderNumber) != nil
                : pending.expecting == "email" ? turn.entity(Entity.Kind.email) != nil : false
            if answers || turn.intent.name == pending.intent {
                turn.intent = Intent(name: pending.intent, confidence: max(turn.intent.confidence, 0.9))
                return
            }
            if confident && turn.intent.name != Intent.Name.outOfScope {
                // A clear change of topic drops the question.
                state.pending = nil
            } else {
                turn.intent = Intent(name: pending.intent, confidence: turn.intent.confidence)
                return
            }
        }
        if turn.entity(Entity.Kind.orderNumber) != nil && [Intent.Name.outOfScope, Intent.Name.help, Intent.Name.findProducts].contains(turn.intent.name) {
            turn.intent = Intent(name: Intent.Name.orderStatus, confidence: max(turn.intent.confidence, 0.7))
            return
        }
        if !state.slots.isEmpty, !SlotRelease.released(by: turn.tokens.map(\.text)).isEmpty,
           ![Intent.Name.orderStatus, Intent.Name.complaint, Intent.Name.returnRefund].contains(turn.intent.name) {
            // "ok forget the colour", "any price is fine": the search goes on without that filter.
            turn.intent = Intent(name: Intent.Name.findProducts, confidence: max(turn.intent.confidence, 0.7))
            return
        }
        var shown = try await catalog.products(ids: state.lastShown, storeID: turn.context.store.id)
        if shown.isEmpty, let focus = state.focus {
            shown = try await catalog.products(ids: [focus], storeID: turn.context.store.id)
        }
        turn.referenced = references.resolve(turn, shown: shown, focus: state.focus)
        let words = turn.tokens.map(\.text)
        if !turn.referenced.isEmpty {
            let infoIntents: Set<String> = [Intent.Name.productDetails, Intent.Name.priceInquiry, Intent.Name.checkStock]
            if !infoIntents.contains(turn.intent.name) && turn.intent.name != Intent.Name.findDiscounts
                && turn.intent.name != Intent.Name.applyDiscount && turn.intent.name != Intent.Name.productRecommendation {
                if words.contains("cheaper") || words.contains("more") && words.contains("show") {
                    turn.referenced = []
                } else {
                    turn.intent = Intent(name: Intent.Name.productDetails, confidence: max(turn.intent.confidence, 0.7))
                }
            }
            return
        }
        let catalogTypes: Set<String> = [
            Entity.Kind.category, Entity.Kind.brand, Entity.Kind.color, Entity.Kind.price, Entity.Kind.product, Entity.Kind.size,
            Entity.Kind.item,
        ]
        // In the middle of a search, a short message with catalog words refines it ("in olive?", "a 10").
        // (Without context the classifier already decided; see `TrainedIntentClassifier.classify`.)
        let shopping = !state.lastShown.isEmpty || !state.slots.isEmpty
        if shopping, turn.tokens.count <= 8, turn.entities.contains(where: { catalogTypes.contains($0.type) }),
           [Intent.Name.outOfScope, Intent.Name.help, Intent.Name.greeting].contains(turn.intent.name) {
            turn.intent = Intent(name: Intent.Name.findProducts, confidence: max(turn.intent.confidence, 0.6))
        }
    }
}
