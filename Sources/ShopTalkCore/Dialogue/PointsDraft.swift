/// A points question being answered over several turns: proof that the shopper is a customer (the email
/// on one of their orders and its number), and for a redemption, a yes to what it will make.
public struct PointsDraft: Sendable, Hashable, Codable {
    public enum Step: String, Sendable, Hashable, Codable {
        case proof, confirm
    }

    public var step: Step?
    public var email: String?
    public var number: String?
    /// Points to redeem, when that was asked.
    public var redeem: Int?
    /// Made when the redemption is confirmed: it is carried out once per key.
    public var key: String?

    public init(redeem: Int? = nil) {
        self.redeem = redeem
    }
}

/// "How many points do I have?", "redeem 500 points", and the owner's "who are my top point earners?":
/// routed to the loyalty handler, with the answers to its questions.
public struct LoyaltyRule: DialogueRule {
    public let name = "loyalty points"

    public init() {}

    static let topic: Set<String> = ["points", "point", "pts", "loyalty", "rewards", "reward"]

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        if case .loyalty(let draft)? = state.pending {
            let words = Set(turn.words)
            switch draft.step {
            case .confirm?:
                if YesNo.answers(turn) { return turn.settle(Intent.Name.loyalty, atLeast: 0.9) }
            case .proof?, nil:
                if turn.entity(Entity.Kind.email) != nil || turn.entity(Entity.Kind.orderNumber) != nil { return turn.settle(Intent.Name.loyalty, atLeast: 0.9) }
            }
            if !words.isDisjoint(with: Self.topic) { return turn.settle(Intent.Name.loyalty, atLeast: 0.9) }
            state.pending = nil
            return nil
        }
        guard Self.asksAboutPoints(turn) else { return nil }
        return turn.settle(Intent.Name.loyalty, atLeast: 0.85)
    }

    /// The message is about loyalty points, not about a product ("a 3-point plug").
    static func asksAboutPoints(_ turn: Turn) -> Bool {
        let words = Set(turn.words)
        guard !words.isDisjoint(with: topic) else { return false }
        // An owner's "they asked for a loyalty discount… how much did customer 17450 spend?" is about sales:
        // owners ask about points by name.
        if turn.context.role == .owner, words.isDisjoint(with: ["points", "point", "pts"]) { return false }
        if !words.isDisjoint(with: ["loyalty", "rewards", "reward"]) { return true }
        let about: Set<String> = ["my", "i", "have", "balance", "redeem", "earn", "earned", "earners", "outstanding", "many", "much", "top", "use", "spend", "convert", "history"]
        return !words.isDisjoint(with: about)
    }
}
