import Foundation

/// Brings a person into a conversation and keeps the assistant quiet while one is there: the pipeline
/// asks it before routing a message (`continueWith`) and after the handler answered (`afterHandler`).
public struct HandoffFlow: Sendable {
    let desk: any HandoffDesk
    let tickets: any TicketStore
    let clock: ShopClock

    public init(desk: any HandoffDesk, tickets: any TicketStore, clock: ShopClock) {
        self.desk = desk
        self.tickets = tickets
        self.clock = clock
    }

    /// The answer to a message while the session has a handoff open, or nil when the assistant should
    /// answer it as usual (there is none any more, or the shopper moved on from the email question).
    public func continueWith(_ turn: Turn, state: inout ConversationState) async throws -> Reply? {
        guard let id = state.handoffID else { return nil }
        let storeID = turn.context.store.id
        guard let handoff = try await desk.active(sessionID: turn.context.sessionID, storeID: storeID), handoff.id == id else {
            state.handoffID = nil
            return nil
        }
        let now = clock.now()
        switch handoff.status {
        case .queued, .live:
            if handoff.status == .queued, HandoffTriggers.withdraws(turn.text), let closed = try await desk.close(handoffID: id, storeID: storeID, at: now) {
                state.handoffID = nil
                return reply(turn, "All right, I've told the team you don't need them after all. I'm here: what can I do for you?",
                             card: HandoffCard(closed, event: "closed"), suggestions: SmallTalkHandler.starters)
            }
            try await desk.note(handoffID: id, storeID: storeID, text: turn.text, at: now)
            // The assistant says nothing: the shopper's words go to the person (see the server's relay).
            return reply(turn, "", card: HandoffCard(handoff, event: "message"), suggestions: [])
        case .awaitingEmail:
            let reference = handoff.ticket ?? "your ticket"
            if let email = turn.entity(Entity.Kind.email)?.value.stringValue,
               let done = try await desk.leaveEmail(handoffID: id, storeID: storeID, email: email, at: now) {
                state.handoffID = nil
                return reply(turn, "Thank you. The team will reply to \(email) about \(reference) within one working day.",
                             card: HandoffCard(done, event: "email"), suggestions: ["Where's my order?", "Thanks"])
            }
            let closed = try await desk.close(handoffID: id, storeID: storeID, at: now)
            state.handoffID = nil
            if HandoffTriggers.declines(turn.text), let closed {
                return reply(turn, "No problem. \(reference) stays open, and you can ask me about it any time. What else can I do?",
                             card: HandoffCard(closed, event: "closed"), suggestions: SmallTalkHandler.starters)
            }
            return nil
        case .closed:
            state.handoffID = nil
            return nil
        }
    }

    /// After the handler answered: counts misunderstood messages, and brings in a person when a trigger
    /// fires (and none is there yet).
    public func afterHandler(_ reply: inout Reply, turn: Turn, state: inout ConversationState) async throws {
        state.misunderstood = reply.intent.name == Intent.Name.outOfScope ? state.misunderstood + 1 : 0
        guard reply.handoff == nil, state.handoffID == nil else { return }
        // The settings are cached by the desk, so a turn that brings nobody in reads no database.
        let settings = try await desk.settings(storeID: turn.context.store.id)
        guard let reason = HandoffTriggers.reason(text: turn.text, reply: reply, misunderstood: state.misunderstood, settings: settings) else { return }
        let (text, card, ticket) = try await open(reason: reason, turn: turn, state: &state, settings: settings, ticket: reply.ticket)
        switch reason {
        case .asked: reply.text = text
        case .misunderstood, .lowConfidence: reply.text = "I'm not getting this right, sorry. " + text
        case .frustrated: reply.text = reply.intent.name == Intent.Name.outOfScope ? "I'm sorry this has been frustrating. " + text : reply.text + " " + text
        case .complaint: reply.text += " " + text
        }
        reply.handoff = card
        reply.ticket = reply.ticket ?? ticket
        reply.suggestions = Self.suggestions(card)
        state.misunderstood = 0
    }

    /// While waiting for a person the shopper may withdraw; otherwise the handoff's reply offers nothing.
    static func suggestions(_ card: HandoffCard) -> [String] {
        card.status == .queued ? ["Never mind"] : []
    }

    /// Opens a handoff for `reason`: to the queue in working hours, else to a ticket (`ticket`, when the
    /// turn already made one) with the email asked for.
    public func open(
        reason: HandoffTriggers.Reason, turn: Turn, state: inout ConversationState, settings: HandoffSettings? = nil, ticket existing: Ticket? = nil
    ) async throws -> (text: String, card: HandoffCard, ticket: Ticket?) {
        let storeID = turn.context.store.id
        let settings = try await settings.asyncOr { try await desk.settings(storeID: storeID) }
        let now = clock.now()
        let orderNumber = turn.entity(Entity.Kind.orderNumber)?.value.stringValue ?? state.lastOrderNumber
        let email = turn.entity(Entity.Kind.email)?.value.stringValue ?? state.pointsEmail
        let entities = (try? String(decoding: JSONEncoder().encode(turn.entities), as: UTF8.self)) ?? "[]"
        var handoff = Handoff(
            id: 0, storeID: storeID, sessionID: turn.context.sessionID, status: .queued, reason: reason.rawValue, email: email,
            orderNumber: orderNumber, summary: String(turn.text.prefix(500)), entities: entities, createdAt: now
        )
        if settings.isOpen(at: now) {
            handoff = try await desk.open(handoff)
            state.handoffID = handoff.id
            let text = "I'm bringing in a person from our team; they'll join this chat shortly, and anything you type meanwhile goes to them. "
                + "If nobody is free within \(settings.claimMinutes) minutes, I'll make a ticket so that they get back to you."
            return (text, HandoffCard(handoff, event: "opened"), nil)
        }
        let ticket = try await existing.asyncOr {
            try await tickets.createTicket(
                storeID: storeID, sessionID: turn.context.sessionID, text: String(turn.text.prefix(500)), category: "handoff", orderNumber: orderNumber, at: now
            )
        }
        handoff.ticket = ticket.reference
        handoff.status = email == nil ? .awaitingEmail : .closed
        if email != nil { handoff.closedAt = now }
        handoff = try await desk.open(handoff)
        state.handoffID = handoff.status == .closed ? nil : handoff.id
        var text = "Our team isn't at work right now (they're here \(settings.hoursText)), so nobody can join this chat. "
            + "I've made ticket \(ticket.reference) with this conversation"
        text += email.map { "; they'll write to \($0)." } ?? ". What email address should they reply to?"
        return (text, HandoffCard(handoff, event: "opened"), ticket)
    }

    private func reply(_ turn: Turn, _ text: String, card: HandoffCard, suggestions: [String]) -> Reply {
        var reply = Reply(text: text, intent: Intent(name: Intent.Name.humanHandoff, confidence: 1), suggestions: suggestions)
        reply.handoff = card
        return reply
    }
}

extension Optional where Wrapped: Sendable {
    /// The value, or what `make` makes when there is none.
    func asyncOr(_ make: () async throws -> Wrapped) async throws -> Wrapped {
        if let value = self { return value }
        return try await make()
    }
}
