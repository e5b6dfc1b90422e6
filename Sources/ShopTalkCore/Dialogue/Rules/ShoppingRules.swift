/// "ok forget the colour", "any price is fine", "never mind the brand": during a search, the search
/// goes on without that filter.
public struct SlotReleaseRule: DialogueRule {
    public let name = "filter released"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        guard !state.slots.isEmpty, !SlotRelease.released(by: turn.words).isEmpty,
              ![Intent.Name.orderStatus, Intent.Name.complaint, Intent.Name.returnRefund].contains(turn.intent.name)
        else { return nil }
        return turn.settle(Intent.Name.findProducts, atLeast: 0.7)
    }
}

/// References to the products last shown (or the one in focus): "the second one", "the cheapest of
/// these", "the Sony WH-CH720N", "is it waterproof?". A referring message asks about those products,
/// unless it asks for their price, stock, codes or a recommendation among them (each handler reads the
/// references), or for more or cheaper ones (a new search).
public struct ShownProductReferenceRule: DialogueRule {
    public let name = "reference to the products shown"
    let catalog: any CatalogStore
    let references = ReferenceResolver()

    static let readsReferences: Set<String> = [
        Intent.Name.productDetails, Intent.Name.priceInquiry, Intent.Name.checkStock, Intent.Name.findDiscounts,
        Intent.Name.applyDiscount, Intent.Name.productRecommendation,
    ]

    public init(catalog: any CatalogStore) {
        self.catalog = catalog
    }

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        let storeID = turn.context.store.id
        var shown = state.lastShown.isEmpty ? [] : try await catalog.products(ids: state.lastShown, storeID: storeID)
        if shown.isEmpty, let focus = state.focus {
            shown = try await catalog.products(ids: [focus], storeID: storeID)
        }
        turn.referenced = references.resolve(turn, shown: shown, focus: state.focus)
        guard !turn.referenced.isEmpty else { return nil }
        if Self.readsReferences.contains(turn.intent.name) { return .intent(turn.intent.name) }
        let words = turn.words
        if words.contains("cheaper") || words.contains("more") && words.contains("show") {
            turn.referenced = []
            return .intent(turn.intent.name)
        }
        return turn.settle(Intent.Name.productDetails, atLeast: 0.7)
    }
}

/// In the middle of a search, a short message with catalog words that the classifier could not place
/// refines it ("in olive?", "a 10", "sony?"). So does a size or colour asked as a stock question of
/// no product in particular while several are shown ("size 10?" after a list of trainers): it asks
/// which of them come that way. Without a search going on the classifier has decided already (see
/// `TrainedIntentClassifier.classify`).
public struct ShoppingRefinementRule: DialogueRule {
    public let name = "refinement of the search"

    static let catalogKinds: Set<String> = [
        Entity.Kind.category, Entity.Kind.brand, Entity.Kind.color, Entity.Kind.price, Entity.Kind.product, Entity.Kind.size,
        Entity.Kind.item,
    ]

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        let shopping = !state.lastShown.isEmpty || !state.slots.isEmpty
        guard shopping, turn.tokens.count <= 8, turn.entities.contains(where: { Self.catalogKinds.contains($0.type) }),
              [Intent.Name.outOfScope, Intent.Name.help, Intent.Name.greeting].contains(turn.intent.name)
                || asksStockOfTheList(turn, state: state)
        else { return nil }
        return turn.settle(Intent.Name.findProducts, atLeast: 0.6)
    }

    /// A stock question that names a size or colour but no product while several are shown.
    func asksStockOfTheList(_ turn: Turn, state: ConversationState) -> Bool {
        turn.intent.name == Intent.Name.checkStock && turn.referenced.isEmpty && state.lastShown.count > 1
            && turn.entities.contains { $0.type == Entity.Kind.size || $0.type == Entity.Kind.color }
            && !turn.entities.contains { $0.type == Entity.Kind.product }
    }
}
