/// What the pipeline answers to one message. The server wraps it in a `reply` frame.
public struct Reply: Sendable, Hashable, Codable {
    public var text: String
    public var intent: Intent
    public var entities: [Entity]
    public var suggestions: [String]
    public var products: [ProductCard]?
    public var order: OrderCard?
    public var discounts: [DiscountCard]?
    public var ticket: Ticket?
    public var result: AnalyticsResult?
    /// Set when the conversation is with, or on its way to, a person.
    public var handoff: HandoffCard?

    public init(
        text: String, intent: Intent, entities: [Entity] = [], suggestions: [String] = [],
        products: [ProductCard]? = nil, order: OrderCard? = nil, discounts: [DiscountCard]? = nil, ticket: Ticket? = nil,
        result: AnalyticsResult? = nil
    ) {
        self.result = result
        self.discounts = discounts
        self.ticket = ticket
        self.text = text
        self.intent = intent
        self.entities = entities
        self.suggestions = suggestions
        self.products = products
        self.order = order
    }
}
