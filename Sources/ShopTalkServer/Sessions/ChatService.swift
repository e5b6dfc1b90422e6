import Foundation
import Logging
import ShopTalkCore

/// What the WebSocket and REST edges share: opening sessions and answering messages through the
/// pipeline, with metrics and with every failure turned into a `ChatError`.
struct ChatService: Sendable {
    let sessions: SessionManager
    let stores: StoreDirectory
    let engine: ChatEngine
    let writer: TurnWriter
    let clock: ShopClock
    let metrics: ShopMetrics
    let tokens: OwnerTokens
    let alerts: AlertHub
    let alertCenter: AlertCenter
    let addressLimiter: AddressRateLimiter
    /// The client's address behind a trusted proxy.
    let addresses: ClientAddressResolver
    /// The live handoff to the shop's people.
    let handoffs: HandoffService?

    /// Answers `text`; the result is the reply frame's JSON and the reply, or the error to report.
    func answer(
        _ text: String, clientID: String?, session: ChatSession, clientAddress: String?, role: ChatContext.Role = .customer,
        onDelta: (@Sendable (String) async -> Void)? = nil, logger: Logger
    ) async -> Result<(String, Reply), ChatError> {
        let started = ContinuousClock.now
        guard addressLimiter.take(clientAddress, now: clock.now()) else {
            metrics.recordError(.rateLimited)
            return .failure(ChatError(.rateLimited, "Too many messages from your network address; wait a moment and try again."))
        }
        do {
            let (frame, reply) = try await session.respond(
                to: text, clientID: clientID, clientAddress: clientAddress, role: role, engine: engine, writer: writer, now: clock.now(),
                onDelta: onDelta
            )
            let elapsed = ContinuousClock.now - started
            if let ticket = reply.ticket {
                let message = "New ticket \(ticket.reference) (\(ticket.category))" + (ticket.orderNumber.map { " for order \($0)" } ?? "") + ": \(ticket.text.prefix(140))"
                await alertCenter.record(kind: "ticket", subject: ticket.reference, message: message, data: ticket, storeID: session.store.id)
            }
            if let card = reply.handoff, let handoffs {
                await handoffs.relay.announce(card, text: text, storeID: session.store.id, at: clock.now())
            }
            metrics.recordMessage(
                intent: reply.intent.name,
                nanoseconds: elapsed.inNanoseconds
            )
            return .success((frame, reply))
        } catch let error as ChatError {
            metrics.recordError(error.code)
            return .failure(error)
        } catch let busy as SessionBusy {
            // Another instance held this conversation longer than the lock wait.
            metrics.recordError(.unavailable)
            return .failure(ChatError(.unavailable, busy.description))
        } catch let refusal as ChatRefusal {
            metrics.recordError(.rateLimited)
            return .failure(ChatError(.rateLimited, refusal.message))
        } catch {
            logger.error("Message handling failed", metadata: ["error": "\(error)", "session.store": "\(session.store.slug)"])
            metrics.recordError(.internal)
            return .failure(ChatError(.internal, "Something went wrong on our side while answering. Please try again."))
        }
    }
}
