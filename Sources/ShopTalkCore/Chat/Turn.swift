/// One understood message: what the handlers receive.
public struct Turn: Sendable {
    public var text: String
    public var tokens: [Token]
    public var intent: Intent
    public var entities: [Entity]
    public var context: ChatContext
    /// Products of the last list (or the focus) the message refers to, in the order meant.
    public var referenced: [Int64]

    public init(text: String, tokens: [Token], intent: Intent, entities: [Entity], context: ChatContext, referenced: [Int64] = []) {
        self.text = text
        self.tokens = tokens
        self.intent = intent
        self.entities = entities
        self.context = context
        self.referenced = referenced
    }

    /// The first entity of `type`, if any.
    public func entity(_ type: String) -> Entity? {
        entities.first { $0.type == type }
    }

    /// Whether the message contains `word` as a whole token.
    public func has(_ word: String) -> Bool {
        tokens.contains { $0.text == word }
    }
}

/// Answers the turns of one or more intents. One handler per job: catalog, discounts, orders, …
public protocol ChatHandler: Sendable {
    func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply
}
