import Foundation
import Logging
import ShopTalkCore

/// What the shop's people do with handoffs, for the REST routes and the WebSocket frames alike: claim,
/// say, type, end, ask the assistant for a suggestion; and what happens to a handoff nobody claims.
struct HandoffService: Sendable {
    let rows: any HandoffRows
    let relay: HandoffRelay
    let tickets: any TicketStore
    let alertCenter: AlertCenter
    let engine: ChatEngine
    let conversations: any ConversationStore
    let clock: ShopClock
    let logger: Logger

    /// Someone signed in to a store with an owner or staff token.
    struct Member: Sendable {
        let store: Store
        let role: String
        let name: String

        /// The name the shopper sees: the token's first word, or "our team".
        var agent: String {
            let first = name.split(separator: " ").first.map(String.init) ?? ""
            return first.isEmpty ? "our team" : String(first.prefix(40))
        }
    }

    func open(storeID: Int64) async throws -> [Handoff] {
        try await rows.list(storeID: storeID, statuses: [.queued, .live, .awaitingEmail], limit: 200)
    }

    func detail(_ id: Int64, storeID: Int64) async throws -> (Handoff, [TranscriptLine], [HandoffMessage]) {
        guard let handoff = try await rows.handoff(id: id, storeID: storeID) else { throw Self.notFound(id) }
        let transcript = try await rows.transcript(sessionID: handoff.sessionID, storeID: storeID, limit: 40)
        return (handoff, transcript, try await rows.messages(handoffID: id, storeID: storeID))
    }

