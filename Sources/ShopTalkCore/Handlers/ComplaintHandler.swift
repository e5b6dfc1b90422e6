/// Complaints: records a ticket with a category guess and the order number if one was mentioned, and
/// replies with the reference and what happens next.
public struct ComplaintHandler: ChatHandler {
    let tickets: any TicketStore
    let clock: ShopClock

    public init(tickets: any TicketStore, clock: ShopClock) {
        self.tickets = tickets
        self.clock = clock
    }

    static let categories: [(String, [String])] = [
        ("damaged", ["damaged", "broken", "cracked", "crushed", "smashed", "scratched", "dented", "faulty", "defective", "stopped", "dead", "ripped", "torn", "fell", "shrank", "crashing", "overheats"]),
        ("wrong_item", ["wrong", "incorrect", "someone", "else's", "different", "missing", "empty", "nothing like", "doesn't match"]),
        ("late", ["late", "delayed", "hasn't arrived", "never arrived", "not arrived", "still waiting", "no delivery", "weeks", "tracking"]),
        ("billing", ["charged", "overcharged", "refund", "billed", "payment", "twice", "money back", "price", "discount wasn't"]),
        ("service", ["rude", "service", "nobody", "no one", "ignored", "support", "courier", "driver", "emails"]),
    ]

    /// The most likely kind of problem, from the words used.
    static func category(of text: String) -> String {
        let lowered = text.lowercased()
        var best = ("other", 0)
        for (category, cues) in categories {
            let hits = cues.filter { lowered.contains($0) }.count
            if hits > best.1 { best = (category, hits) }
        }
        return best.0
    }

    public func handle(_ turn: Turn, state: inout ConversationState) async throws -> Reply {
        // An order looked up earlier in the conversation is the one complained about, unless another is named.
        let orderNumber = turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? state.lastOrderNumber
        let category = Self.category(of: turn.text)
        let ticket = try await tickets.createTicket(
            storeID: turn.context.store.id, sessionID: turn.context.sessionID, text: turn.text,
            category: category, orderNumber: orderNumber, at: clock.now()
        )
        let next: String
        switch category {
        case "damaged": next = "Our team will arrange a replacement or refund; please keep the item and its packaging."
        case "wrong_item": next = "Our team will send the right item and arrange collection of the wrong one."
        case "late": next = "Our team will chase the courier and update you."
        case "billing": next = "Our billing team will check the payment and correct anything wrong."
        default: next = "Our customer care team will look into it."
        }
        var text = "I'm sorry about that. I've recorded it as ticket \(ticket.reference)"
        if let orderNumber { text += " for order \(orderNumber)" }
        text += ". \(next) You'll hear from us within one working day."
        return Reply(
            text: text, intent: Intent(name: Intent.Name.complaint, confidence: turn.intent.confidence),
            suggestions: orderNumber == nil ? ["Where's my order?", "Thanks"] : ["Check the order status", "Thanks"], ticket: ticket
        )
    }
}
