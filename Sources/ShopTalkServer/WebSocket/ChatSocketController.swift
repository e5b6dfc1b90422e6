import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import NIOCore
import ShopTalkCore

/// `GET /chat?store=<slug>[&session=<token>]`: the WebSocket chat protocol.
///
/// Every frame gets an answer: a reply, a control frame or an error frame. A bad frame never closes the
/// connection; only a run of `maxBadFrames` bad frames in a row does, with 1008.
struct ChatSocketController: Sendable {
    let chat: ChatService
    let limits: ClientFrame.Limits
    let maxBadFrames: Int
    let refusals: UpgradeRefusals
    let gate: ConnectionGate
    let origins: OriginPolicy
    let sweeper: SlowConsumerSweeper

    func addRoutes(to router: Router<AppRequestContext>) {
        router.ws("/chat", shouldUpgrade: { request, context in
            // A refused upgrade is answered by `RefusedUpgradeWriter` with the recorded status and JSON body.
            if let refusal = origins.refusal(origin: request.headers[.origin], host: request.head.authority) {
                refusals.record(refusal, for: context.channel)
                return .dontUpgrade
            }
            guard let slug = request.uri.queryParameters.get("store") else {
                refusals.record(ChatError(.missingField, "Add ?store=<slug> to the URL, e.g. /chat?store=demo."), for: context.channel)
                return .dontUpgrade
            }
            guard try await chat.stores.store(slug: slug) != nil else {
                refusals.record(ChatError(.notFound, "There is no store \"\(slug.prefix(60))\"."), for: context.channel)
                return .dontUpgrade
            }
            // The TCP connection was already counted against the limits by `ConnectionGuardHandler`; an
            // upgrade over a keep-alive connection opened before shutdown began is refused here.
            if let refusal = gate.drainingRefusal {
                refusals.record(refusal, for: context.channel)
                return .dontUpgrade
            }
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, context in
            try await handle(inbound: inbound, outbound: outbound, context: context)
        })
    }

