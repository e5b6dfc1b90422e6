/// A shop's policies, as shoppers ask about them. Each store starts from the standard terms below.
public struct StorePolicies: Sendable, Hashable {
    public enum Topic: String, Sendable, CaseIterable {
        case shipping, deliveryTime, returns, payment, hours, warranty, priceMatch, collection
    }

    public var answers: [Topic: String]

    /// The standard terms, in the store's currency.
    public static func standard(currency: String) -> StorePolicies {
        func money(_ major: Double) -> String { Money(major: major).formattedWithCents(currency: currency) }
        return StorePolicies(answers: [
            .shipping: "Standard delivery is free on orders over \(money(50)) and \(money(4.99)) below that. We deliver across the US, Canada, the UK and the EU.",
            .deliveryTime: "Standard delivery takes 3–5 working days; express (\(money(9.99))) arrives in 1–2 working days. Orders placed before 2 pm on a working day leave the same day.",
            .returns: "You can return anything within 30 days of delivery, unused and in its packaging, for a full refund; faulty items any time under warranty. Refunds reach your account 5–7 days after we receive the item.",
            .payment: "We take Visa, Mastercard, American Express, PayPal, Apple Pay and Google Pay, and Klarna for paying in three instalments.",
            .hours: "The online shop is open around the clock. Our customer care team answers Monday to Friday, 9 am to 6 pm, and Saturday 10 am to 4 pm.",
            .warranty: "Electronics come with a 2-year warranty, everything else with 1 year. Keep your order number: it is your proof of purchase.",
            .priceMatch: "We match a lower price from a major retailer on the same item in stock, within 14 days of your purchase.",
            .collection: "Click and collect is free: pick your order up from a partner store, usually the next working day.",
        ])
    }

    /// The words that point to each topic, most specific first.
    static let cues: [(Topic, [String])] = [
        (.priceMatch, ["price match", "match the price", "match a price", "cheaper elsewhere", "cheaper somewhere"]),
        (.collection, ["click and collect", "collect", "pick up", "pickup", "pick it up"]),
        (.warranty, ["warranty", "guarantee"]),
        (.returns, ["return", "refund", "exchange", "send back", "send it back", "money back"]),
        (.payment, ["pay ", "pay?", "paying", "payment", "paypal", "klarna", "apple pay", "google pay", "credit card", "debit card", "instalment", "installment", "visa", "mastercard", "amex", "cash"]),
        (.hours, ["open", "opening", "hours", "close", "closing", "weekend", "sunday", "saturday"]),
        (.deliveryTime, ["how long", "how many days", "how fast", "how quickly", "next day", "next-day", "express", "when will it arrive", "delivery time", "same day"]),
        (.shipping, ["ship", "shipping", "deliver", "delivery", "postage", "courier", "international", "abroad", "overseas"]),
    ]

    /// The topics a message asks about, in the order of `Topic`.
    public static func topics(of text: String) -> [Topic] {
        let lowered = " " + text.lowercased() + " "
        let found = Set(cues.filter { _, words in words.contains { lowered.contains($0) } }.map(\.0))
        return Topic.allCases.filter(found.contains)
    }
}

/// Shipping, delivery times, returns, payment, opening hours, warranty: the store's own terms, each
/// part of a question answered.
public struct StorePolicyHandler: ChatHandler {
    public init() {}

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let policies = StorePolicies.standard(currency: turn.context.store.currency)
        let topics = StorePolicies.topics(of: turn.text)
        let text: String
        if topics.isEmpty {
            text = [StorePolicies.Topic.shipping, .returns, .payment].compactMap { policies.answers[$0] }.joined(separator: " ")
                + " Ask me about delivery times, warranty or opening hours too."
        } else {
            text = topics.compactMap { policies.answers[$0] }.joined(separator: " ")
        }
        return Reply(
            text: text, intent: Intent(name: Intent.Name.storePolicy, confidence: turn.intent.confidence),
            suggestions: ["How long does delivery take?", "What's your return policy?", "Where's my order?"]
        )
    }
}
