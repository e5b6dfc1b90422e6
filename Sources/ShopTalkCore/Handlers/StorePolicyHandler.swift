/// Shipping, returns, payment, opening hours and whatever else the owner wrote: answered from the
/// best-matching section of the store's own policies, quoted and named. A question the policies do
/// not answer is never guessed at; a person is offered instead.
public struct StorePolicyHandler: ChatHandler {
    let book: PolicyBook

    public init(book: PolicyBook) {
        self.book = book
    }

    /// Answers longer than this are cut at a passage boundary; the shopper can ask for more.
    static let maxAnswerLength = 700

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let answer = Self.answer(try await book.matches(turn.text, storeID: turn.context.store.id))
        return Reply(
            text: answer.text, intent: Intent(name: Intent.Name.storePolicy, confidence: turn.intent.confidence),
            suggestions: answer.suggestions
        )
    }

    /// What the shopper reads, given the sections found for the question.
    public static func answer(_ found: PolicyAnswer) -> (text: String, suggestions: [String]) {
        guard !found.quoted.isEmpty else {
            let text = found.hasPolicies
                ? "I couldn't find that in our shop's policies, and I'd rather not guess. Would you like me to pass your question to a person from our team?"
                : "This shop hasn't published its policies here yet, so I can't answer that reliably. Would you like me to pass your question to a person from our team?"
            return (text, ["Talk to a person", "Where's my order?"])
        }
        let others = found.related.prefix(2).map { "What's your \($0.section.title.lowercased()) policy?" }
        return (found.quoted.map(quote).joined(separator: "\n\n"), others + ["Talk to a person"])
    }

    /// "From our Returns and refunds policy: …", cut to `maxAnswerLength`.
    static func quote(_ match: PolicyIndex.Match) -> String {
        var text = ""
        for passage in match.passages where text.isEmpty || text.count + passage.count <= maxAnswerLength {
            text += (text.isEmpty ? "" : "\n") + passage
        }
        if text.count > maxAnswerLength {
            text = String(text.prefix(maxAnswerLength - 1)) + "…"
        }
        let title = match.section.title
        let name = title.lowercased().hasSuffix("policy") ? title : title + " policy"
        return "From our \(name): \(text)"
    }
}
