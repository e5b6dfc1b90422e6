/// "Yes" to "want to see them?" (a search that found nothing offered to drop a filter) repeats the
/// search without it; anything else withdraws the offer and is read on its own.
public struct YesNoAnswerRule: DialogueRule {
    public let name = "yes to an offer"

    /// A yes (`YesNo`), or "why not".
    static let affirmative = YesNo.yes.union(["why"])

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        guard let pending = state.pending, case .searchWithout = pending else { return nil }
        let words = Set(turn.words)
        let agreed = !words.isDisjoint(with: Self.affirmative) || turn.text.lowercased().hasPrefix("show them")
        if agreed && !words.contains("no") {
            return turn.settle(pending.intent, atLeast: 0.9)
        }
        state.pending = nil
        return nil
    }
}

/// An answer to the question asked ("ORD-…" to "what's the order number?", an email to "what's the
/// email?") goes back to the intent that asked. A clear change of topic drops the question; an unclear
/// message is taken as a try at answering it, so the question is asked again.
public struct PendingAnswerRule: DialogueRule {
    public let name = "answer to a pending question"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        guard let pending = state.pending else { return nil }
        if pending.isAnswered(by: turn) || turn.intent.name == pending.intent {
            return turn.settle(pending.intent, atLeast: 0.9)
        }
        if turn.intent.confidence >= 0.6 && turn.intent.name != Intent.Name.outOfScope {
            state.pending = nil
            return nil
        }
        turn.intent = Intent(name: pending.intent, confidence: turn.intent.confidence)
        return .intent(pending.intent)
    }
}

/// A message that names an order number ("ORD-20250105-0001?", "order 1234") and that the classifier
/// read as a search, help or nothing is an order question.
public struct OrderNumberRule: DialogueRule {
    public let name = "order number named"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        guard turn.entity(Entity.Kind.orderNumber) != nil,
              [Intent.Name.outOfScope, Intent.Name.help, Intent.Name.findProducts].contains(turn.intent.name)
        else { return nil }
        return turn.settle(Intent.Name.orderStatus, atLeast: 0.7)
    }
}
