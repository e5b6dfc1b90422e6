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

    public init(
        classifier: any IntentClassifying, extractor: EntityExtractor, catalog: any CatalogStore,
        orders: any OrderStore, clock: ShopClock
    ) {
        self.classifier = classifier
        self.extractor = extractor
        self.catalog = catalog
        self.clock = clock
        let smallTalk = SmallTalkHandler()
        let search = CatalogHandler(catalog: catalog, extractor: extractor)
        let info = ProductInfoHandler(catalog: catalog)
        self.fallback = smallTalk
        self.handlers = [
            Intent.Name.greeting: smallTalk,
            Intent.Name.goodbye: smallTalk,
            Intent.Name.thanks: smallTalk,
            Intent.Name.help: smallTalk,
            Intent.Name.outOfScope: smallTalk,
            Intent.Name.findProducts: search,
            Intent.Name.productRecommendation: search,
            Intent.Name.productDetails: info,
            Intent.Name.priceInquiry: info,
            Intent.Name.checkStock: info,
            Intent.Name.orderStatus: OrderStatusHandler(orders: orders),
            Intent.Name.businessQuery: BusinessQueryGate(),
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
        let handler = handlers[turn.intent.name] ?? fallback
        var reply = try await handler.handle(turn, state: &state)
        reply.entities = understanding.entities
        if context.role == .customer, reply.intent.name == Intent.Name.businessQuery, reply.products != nil {
            reply.products = nil
        }
        state.lastIntent = reply.intent.name
        state.turns += 1
        return reply
    }

    /// Dialogue context: answers to pending questions, references to the last list, and catalog words in
    /// messages the classifier could not place.
    func resolveDialogue(_ turn: inout Turn, state: inout ConversationState) async throws {
        let confident = turn.intent.confidence >= 0.6
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
        ]
        if turn.entities.contains(where: { catalogTypes.contains($0.type) }),
           [Intent.Name.outOfScope, Intent.Name.help, Intent.Name.greeting].contains(turn.intent.name) {
            turn.intent = Intent(name: Intent.Name.findProducts, confidence: max(turn.intent.confidence, 0.6))
        }
    }
}