    private func handle(
        inbound: WebSocketInboundStream, outbound rawOutbound: WebSocketOutboundWriter,
        context: WebSocketRouterContext<AppRequestContext>
    ) async throws {
        var logger = context.logger
        let watch = sweeper.watch(context.requestContext.channel)
        defer { sweeper.forget(watch) }
        let outbound = ClientWriter(outbound: rawOutbound, watch: watch)
        let query = context.request.uri.queryParameters
        guard let slug = query.get("store"), let store = try await chat.stores.store(slug: slug) else {
            try await rawOutbound.close(.policyViolation, reason: "unknown store")
            return
        }
        let address = chat.addresses.address(peer: context.requestContext.remoteAddress, headers: context.request.headers)
        let opened: SessionManager.Opened
        do {
            opened = try await chat.sessions.open(token: query.get("session"), store: store, address: address)
        } catch let error as ChatError {
            chat.metrics.recordError(error.code)
            try await send(ErrorFrame(replyTo: nil, error: error), outbound)
            try await rawOutbound.close(.policyViolation, reason: "too many new sessions")
            return
        } catch {
            logger.error("Could not open a session", metadata: ["error": "\(error)"])
            try await send(ErrorFrame(replyTo: nil, error: ChatError(.internal, "Could not start a conversation. Please reconnect.")), outbound)
            try await rawOutbound.close(.unexpectedServerError, reason: "session unavailable")
            return
        }
        let session = opened.session
        logger[metadataKey: "store.slug"] = "\(store.slug)"
        let connectionLogger = logger
        chat.metrics.connections.increment()
        defer { chat.metrics.connections.decrement() }
        try await send(WelcomeFrame(
            session: session.id,
            store: .init(slug: store.slug, name: store.name, currency: store.currency),
            role: ChatContext.Role.customer.rawValue, resumed: opened.resumed, lastReplyId: await session.lastReplyID,
            resumeError: opened.resumeError,
            notice: opened.resumeError.map { $0 == "expired" ? "Your previous conversation expired, so this is a new one." : "That conversation could not be found, so this is a new one." }
        ), outbound)

        if opened.resumed, let frame = await chat.handoffs?.relay.resumeFrame(sessionID: session.id, storeID: store.id) {
            try await outbound.write(frame)
        }
        // A person's messages and the handoff's changes reach this shopper alongside the replies.
        let joined = chat.handoffs?.relay.join(sessionID: session.id)
        defer { if let joined { chat.handoffs?.relay.leave(joined.0) } }

        let access = ConnectionAccess()
        defer { access.signOut().map(chat.alerts.unsubscribe) }
        let inFlight = InFlight()
        let drained = try await withThrowingTaskGroup(of: Void.self) { group -> Bool in
            defer { group.cancelAll() }
            // The reader keeps reading while a message is being answered, so that a client that leaves is
            // noticed at once (and its unfinished answer cancelled). It assembles whole messages, which wait
            // for the in-order processor in a bounded queue; a message beyond it is answered with
            // `rate_limited`, never dropped silently, and never cut: fragments are never dropped.
            let (messages, queue) = AsyncStream.makeStream(of: FrameAssembler.Message.self, bufferingPolicy: .unbounded)
            // On shutdown the processor answers the messages it has already received, then the socket
            // closes with 1001; messages arriving meanwhile get an `unavailable` error, to resend after
            // reconnecting.
            let drainHook = gate.onDrain {
                inFlight.drain()
                queue.finish()
            }
            defer { gate.removeDrainHook(drainHook) }
            group.addTask {
                await read(inbound: inbound, into: queue, inFlight: inFlight, outbound: outbound, logger: connectionLogger)
            }
            if let frames = joined?.1 {
                group.addTask {
                    for await frame in frames { try await outbound.write(frame) }
                }
            }
            try await readLoop(messages: messages, inFlight: inFlight, outbound: outbound, session: session, address: address,
                               access: access, logger: connectionLogger) { token, member in
                // Once the connection is an owner's, alerts for its store are pushed alongside replies (a
                // staff member's gets the handoff frames only), and its token is checked twice a second: a
                // revoke ends the access within a second.
                let (id, alerts) = chat.alerts.subscribe(storeID: member.store.id, handoffOnly: member.role != "owner")
                access.signIn(token: token, subscription: id, member: member)
                group.addTask {
                    for await alert in alerts {
                        try await outbound.write(alert)
                    }
                }
                group.addTask {
                    try await watchToken(token, access: access, outbound: outbound)
                }
            }
            return inFlight.isDraining
        }
        await chat.sessions.close(session)
        if let (code, reason) = inFlight.violation {
            try await rawOutbound.close(code, reason: reason)
        } else if drained {
            try await rawOutbound.close(.goingAway, reason: "server shutting down")
        }
    }

    /// The reader: assembles frames into messages and queues them for the processor, or closes the
    /// connection when the client breaks the protocol (1002) or sends text that is not UTF-8 (1007).
    private func read(
        inbound: WebSocketInboundStream, into queue: AsyncStream<FrameAssembler.Message>.Continuation, inFlight: InFlight,
        outbound: ClientWriter, logger: Logger
    ) async {
        var assembler = FrameAssembler(maxBytes: limits.maxFrameBytes)
        do {
            for try await frame in inbound {
                let message: FrameAssembler.Message
                switch assembler.push(frame) {
                case .incomplete:
                    continue
                case .violation(let code, let reason):
                    // Reading stops at once; what was received before is still answered, then the socket
                    // closes with `code` (see `handle`).
                    logger.debug("Closing a WebSocket that broke the protocol", metadata: ["ws.violation": "\(reason)"])
                    inFlight.fail(code, reason: reason)
                    queue.finish()
                    return
                case .message(let whole):
                    message = whole
                }
                if inFlight.isDraining {
                    // Arrived after shutdown began: said so (with the message id when there is one), never
                    // dropped silently; the client resends after reconnecting.
                    try await send(ErrorFrame(
                        replyTo: clientID(of: message), error: ChatError(.unavailable, "The server is restarting; send this again once you have reconnected.")
                    ), outbound)
                } else if inFlight.enqueue(limit: 256) {
                    queue.yield(message)
                } else {
                    try await send(ErrorFrame(
                        replyTo: clientID(of: message), error: ChatError(.rateLimited, "Too many messages are waiting to be answered; this one was not processed. Slow down.")
                    ), outbound)
                }
            }
        } catch {}
        queue.finish()
        inFlight.cancelCurrent()
    }

