/// Returns and refunds: the return terms, and a return request recorded for the order in question,
/// whether it was named now or looked up earlier in the conversation.
public struct ReturnRefundHandler: ChatHandler {
    let tickets: any TicketStore
    let clock: ShopClock
    let book: PolicyBook?

    public init(tickets: any TicketStore, clock: ShopClock, book: PolicyBook? = nil) {
        self.tickets = tickets
        self.clock = clock
        self.book = book
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        // The store's own return terms, when its policies state them.
        let terms = await book?.passage("returns policy", storeID: turn.context.store.id) ?? ""
        let intent = Intent(name: Intent.Name.returnRefund, confidence: turn.intent.confidence)
        let orderNumber = turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? state.lastOrderNumber
        guard let orderNumber else {
            state.pending = .orderNumber(for: Intent.Name.returnRefund)
            return Reply(
                text: Self.sentences(terms, "Tell me the order number (it looks like ORD-20250105-0001) and I'll open a return request for you."),
                intent: intent, suggestions: ["I don't have the order number", "What's your return policy?"]
            )
        }
        state.pending = nil
        let ticket = try await tickets.createTicket(
            storeID: turn.context.store.id, sessionID: turn.context.sessionID, text: turn.text,
            category: "return", orderNumber: orderNumber, at: clock.now()
        )
        return Reply(
            text: Self.sentences("I've opened return request \(ticket.reference) for order \(orderNumber). We'll email you a prepaid return label within one working day.", terms),
            intent: intent, suggestions: ["Where's my order?", "Thanks"], ticket: ticket
        )
    }

    /// `parts` joined by spaces, leaving out the empty ones (a store without policy text).
    static func sentences(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A request for a person: recorded as a ticket with the shopper's words so that someone from the shop
/// picks the conversation up, with what the assistant can still do meanwhile.
public struct HumanHandoffHandler: ChatHandler {
    let tickets: any TicketStore
    let clock: ShopClock
    let book: PolicyBook?
    /// The live handoff, where the shop keeps them; without it the request is a ticket.
    let flow: HandoffFlow?

    public init(tickets: any TicketStore, clock: ShopClock, book: PolicyBook? = nil, handoffs: (any HandoffDesk)? = nil) {
        self.tickets = tickets
        self.clock = clock
        self.book = book
        self.flow = handoffs.map { HandoffFlow(desk: $0, tickets: tickets, clock: clock) }
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        if let flow, turn.context.role == .customer {
            let (text, card, ticket) = try await flow.open(reason: .asked, turn: turn, state: &state)
            var reply = Reply(
                text: text, intent: Intent(name: Intent.Name.humanHandoff, confidence: turn.intent.confidence),
                suggestions: HandoffFlow.suggestions(card), ticket: ticket
            )
            reply.handoff = card
            return reply
        }
        let ticket = try await tickets.createTicket(
            storeID: turn.context.store.id, sessionID: turn.context.sessionID, text: turn.text,
            category: "handoff", orderNumber: turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? state.lastOrderNumber,
            at: clock.now()
        )
        let hours = await book?.passage("opening hours", storeID: turn.context.store.id) ?? ""
        return Reply(
            text: ReturnRefundHandler.sentences("Of course. I've asked a person from our team to take over (request \(ticket.reference)); they'll pick up this conversation as soon as they can.", hours, "Meanwhile I can check an order, a return or a product for you."),
            intent: Intent(name: Intent.Name.humanHandoff, confidence: turn.intent.confidence),
            suggestions: ["Where's my order?", "I want to return something"], ticket: ticket
        )
    }
}
