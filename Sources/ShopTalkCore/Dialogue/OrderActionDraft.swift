/// An order action being gathered over several turns: which order, proof that it is the shopper's,
/// what exactly (the new address, the items and reason of a return), then a yes to the confirmation.
public struct OrderActionDraft: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case cancel, address, `return`
    }

    /// The question the assistant asked last.
    public enum Step: String, Sendable, Hashable, Codable {
        case number, email, address, items, reason, confirm
    }

    public var kind: Kind
    public var step: Step?
    public var number: String?
    public var email: String?
    /// The number and email matched (now or in an earlier lookup in this conversation).
    public var verified = false
    public var address: String?
    public var lines: [ReturnLine]?
    public var reason: String?
    /// The message that asked for the action (up to 300 characters): "return the shoes, they're too
    /// small" names items and a reason before the order is verified.
    public var said: String?
    /// Made when the confirmation is asked; the action is carried out once per key, so a "yes" sent
    /// twice, or again after a crash, never acts twice.
    public var key: String?

    public init(kind: Kind) {
        self.kind = kind
    }

    /// The action, once everything it needs is gathered.
    public var action: OrderAction? {
        switch kind {
        case .cancel: return .cancel
        case .address: return address.map(OrderAction.changeAddress)
        case .return:
            guard let lines, let reason else { return nil }
            return .startReturn(lines: lines, reason: reason)
        }
    }
}

/// "Cancel my order", "I need to change the delivery address", "I want to return the headphones": the
/// start of an order action, or an answer to one of its questions, goes to the order-action handler.
/// A confident turn about something else while a yes/no or an order number is awaited drops the action.
public struct OrderActionRule: DialogueRule {
    public let name = "order action"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        if case .orderAction(let draft)? = state.pending {
            let confident = turn.intent.confidence >= 0.6 && ![Intent.Name.outOfScope, Intent.Name.orderStatus].contains(turn.intent.name)
            switch draft.step {
            case .confirm?:
                if YesNo.answers(turn) { return turn.settle(Intent.Name.orderAction, atLeast: 0.9) }
            case .number?, .email?:
                if PendingQuestion.orderAction(draft).isAnswered(by: turn) { return turn.settle(Intent.Name.orderAction, atLeast: 0.9) }
            case .address?, .items?, .reason?, nil:
                return turn.settle(Intent.Name.orderAction, atLeast: 0.9)
            }
            if confident && Self.requested(turn) == nil {
                state.pending = nil
                return nil
            }
            return turn.settle(Intent.Name.orderAction, atLeast: 0.9)
        }
        guard turn.context.role == .customer || turn.intent.name != Intent.Name.businessQuery else { return nil }
        // "I want my money back" starts a return; "how do returns work?" is a question for the returns policy.
        let asksHow = !Set(turn.words).isDisjoint(with: ["how", "what", "when", "whats", "policy", "policies", "window", "long"])
        if let kind = Self.requested(turn) ?? (turn.intent.name == Intent.Name.returnRefund && !asksHow ? .return : nil) {
            var draft = OrderActionDraft(kind: kind)
            draft.said = String(turn.text.prefix(300))
            state.pending = .orderAction(draft)
            return turn.settle(Intent.Name.orderAction, atLeast: 0.8)
        }
        return nil
    }

    /// The action a message asks for in so many words, if any. "Was my order cancelled?" asks about a
    /// status, and "what's your return policy?" about a policy: neither is a request.
    static func requested(_ turn: Turn) -> OrderActionDraft.Kind? {
        let words = Set(turn.words)
        let text = turn.text.lowercased()
        let aboutAnOrder = !words.isDisjoint(with: ["order", "orders", "purchase", "it", "parcel", "package", "delivery"])
            || turn.entity(Entity.Kind.orderNumber) != nil
        if !words.isDisjoint(with: ["cancel", "cancle", "cancell"]) && aboutAnOrder { return .cancel }
        let delivery = text.contains("delivery address") || text.contains("shipping address") || text.contains("postal address")
        if words.contains("address") && (!words.contains("email") || delivery)
            && !words.isDisjoint(with: ["change", "update", "wrong", "new", "different", "edit", "correct", "moved", "another", "changing"]) {
            return .address
        }
        if !words.isDisjoint(with: ["policy", "policies", "window"]) { return nil }
        let returning = ["start a return", "want to return", "like to return", "need to return", "return my ", "return the ", "return these",
                         "return this", "return it", "return them", "send it back", "send them back", "send back"]
        if returning.contains(where: text.contains) { return .return }
        return nil
    }
}
