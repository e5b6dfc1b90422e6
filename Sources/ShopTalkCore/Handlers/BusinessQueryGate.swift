/// Sales, inventory and customer questions are for a store's owners only: owners get the analytics
/// handler, customers a polite refusal and no data, still labelled `business_query`.
public struct BusinessQueryGate: ChatHandler {
    let analytics: AnalyticsHandler

    public init(analytics: AnalyticsHandler) {
        self.analytics = analytics
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        if turn.context.role == .owner {
            return try await analytics.handle(turn, state: &state)
        }
        return Reply(
            text: "Sorry, I can't share the shop's sales or business figures. I'm happy to help you find products or deals, though.",
            intent: Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence),
            suggestions: SmallTalkHandler.starters
        )
    }
}
