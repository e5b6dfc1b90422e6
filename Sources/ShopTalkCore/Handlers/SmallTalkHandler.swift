/// Greetings, goodbyes, thanks, help, and the answer for messages the assistant did not understand.
public struct SmallTalkHandler: ChatHandler {
    static let starters = ["Show me headphones under $100", "Running shoes", "What can you do?"]

    public init() {}

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let store = turn.context.store.name
        let text: String
        var suggestions = Self.starters
        switch turn.intent.name {
        case Intent.Name.greeting:
            text = state.turns == 0
                ? "Hi! Welcome to \(store). I can help you find products, compare prices and check deals. What are you looking for?"
                : "Hello again! What can I find for you?"
        case Intent.Name.goodbye:
            text = "Thanks for stopping by \(store). Come back any time!"
            suggestions = ["Show me laptops", "What can you do?"]
        case Intent.Name.thanks:
            text = "You're welcome! Anything else I can help with?"
            suggestions = state.lastShown.isEmpty ? Self.starters : ["Show more", "Cheaper ones", "Start over"]
        case Intent.Name.help:
            text = "I can search the \(store) catalog by category, brand, colour, size and price (try \"Sony headphones under $150\"), show more results, and narrow or widen a search as we go."
            suggestions = ["Sony headphones under $150", "Show me phones", "Laptops between $500 and $800"]
        default:
            text = "Sorry, I didn't catch that. I can help you find products by category, brand, colour, size or price."
        }
        return Reply(text: text, intent: turn.intent, suggestions: suggestions)
    }
}
