/// Where a turn is answered.
public enum Route: Sendable, Equatable {
    /// The handler the intent maps to in the engine's handler table.
    case intent(String)
    /// An amount beyond anything a shop sells at: a polite refusal, never a search.
    case amountTooLarge
    /// An owner asks for a product description, or answers a draft.
    case describeProduct
    /// An owner asks about AI credits.
    case aiCredits
    /// An owner asks about alerts, or resolves one.
    case ownerAlerts
}

/// One rule of the dialogue policy. It looks at a turn in the light of the conversation and either
/// settles where the turn goes or passes it on; on the way it may rewrite the turn's intent and
/// references and the conversation state (a pending question dropped on a change of topic).
public protocol DialogueRule: Sendable {
    /// A short name for logs and tests.
    var name: String { get }
    /// The route, or `nil` to let the next rule decide.
    func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route?
}

/// The dialogue policy: an ordered list of rules, read top to bottom. The first rule that settles a
/// turn decides its route; a turn that no rule settles goes to the handler of its classified intent.
/// Each rule lives in its own type in Dialogue/Rules, with its own test.
public struct TurnRouter: Sendable {
    public let rules: [any DialogueRule]

    public init(rules: [any DialogueRule]) {
        self.rules = rules
    }

    /// The shop's policy, in the order the rules are tried; `orderActions` when the shop can act on
    /// orders (cancel, change the address, start a return) in the chat, `loyalty` when it has points.
    public static func standard(catalog: any CatalogStore, orderActions: Bool = false, loyalty: Bool = false) -> TurnRouter {
        let owner: [any DialogueRule] = [OutOfRangeAmountRule(), OwnerDescriptionRule(), OwnerCreditsRule(), OwnerAlertsRule()]
            + (loyalty ? [LoyaltyRule()] : []) + [OwnerAnalyticsRule()]
        return TurnRouter(rules: owner + (orderActions ? [OrderActionRule()] : []) + [
            YesNoAnswerRule(),
            PendingAnswerRule(),
            OrderNumberRule(),
            SlotReleaseRule(),
            ShownProductReferenceRule(catalog: catalog),
            ShoppingRefinementRule(),
        ])
    }

    /// Routes `turn`, updating it and `state` as the rules say.
    public func route(_ turn: inout Turn, state: inout ConversationState) async throws -> Route {
        for rule in rules {
            if let route = try await rule.decide(&turn, state: &state) { return route }
        }
        return .intent(turn.intent.name)
    }
}

extension Turn {
    /// Sets the intent, keeping the classifier's confidence when it was higher than `atLeast`.
    mutating func settle(_ name: String, atLeast confidence: Double) -> Route {
        intent = Intent(name: name, confidence: max(intent.confidence, confidence))
        return .intent(name)
    }

    /// The message's words, lowercased, without punctuation tokens.
    var words: [String] { tokens.map(\.text) }
}