    /// The client's id of a text message, when it has one that can be read.
    private func clientID(of message: FrameAssembler.Message) -> String? {
        guard case .text(let bytes) = message else { return nil }
        return ClientFrame.parse(bytes, limits: limits).clientID
    }

    /// Checks an owner connection's token twice a second; once it is revoked, the connection is told
    /// and goes on as a customer.
    private func watchToken(_ token: String, access: ConnectionAccess, outbound: ClientWriter) async throws {
        // Ends when the connection signs out or signs in again with another token (watched by its own task).
        while access.token == token {
            try await Task.sleep(for: .milliseconds(500))
            guard try await !chat.tokens.isActive(token), access.token == token else { continue }
            try await downgrade(access, outbound: outbound)
            return
        }
    }

    /// Ends owner access on this connection: alerts stop, and the client is told why.
    func downgrade(_ access: ConnectionAccess, outbound: ClientWriter) async throws {
        guard let subscription = access.signOut() else { return }
        chat.alerts.unsubscribe(subscription)
        chat.metrics.recordError(.unauthorized)
        try await send(ErrorFrame(replyTo: nil, error: ChatError(
            .unauthorized, "Your token was revoked, so owner or staff access has ended. You are now chatting as a customer."
        )), outbound)
    }

    /// Reads messages until the client goes away or is closed for sending only garbage.
    private func readLoop(
        messages: AsyncStream<FrameAssembler.Message>, inFlight: InFlight, outbound: ClientWriter, session: ChatSession,
        address: String?, access: ConnectionAccess, logger: Logger, becameOwner: (String, HandoffService.Member) -> Void
    ) async throws {
        var badInARow = 0
        for await message in messages {
            inFlight.dequeue()
            let outcome: Result<ClientFrame, ChatError>
            var clientID: String?
            switch message {
            case .binary:
                outcome = .failure(ChatError(.unknownType, "Binary frames are not supported; send JSON text frames."))
            case .oversized(let bytes):
                outcome = .failure(ChatError(.tooLarge, "Frames are limited to \(limits.maxFrameBytes / 1024) KiB; this one was \(bytes) bytes."))
            case .text(let bytes):
                // Already checked to be UTF-8 by the assembler.
                (outcome, clientID) = ClientFrame.parse(bytes, limits: limits)
            }
            switch outcome {
            case .failure(let error):
                chat.metrics.recordError(error.code)
                badInARow += 1
                try await send(ErrorFrame(replyTo: clientID, error: error), outbound)
                if badInARow >= maxBadFrames {
                    logger.notice("Closing a connection that sent only invalid frames", metadata: ["frames.bad": "\(badInARow)"])
                    try await outbound.outbound.close(.policyViolation, reason: "too many invalid frames")
                    return
                }
            case .success(let frame):
                badInARow = 0
                try await dispatch(frame, session: session, address: address, access: access, outbound: outbound, inFlight: inFlight, logger: logger, signedIn: becameOwner)
            }
        }
    }

    func send(_ frame: some Encodable, _ outbound: ClientWriter) async throws {
        try await outbound.write(FrameCoder.encodeToString(frame))
    }
}

