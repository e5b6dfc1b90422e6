/// What each role may reach, decided in one place. A shop's business figures, its AI-credit reports
/// and product description drafts are for its owners; a customer whose message goes there gets a
/// polite refusal, labelled `business_query`, and no data.
public struct AccessPolicy: Sendable {
    public init() {}

    /// Whether `role` may have `route` answered.
    public func permits(_ route: Route, role: ChatContext.Role) -> Bool {
        switch route {
        case .intent(let intent): role == .owner || intent != Intent.Name.businessQuery
        case .describeProduct, .aiCredits, .ownerAlerts: role == .owner
        case .amountTooLarge: true
        }
    }

    /// The answer a customer gets for a route that is not theirs.
    public struct Refusal: ChatHandler {
        public init() {}

        public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
            Reply(
                text: "Sorry, I can't share the shop's sales or business figures. I'm happy to help you find products or deals, though.",
                intent: Intent(name: Intent.Name.businessQuery, confidence: turn.intent.confidence),
                suggestions: SmallTalkHandler.starters
            )
        }
    }
}
