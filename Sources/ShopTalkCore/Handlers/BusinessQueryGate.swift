/// Sales, inventory and customer questions are for a store's owners only. Customers get a polite
/// refusal and no data, still labelled `business_query`.
public struct BusinessQueryGate: ChatHandler {
    public init() {}

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        Reply(
            text: "Sorry, I can't share the shop's sales or business figures. I'm happy to help you find products or deals, though.",
            intent: Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence),
            suggestions: SmallTalkHandler.starters
        )
    }
}
