/// Answers a message whose amount is beyond what any shop sells at ("under $100000000000000000", or
/// 400 digits): the amount is never searched with or checked, and the shopper is told why.
struct AmountTooLargeHandler: ChatHandler {
    func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let currency = turn.context.store.currency
        let limit = Money(major: Money.maxMajor).formatted(currency: currency)
        let example = "under " + Money(major: 100).formatted(currency: currency)
        return Reply(
            text: "That price is too large for me: I work with amounts up to \(limit). Try a smaller one, like \"\(example)\".",
            intent: turn.intent, suggestions: ["Show me headphones \(example)", "Any deals today?"]
        )
    }
}
