/// Returns and refunds: the return terms, and a return request recorded for the order in question,
/// whether it was named now or looked up earlier in the conversation.
public struct ReturnRefundHandler: ChatHandler {
    let tickets: any TicketStore
    let clock: ShopClock

    public init(tickets: any TicketStore, clock: ShopClock) {
        self.tickets = tickets
        self.clock = clock
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let terms = StorePolicies.standard(currency: turn.context.store.currency).answers[.returns] ?? ""
        let intent = Intent(name: Intent.Name.returnRefund, confidence: turn.intent.confidence)
        let orderNumber = turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? state.lastOrderNumber
        guard let orderNumber else {
            state.pending = .orderNumber(for: Intent.Name.returnRefund)
            return Reply(
                text: "\(terms) Tell me the order number (it looks like ORD-20250105-0001) and I'll open a return request for you.",
                intent: intent, suggestions: ["I don't have the order number", "What's your return policy?"]
            )
        }
        state.pending = nil
        let ticket = try await tickets.createTicket(
            storeID: turn.context.store.id, sessionID: turn.context.sessionID, text: turn.text,
            category: "return", orderNumber: orderNumber, at: clock.now()
        )
        return Reply(
            text: "I've opened return request \(ticket.reference) for order \(orderNumber). We'll email you a prepaid return label within one working day. \(terms)",
            intent: intent, suggestions: ["Where's my order?", "Thanks"], ticket: ticket
        )
    }
}

/// A request for a person: recorded as a ticket with the shopper's words so that someone from the shop
/// picks the conversation up, with what the assistant can still do meanwhile.
public struct HumanHandoffHandler: ChatHandler {
    let tickets: any TicketStore
    let clock: ShopClock

    public init(tickets: any TicketStore, clock: ShopClock) {
        self.tickets = tickets
        self.clock = clock
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        let ticket = try await tickets.createTicket(
            storeID: turn.context.store.id, sessionID: turn.context.sessionID, text: turn.text,
            category: "handoff", orderNumber: turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? state.lastOrderNumber,
            at: clock.now()
        )
        let hours = StorePolicies.standard(currency: turn.context.store.currency).answers[.hours] ?? ""
        return Reply(
            text: "Of course. I've asked a person from our team to take over (request \(ticket.reference)); they'll pick up this conversation as soon as they can. \(hours) Meanwhile I can check an order, a return or a product for you.",
            intent: Intent(name: Intent.Name.humanHandoff, confidence: turn.intent.confidence),
            suggestions: ["Where's my order?", "I want to return something"], ticket: ticket
        )
    }
}
