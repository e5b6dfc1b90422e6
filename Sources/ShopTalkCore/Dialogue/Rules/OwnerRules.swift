/// An amount beyond anything a shop sells at ("under $100000000000000000", 400 digits) is never
/// searched with or checked: the shopper is told why.
public struct OutOfRangeAmountRule: DialogueRule {
    public let name = "out-of-range amount"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        turn.entities.contains { $0.type == Entity.Kind.price && $0.value["outOfRange"] != nil } ? .amountTooLarge : nil
    }
}

/// An owner's "write a description for …", and the owner's answer to the draft shown.
public struct OwnerDescriptionRule: DialogueRule {
    public let name = "owner description"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        DescriptionWriter.wants(turn, state: state) ? .describeProduct : nil
    }
}

/// An owner's question about AI credits: the balance, or what AI cost.
public struct OwnerCreditsRule: DialogueRule {
    public let name = "owner AI credits"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        turn.context.role == .owner && CreditsHandler.wants(turn) ? .aiCredits : nil
    }
}

/// An owner's alerts: "any alerts?", "alert history", "mark the mug alert done".
public struct OwnerAlertsRule: DialogueRule {
    public let name = "owner alerts"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        turn.context.role == .owner && AlertsHandler.wants(turn) ? .ownerAlerts : nil
    }
}

/// Owners' questions about the business, their follow-ups ("and in Germany?", "what about last
/// year?") and answers to "which product did you mean?" go to the analytics, and so does any owner
/// message that reads as an analytic question, unless it is an order, complaint or code.
public struct OwnerAnalyticsRule: DialogueRule {
    public let name = "owner analytics"

    public init() {}

    public func decide(_ turn: inout Turn, state: inout ConversationState) async throws -> Route? {
        guard turn.context.role == .owner else { return nil }
        let words = turn.words
        let lowered = turn.text.lowercased()
        let followUp = state.lastIntent == Intent.Name.businessQuery
            && (words.first == "and" || lowered.hasPrefix("what about") || lowered.hasPrefix("how about") || lowered.hasPrefix("same for")
                || (words.count <= 5 && turn.entities.contains { $0.type == Entity.Kind.date || $0.type == Entity.Kind.country }))
        let shopperTopics = [Intent.Name.orderStatus, Intent.Name.complaint, Intent.Name.applyDiscount]
        // An owner asking about goods over a period ("how many pink retrospot cups went in twenty eleven") asks
        // about sales, not the catalog.
        let catalogTopics = [Intent.Name.findProducts, Intent.Name.productDetails, Intent.Name.checkStock, Intent.Name.priceInquiry]
        let aboutSales = catalogTopics.contains(turn.intent.name)
            && turn.entities.contains { $0.type == Entity.Kind.date || $0.type == Entity.Kind.customerID }
        // A count, an amount or a change over a period ("how many invoices did we raise in November?", "the
        // percentage change from Q2 2011 to Q3 2011?") is about the business.
        let measured = turn.entities.contains { $0.type == Entity.Kind.date }
            && (lowered.contains("how many") || lowered.contains("how much")
                || !Set(words).isDisjoint(with: ["total", "top", "average", "change", "growth", "grew", "percentage", "percent"]))
        // "how many times has somebody placed an order with us this month?" counts orders; it asks about no one order.
        let countsOrders = measured && turn.intent.name == Intent.Name.orderStatus
            && !turn.entities.contains { $0.type == Entity.Kind.orderNumber || $0.type == Entity.Kind.email }
        // A question in the trade's words is about the business even when the classifier heard a grievance in it
        // ("last month, what share of the customers came back and ordered more than one time?").
        let asksFigures = turn.intent.name == Intent.Name.complaint && QuestionParser.looksAnalytic(words)
            && (turn.text.contains("?") || turn.entities.contains { $0.type == Entity.Kind.date }
                || ["how", "what", "which", "who", "when", "where"].contains(words.first ?? ""))
        if state.pending?.intent == Intent.Name.businessQuery || followUp
            || (turn.intent.name != Intent.Name.businessQuery && (QuestionParser.looksAnalytic(words) || measured)
                && (!shopperTopics.contains(turn.intent.name) || asksFigures))
            || aboutSales || countsOrders {
            return turn.settle(Intent.Name.businessQuery, atLeast: 0.7)
        }
        return turn.intent.name == Intent.Name.businessQuery ? .intent(Intent.Name.businessQuery) : nil
    }
}