    func claim(_ id: Int64, by member: Member) async throws -> Handoff {
        let now = clock.now()
        guard let handoff = try await rows.claim(handoffID: id, storeID: member.store.id, agent: member.agent, at: now) else {
            throw try await conflict(id, storeID: member.store.id, doing: "claim")
        }
        await relay.toShopper(sessionID: handoff.sessionID, storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffStatusFrame(
            handoff: handoff.id, status: .live, agent: handoff.agent, ticket: nil, text: HandoffStatusFrame.text(for: handoff)
        )))
        await relay.toStaff(storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffQueueFrame(event: "claimed", handoff: handoff)))
        return handoff
    }

    func say(_ id: Int64, text: String, key: String?, by member: Member) async throws -> (HandoffMessage, repeated: Bool) {
        guard let handoff = try await rows.handoff(id: id, storeID: member.store.id) else { throw Self.notFound(id) }
        guard let (message, repeated) = try await rows.say(
            handoffID: id, storeID: member.store.id, agent: handoff.agent ?? member.agent, text: text, key: key, at: clock.now()
        ) else {
            throw ChatError(.conflict, "Handoff \(id) is \(handoff.status.rawValue.replacingOccurrences(of: "_", with: " ")); claim it before writing to the shopper.")
        }
        if !repeated {
            await relay.toShopper(sessionID: handoff.sessionID, storeID: handoff.storeID, frame: FrameCoder.encodeToString(AgentMessageFrame(
                handoff: id, id: "m\(message.id)", agent: message.name ?? member.agent, text: message.text, at: message.at
            )))
            await relay.toStaff(storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffLineFrame(
                handoff: id, sender: "staff", name: message.name, text: message.text, at: message.at
            )))
        }
        return (message, repeated)
    }

    func typing(_ id: Int64, by member: Member) async throws {
        guard let handoff = try await rows.handoff(id: id, storeID: member.store.id) else { throw Self.notFound(id) }
        guard handoff.status == .live else { return }
        await relay.toShopper(sessionID: handoff.sessionID, storeID: handoff.storeID,
                              frame: FrameCoder.encodeToString(TypingFrame(who: "agent", handoff: id, agent: handoff.agent ?? member.agent)))
    }

    /// The shopper of `sessionID` is typing: the store's people hear of it while a handoff is open.
    func shopperTyping(sessionID: String, handoffID: Int64, storeID: Int64) async {
        await relay.toStaff(storeID: storeID, frame: FrameCoder.encodeToString(TypingFrame(who: "shopper", handoff: handoffID)))
    }

    func end(_ id: Int64, by member: Member) async throws -> Handoff {
        guard let handoff = try await rows.end(handoffID: id, storeID: member.store.id, at: clock.now()) else {
            throw try await conflict(id, storeID: member.store.id, doing: "end")
        }
        var said = handoff
        said.agent = handoff.agent ?? member.agent
        await relay.toShopper(sessionID: handoff.sessionID, storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffStatusFrame(
            handoff: id, status: .closed, agent: said.agent, ticket: handoff.ticket, text: HandoffStatusFrame.text(for: said)
        )))
        await relay.toStaff(storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffQueueFrame(event: "closed", handoff: handoff)))
        return handoff
    }

    /// Intents whose answers only read the catalog, the policies or small talk: the assistant may draft
    /// those for a person. Anything that would act (a ticket, an order change, points) is not drafted.
    static let draftable: Set<String> = [
        Intent.Name.findProducts, Intent.Name.productDetails, Intent.Name.productRecommendation, Intent.Name.priceInquiry,
        Intent.Name.checkStock, Intent.Name.findDiscounts, Intent.Name.storePolicy, Intent.Name.giftIdeas,
        Intent.Name.greeting, Intent.Name.thanks, Intent.Name.goodbye, Intent.Name.help,
    ]

    /// What the assistant would answer to the shopper's last words, for the person to edit and send.
    func suggest(_ id: Int64, by member: Member) async throws -> String {
        let (handoff, _, messages) = try await detail(id, storeID: member.store.id)
        guard let last = messages.last(where: { $0.sender == "shopper" }) else {
            return "Hi, I'm \(member.agent) from \(member.store.name). How can I help?"
        }
        let understanding = try await engine.understand(last.text, store: member.store)
        guard Self.draftable.contains(understanding.intent.name) else {
            let order = handoff.orderNumber.map { " about order \($0)" } ?? ""
            return "Thanks for waiting. I'm looking into this\(order) for you now; could you confirm the email address on the order?"
        }
        var state = ConversationState()
        if let record = try await conversations.session(id: handoff.sessionID, storeID: member.store.id),
           let stored = try? JSONDecoder().decode(ConversationState.self, from: Data(record.state.utf8)) {
            state = stored
        }
        // A copy, with no handoff, so that the draft neither writes to the handoff nor opens one.
        state.handoffID = nil
        var context = ChatContext(store: member.store, role: .customer, sessionID: handoff.sessionID)
        context.onDelta = nil
        return try await engine.respond(to: last.text, state: &state, context: context).text
    }

    /// Gives up on the handoffs nobody claimed in time: each gets a ticket, the shopper is told and asked
    /// for an email, and the owner is alerted. On several instances each is given up exactly once.
    func giveUpOverdue() async {
        let now = clock.now()
        do {
            for late in try await rows.overdue(now: now) {
                // The move out of the queue has one winner, which alone makes the ticket.
                guard var handoff = try await rows.giveUp(handoffID: late.id, storeID: late.storeID, at: now) else { continue }
                let ticket = try await tickets.createTicket(
                    storeID: late.storeID, sessionID: late.sessionID, text: late.summary, category: "handoff", orderNumber: late.orderNumber, at: now
                )
                try await rows.attachTicket(handoffID: handoff.id, storeID: handoff.storeID, ticket: ticket.reference)
                handoff.ticket = ticket.reference
                var text = HandoffStatusFrame.text(for: handoff)
                if let email = handoff.email {
                    text = "Nobody from our team could join in time, so I've made ticket \(ticket.reference) with this conversation; they'll write to \(email)."
                }
                await relay.toShopper(sessionID: handoff.sessionID, storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffStatusFrame(
                    handoff: handoff.id, status: handoff.status, agent: nil, ticket: ticket.reference, text: text
                )))
                await relay.toStaff(storeID: handoff.storeID, frame: FrameCoder.encodeToString(HandoffQueueFrame(event: "awaiting_email", handoff: handoff)))
                await alertCenter.record(kind: "ticket", subject: ticket.reference,
                                         message: "Nobody claimed a live chat in time; it is ticket \(ticket.reference): \(late.summary.prefix(120))",
                                         data: ticket, storeID: handoff.storeID)
            }
        } catch {
            logger.error("Could not give up overdue handoffs", metadata: ["error": "\(error)"])
        }
    }

    static func notFound(_ id: Int64) -> ChatError {
        ChatError(.notFound, "There is no handoff \(id) in this store.")
    }

    private func conflict(_ id: Int64, storeID: Int64, doing action: String) async throws -> ChatError {
        guard let handoff = try await rows.handoff(id: id, storeID: storeID) else { return Self.notFound(id) }
        let who = handoff.agent.map { " by \($0)" } ?? ""
        return ChatError(.conflict, "Can't \(action) handoff \(id): it is \(handoff.status == .live ? "already claimed\(who)" : handoff.status.rawValue.replacingOccurrences(of: "_", with: " ")).")
    }
}
