/// Sales, inventory and customer questions are for a store's owners only. Customers get a polite
/// refusal and no data, still labelled `business_query`.
public struct BusinessQueryGate: ChatHandler {
    public init() {}

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        if turn.context.role == .owner {
            return Reply(
                text: "You're signed in as the owner, but sales analytics aren't available in this version yet. I can still search the catalog, check codes and look up orders.",
                intent: Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence),
                suggestions: ["Any deals today?", "Show me headphones"]
            )
        }
        return Reply(
            text: "Sorry, I can't share the shop's sales or business figures. I'm happy to help you find products or deals, though.",
            intent: Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence),
            suggestions: SmallTalkHandler.starters
        )
    }
}
