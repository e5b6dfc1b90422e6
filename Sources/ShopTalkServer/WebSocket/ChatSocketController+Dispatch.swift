import Foundation
import HummingbirdWebSocket
import Logging
import ShopTalkCore

extension ChatSocketController {
    /// Answers one well-formed frame.
    func dispatch(
        _ frame: ClientFrame, session: ChatSession, address: String?, access: ConnectionAccess,
        outbound: ClientWriter, inFlight: InFlight, logger: Logger, signedIn: (String, HandoffService.Member) -> Void
    ) async throws {
        switch frame {
        case .message(let id, let text):
            // A revoke is honoured at once for messages, even before the watcher notices it.
            if let token = access.token, try await !chat.tokens.isActive(token) {
                try await downgrade(access, outbound: outbound)
            }
            let role = access.role
            let onDelta: @Sendable (String) async -> Void = { delta in
                try? await send(DeltaFrame(replyTo: id, text: delta), outbound)
            }
            // If the client goes away while this message is being answered (a slow model, say), the work is
            // cancelled: the task is awaited right here, and the reader cancels it when the client leaves.
            let answering = Task {
                await chat.answer(text, clientID: id, session: session, clientAddress: address, role: role, onDelta: onDelta, logger: logger)
            }
            inFlight.track(answering)
            let answer = await withTaskCancellationHandler { await answering.value } onCancel: { answering.cancel() }
            inFlight.track(nil)
            if answering.isCancelled { return }
            switch answer {
            case .success(let (json, _)):
                try await outbound.write(json)
            case .failure(let error):
                try await send(ErrorFrame(replyTo: id, error: error), outbound)
            }
        case .ping:
            try await outbound.write(SimpleFrame.pong)
        case .reset:
            do {
                try await session.reset(writer: chat.writer, now: chat.clock.now())
                try await outbound.write(SimpleFrame.resetOK)
            } catch {
                logger.error("Reset failed", metadata: ["error": "\(error)"])
                try await send(ErrorFrame(replyTo: nil, error: ChatError(.internal, "Could not reset the conversation. Please try again.")), outbound)
            }
        case .resume(let after):
            try await replay(after: after, session: session, address: address, asOwner: access.isOwner, outbound: outbound)
        case .auth(let token):
            let member = try await chat.tokens.member(token, now: chat.clock.now())
            guard let member, member.store.id == session.store.id else {
                chat.metrics.recordError(.unauthorized)
                try await send(ErrorFrame(replyTo: nil, error: ChatError(.unauthorized, "That owner token is not valid for this store. You are still chatting as a customer.")), outbound)
                return
            }
            if member.role == "owner" {
                try await session.recordOwnerSignIn(writer: chat.writer, now: chat.clock.now())
            }
            if access.isSignedIn, let subscription = access.signOut() {
                chat.alerts.unsubscribe(subscription)
            }
            // Subscribe to the store's alerts before saying so, so that no alert falls in between.
            signedIn(token, HandoffService.Member(store: session.store, role: member.role, name: member.name))
            try await send(AuthOKFrame(role: member.role, store: member.store.slug), outbound)
        case .typing:
            // No answer: a typing frame is a hint. Relayed to the store's people while a handoff is open.
            guard let handoffs = chat.handoffs, let id = await session.state.handoffID, access.mayRelayTyping() else { return }
            await handoffs.shopperTyping(sessionID: session.id, handoffID: id, storeID: session.store.id)
        case .handoff(let action, let id, let text, let key):
            try await handoff(action, id: id, text: text, key: key, access: access, outbound: outbound)
        }
    }

    /// A staff member's (or the owner's) action on a handoff, over the socket: the same as the REST routes.
    private func handoff(_ action: String, id: Int64, text: String?, key: String?, access: ConnectionAccess, outbound: ClientWriter) async throws {
        guard let handoffs = chat.handoffs, let member = access.member else {
            chat.metrics.recordError(.unauthorized)
            try await send(ErrorFrame(replyTo: key, error: ChatError(.unauthorized, "Handoff frames need an owner or staff token: send an auth frame first.")), outbound)
            return
        }
        if let token = access.token, try await !chat.tokens.isActive(token) {
            try await downgrade(access, outbound: outbound)
            return
        }
        do {
            switch action {
            case "claim":
                try await send(HandoffOKFrame(action: action, replyTo: key, handoff: try await handoffs.claim(id, by: member)), outbound)
            case "say":
                let (message, repeated) = try await handoffs.say(id, text: text ?? "", key: key, by: member)
                try await send(HandoffOKFrame(action: action, replyTo: key, message: message, repeated: repeated), outbound)
            case "typing":
                try await handoffs.typing(id, by: member)
            case "end":
                try await send(HandoffOKFrame(action: action, replyTo: key, handoff: try await handoffs.end(id, by: member)), outbound)
            default:
                try await send(HandoffOKFrame(action: action, replyTo: key, text: try await handoffs.suggest(id, by: member)), outbound)
            }
        } catch let error as ChatError {
            chat.metrics.recordError(error.code)
            try await send(ErrorFrame(replyTo: key, error: error), outbound)
        }
    }

    /// Replays the stored replies after `after` (all of them when nil), then `resume_ok`.
    ///
    /// A resume costs the session and the address a token per 10 replies it sends (at least one), so that
    /// resume frames cannot multiply into gigabytes of replay. An owner's answer is replayed only to a
    /// connection signed in as the owner; anyone else holding the session token gets a placeholder.
    func replay(after: String?, session: ChatSession, address: String?, asOwner: Bool, outbound: ClientWriter) async throws {
        await session.refreshFromShared()
        let lastSeq = await session.lastSeq
        var seq = 0
        if let after {
            guard let parsed = ChatSession.seq(ofReplyID: after), parsed >= 0, parsed <= lastSeq else {
                chat.metrics.recordError(.notFound)
                try await send(ErrorFrame(replyTo: nil, error: ChatError(.notFound, "No reply \"\(after.prefix(40))\" in this conversation; send the id of a reply you received, or omit \"after\" to replay them all.")), outbound)
                return
            }
            seq = parsed
        }
        let cost = 1 + Double(min(lastSeq - seq, SessionManager.replayLimit)) / 10
        guard await session.take(cost: cost, now: chat.clock.now()), chat.addressLimiter.take(address, cost: cost, now: chat.clock.now()) else {
            chat.metrics.recordError(.rateLimited)
            try await send(ErrorFrame(replyTo: nil, error: ChatError(.rateLimited, "Too many resume requests; wait a moment before asking for the conversation again.")), outbound)
            return
        }
        let stored = try await chat.sessions.replies(of: session, after: seq)
        for reply in stored {
            if reply.role == ChatContext.Role.owner.rawValue && !asOwner {
                try await send(ReplyFrame(id: reply.replyID, replyTo: reply.clientMessageID, reply: Self.ownerOnly), outbound)
            } else {
                try await outbound.write(reply.frame)
            }
        }
        try await send(ResumeOKFrame(replayed: stored.count, lastReplyId: await session.lastReplyID), outbound)
    }

    /// Stands in, on replay, for an answer that only the shop's owner may see.
    static let ownerOnly = Reply(
        text: "This answer was for the shop's owner. Sign in as the owner to see it again.",
        intent: Intent(name: Intent.Name.businessQuery, confidence: 1)
    )
}
