/// The chat pipeline: understands a message in the light of the session's state, routes it to the
/// handler for its intent and returns the reply. It knows nothing of sockets or databases; the catalog
/// comes in through `CatalogStore`.
public struct ChatEngine: Sendable {
    let classifier: any IntentClassifying
    let extractor: EntityExtractor
    let catalog: any CatalogStore
    let handlers: [String: any ChatHandler]
    let fallback: any ChatHandler

    public init(classifier: any IntentClassifying, catalog: any CatalogStore) {
        self.classifier = classifier
        self.extractor = EntityExtractor()
        self.catalog = catalog
        let smallTalk = SmallTalkHandler()
        let search = CatalogHandler(catalog: catalog)
        self.fallback = smallTalk
        self.handlers = [
            Intent.Name.greeting: smallTalk,
            Intent.Name.goodbye: smallTalk,
            Intent.Name.thanks: smallTalk,
            Intent.Name.help: smallTalk,
            Intent.Name.outOfScope: smallTalk,
            Intent.Name.findProducts: search,
            Intent.Name.businessQuery: BusinessQueryGate(),
        ]
    }

    /// Understands `text` and answers it, updating `state`.
    public func respond(to text: String, state: inout ConversationState, context: ChatContext) async throws -> Reply {
        let tokens = Tokenizer.tokenize(text)
        let vocabulary = try await catalog.vocabulary(storeID: context.store.id)
        let entities = extractor.extract(text, tokens: tokens, vocabulary: vocabulary, currency: context.store.currency)
        var intent = classifier.classify(tokens)
        intent = route(intent, tokens: tokens, entities: entities, state: state)
        let turn = Turn(text: text, tokens: tokens, intent: intent, entities: entities, context: context)
        let handler = handlers[intent.name] ?? fallback
        var reply = try await handler.handle(turn, state: &state)
        reply.entities = entities
        state.lastIntent = reply.intent.name
        state.turns += 1
        return reply
    }

    /// Dialogue-level corrections to the classifier: catalog words mean a search, and "more" after a
    /// list means its next page.
    private func route(_ intent: Intent, tokens: [Token], entities: [Entity], state: ConversationState) -> Intent {
        let catalogTypes: Set<String> = [Entity.Kind.category, Entity.Kind.brand, Entity.Kind.color, Entity.Kind.price]
        let mentionsCatalog = entities.contains { catalogTypes.contains($0.type) }
        if mentionsCatalog && (intent.name == Intent.Name.outOfScope || intent.name == Intent.Name.help) {
            return Intent(name: Intent.Name.findProducts, confidence: 0.7)
        }
        return intent
    }
}
