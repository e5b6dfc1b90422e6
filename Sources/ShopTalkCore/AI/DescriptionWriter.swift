/// Owners: "write a description for <product>" drafts one with the language model, shows it, and saves
/// it only when the owner confirms.
public struct DescriptionWriter: ChatHandler {
    let catalog: any CatalogStore
    let assistant: AIAssistant?

    public init(catalog: any CatalogStore, assistant: AIAssistant?) {
        self.catalog = catalog
        self.assistant = assistant
    }

    /// Whether an owner's message asks for a description, or answers a draft.
    static func wants(_ turn: Turn, state: ConversationState) -> Bool {
        guard turn.context.role == .owner else { return false }
        if case .saveDescription = state.pending { return true }
        let text = turn.text.lowercased()
        return text.contains("description") && ["write", "draft", "generate", "create", "new"].contains { text.contains($0) }
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let intent = Intent(name: Intent.Name.productDetails, confidence: turn.intent.confidence)
        let storeID = turn.context.store.id
        if case .saveDescription(let id, let draft) = state.pending {
            state.pending = nil
            let words = Set(turn.tokens.map(\.text))
            if !words.isDisjoint(with: ["yes", "save", "ok", "okay", "sure", "yep", "confirm", "publish"]) && !words.contains("no") {
                try await catalog.updateDescription(productID: id, storeID: storeID, description: draft)
                return Reply(text: "Saved the new description.", intent: intent, suggestions: ["Write a description for another product", "Top 5 products this month"])
            }
            return Reply(text: "OK, I left the description as it was.", intent: intent, suggestions: ["Write a description for another product", "Top 5 products this month"])
        }
        guard let assistant else {
            return Reply(text: "Writing descriptions needs the language model, and it isn't configured for this shop.", intent: intent,
                         suggestions: ["Top 5 products this month", "Which products need restocking?"])
        }
        var product: Product?
        if let model = turn.entity(Entity.Kind.product)?.value.stringValue {
            product = try await catalog.product(model: model, brand: turn.entity(Entity.Kind.brand)?.value.stringValue, storeID: storeID)
        }
        if product == nil, let range = turn.text.range(of: " for ", options: .caseInsensitive) {
            product = try await catalog.search(ProductQuery(text: String(turn.text[range.upperBound...]), limit: 1), storeID: storeID).products.first
        }
        guard let product else {
            return Reply(text: "Which product should I describe? Say \"write a description for\" and its name.", intent: intent,
                         suggestions: ["Write a description for the Sony WH-1000XM5"])
        }
        switch await assistant.describe(product, storeID: storeID) {
        case .text(let draft):
            state.pending = .saveDescription(productID: product.id, draft: draft)
            return Reply(text: "Here is a draft for the \(product.name):\n\n\(draft)\n\nShall I save it?", intent: intent, suggestions: ["Yes, save it", "No, keep the old one"])
        case .refused(let reason):
            return Reply(text: "I can't write one right now: \(reason)", intent: intent, suggestions: ["How many AI credits do I have left?"])
        case .failed:
            return Reply(text: "The language model didn't give a usable description; nothing was charged. Please try again later.", intent: intent,
                         suggestions: ["Top 5 products this month"])
        }
    }
}
